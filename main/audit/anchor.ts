import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '../store/files';
import type { AnchorStatus, AuditAnchor } from './model';

// The anchor document: sign, check, compare with the chain (pure), and read/write its file.
// API for the backup writer (issue 11) and the incremental verify (issue 16): an anchor is
// { seq, hash, at, signature }; `anchorSignatureOk` checks one; `compareWithAnchor` says how a
// chain stands against it.

export const ANCHOR_FORMAT = 'dpo-audit-anchor';
export const ANCHOR_FILE_NAME = 'vault.anchor';

const canonical = (a: Pick<AuditAnchor, 'seq' | 'hash' | 'at'>): string => JSON.stringify([ANCHOR_FORMAT, 1, a.seq, a.hash, a.at]);

export function signAnchor(key: Buffer, head: { seq: number; hash: string; at: string }): AuditAnchor {
  const signature = createHmac('sha256', key).update(canonical(head)).digest('hex');
  return { format: ANCHOR_FORMAT, version: 1, seq: head.seq, hash: head.hash, at: head.at, signature };
}

export function anchorSignatureOk(key: Buffer, anchor: AuditAnchor): boolean {
  const expected = Buffer.from(signAnchor(key, anchor).signature, 'hex');
  const given = Buffer.from(typeof anchor.signature === 'string' ? anchor.signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Parses an anchor document; null when it is not one (wrong shape, not JSON). */
export function parseAnchor(text: string): AuditAnchor | null {
  try {
    const v = JSON.parse(text) as Partial<AuditAnchor>;
    if (v.format !== ANCHOR_FORMAT || v.version !== 1) return null;
    if (!Number.isInteger(v.seq) || (v.seq as number) < 0) return null;
    if (typeof v.hash !== 'string' || typeof v.at !== 'string' || typeof v.signature !== 'string') return null;
    return { format: ANCHOR_FORMAT, version: 1, seq: v.seq as number, hash: v.hash, at: v.at, signature: v.signature };
  } catch {
    return null;
  }
}

export type AnchorFile = { state: 'absent' } | { state: 'unreadable' } | { state: 'present'; anchor: AuditAnchor };

export function readAnchorFile(path: string): AnchorFile {
  if (!existsSync(path)) return { state: 'absent' };
  const anchor = parseAnchor(readFileSync(path, 'utf8'));
  return anchor ? { state: 'present', anchor } : { state: 'unreadable' };
}

/** Write-then-rename with fsync: a crash leaves the old anchor or the new one. */
export function writeAnchorFile(path: string, anchor: AuditAnchor): void {
  writeFileAtomic(path, `${JSON.stringify(anchor, null, 2)}\n`);
}

export interface AnchorComparison {
  status: AnchorStatus;
  /** The last seq the chain has (0 when empty). */
  lastSeq: number;
}

/**
 * How a chain stands against an anchor whose signature was checked. Pure: `hashAt` reads the
 * chain's hash at a seq (undefined when absent), `last` is the chain's last entry.
 */
export function compareWithAnchor(
  anchor: Pick<AuditAnchor, 'seq' | 'hash'>,
  last: { seq: number } | undefined,
  hashAt: (seq: number) => string | undefined,
): AnchorComparison {
  const lastSeq = last?.seq ?? 0;
  if (anchor.seq === 0) return { status: 'matches', lastSeq };
  if (lastSeq < anchor.seq) return { status: 'missingAfter', lastSeq };
  const hash = hashAt(anchor.seq);
  if (hash === undefined) return { status: 'missingAfter', lastSeq: anchor.seq - 1 };
  return { status: hash === anchor.hash ? 'matches' : 'rewritten', lastSeq };
}
