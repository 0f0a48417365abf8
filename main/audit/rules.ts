import { createHmac } from 'node:crypto';
import type { AuditRow } from './model';
import { GENESIS_HASH } from './model';

type ChainFields = Pick<AuditRow, 'seq' | 'at' | 'actor' | 'action' | 'entity' | 'entity_id' | 'summary' | 'details'>;

/** Canonical JSON of an entry: a fixed-order array, so key order can never change a hash. */
export function canonicalEntry(e: ChainFields): string {
  return JSON.stringify([e.seq, e.at, e.actor, e.action, e.entity, e.entity_id, e.summary, e.details]);
}

/** HMAC-SHA256(key, previous hash ‖ canonical entry): editing, dropping or moving any entry breaks every later link. */
export function chainHash(key: Buffer, prevHash: string, entry: ChainFields): string {
  return createHmac('sha256', key).update(prevHash).update(canonicalEntry(entry)).digest('hex');
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  head: string | null;
  firstBroken: { seq: number; reason: 'hash' | 'missing' | 'order' } | null;
}

/**
 * Walks rows in seq order, one at a time, and names the first broken link. `from` starts the
 * walk after a known-good entry (an anchor: seq and hash) instead of at the genesis, so a
 * segment appended since the last anchor can be checked on its own. A caller that must not hold
 * the event loop (verifying a backup copy) feeds it page by page between awaits.
 */
export class ChainVerifier {
  private prev: string;
  private expectedSeq: number;
  private entries = 0;
  private broken: ChainCheck['firstBroken'] = null;

  constructor(
    private readonly key: Buffer,
    private readonly from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
  ) {
    this.prev = from.hash;
    this.expectedSeq = from.seq + 1;
  }

  /** Feeds the next row; false once a link is broken (later rows are ignored). */
  push(row: AuditRow): boolean {
    if (this.broken) return false;
    this.entries++;
    if (row.seq !== this.expectedSeq) {
      this.broken = { seq: this.expectedSeq, reason: row.seq > this.expectedSeq ? 'missing' : 'order' };
    } else if (row.prev_hash !== this.prev) {
      this.broken = { seq: row.seq, reason: 'order' };
    } else if (chainHash(this.key, this.prev, row) !== row.hash) {
      this.broken = { seq: row.seq, reason: 'hash' };
    } else {
      this.prev = row.hash;
      this.expectedSeq++;
      return true;
    }
    return false;
  }

  result(): ChainCheck {
    if (this.broken) return { ok: false, entries: this.entries, head: this.prev, firstBroken: this.broken };
    return { ok: true, entries: this.entries, head: this.entries || this.from.seq ? this.prev : null, firstBroken: null };
  }
}

/** Walks rows in seq order and names the first broken link. Pure: the rows come from the repo. */
export function verifyChain(key: Buffer, rows: Iterable<AuditRow>, from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): ChainCheck {
  const verifier = new ChainVerifier(key, from);
  for (const row of rows) if (!verifier.push(row)) break;
  return verifier.result();
}
