import { createHmac } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { checkLinks, joinRanges } from './links';
import type { AuditRepo } from './repo';
import { checkLinksOnWorkers } from './repo/links-worker';
import type { ChainCheck } from './rules';

// How the chain is checked: in this thread for a short stretch (the segment since the anchor,
// a small vault), on worker threads for a long one (issue 16: 1,000,000 entries in ≤ 2 s).

/** What the worker threads need to open the vault themselves. */
export interface VerifyWorkers {
  path: string;
  /** The live database key (copied to each worker). */
  key(): Buffer;
  nativeBinding?: string;
}

/** Below this many entries one thread is quicker than starting workers (each opens the vault). */
export const PARALLEL_MIN_ENTRIES = 50_000;

/** Threads for a long check: the machine's cores, at most 4 (reading pages from disk does not scale further). */
export const verifyThreads = (): number => Math.max(1, Math.min(4, availableParallelism()));

const mac = (key: Buffer) => (prevHash: string, canonical: Uint8Array) => createHmac('sha256', key).update(prevHash).update(canonical).digest('hex');

/** The entries after `from` up to `lastSeq`, checked in this thread. */
export function checkSegment(repo: AuditRepo, chainKey: Buffer, from: { seq: number; hash: string }, lastSeq: number): ChainCheck {
  const recheck = (seq: number, prevHash: string) => {
    const e = repo.entry(seq);
    return e && createHmac('sha256', chainKey).update(prevHash).update(JSON.stringify([e.seq, e.at, e.actor, e.action, e.entity, e.entity_id, e.summary, e.details])).digest('hex');
  };
  return joinRanges(from, [checkLinks(repo.linkPages(from.seq, lastSeq), from.seq + 1, mac(chainKey), recheck)]);
}

export interface ChainCheckOptions {
  workers?: VerifyWorkers | null;
  /** Entries from which the workers are used (tests lower it). */
  parallelFrom?: number;
  threads?: number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

/** The chain from `from` to `lastSeq`; null when stopped through the signal. */
export async function checkChain(repo: AuditRepo, chainKey: Buffer, from: { seq: number; hash: string }, lastSeq: number, opts: ChainCheckOptions = {}): Promise<ChainCheck | null> {
  const entries = lastSeq - from.seq;
  const threads = opts.threads ?? verifyThreads();
  if (!opts.workers || entries < (opts.parallelFrom ?? PARALLEL_MIN_ENTRIES)) {
    const check = checkSegment(repo, chainKey, from, lastSeq);
    opts.onProgress?.(entries, entries);
    return opts.signal?.aborted ? null : check;
  }
  const key = opts.workers.key();
  return checkLinksOnWorkers({
    path: opts.workers.path,
    key,
    chainKey,
    nativeBinding: opts.workers.nativeBinding,
    from,
    lastSeq,
    workers: threads,
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
}
