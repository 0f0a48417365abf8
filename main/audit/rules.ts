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
 * Walks rows in seq order and names the first broken link. Pure: the rows come from the repo.
 * `from` starts the walk after a known-good entry (an anchor: seq and hash) instead of at the
 * genesis, so a segment appended since the last anchor can be checked on its own.
 */
export function verifyChain(key: Buffer, rows: Iterable<AuditRow>, from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH }): ChainCheck {
  let prev = from.hash;
  let expectedSeq = from.seq + 1;
  let entries = 0;
  for (const row of rows) {
    entries++;
    if (row.seq !== expectedSeq) {
      return { ok: false, entries, head: prev, firstBroken: { seq: expectedSeq, reason: row.seq > expectedSeq ? 'missing' : 'order' } };
    }
    if (row.prev_hash !== prev) {
      return { ok: false, entries, head: prev, firstBroken: { seq: row.seq, reason: 'order' } };
    }
    if (chainHash(key, prev, row) !== row.hash) {
      return { ok: false, entries, head: prev, firstBroken: { seq: row.seq, reason: 'hash' } };
    }
    prev = row.hash;
    expectedSeq++;
  }
  return { ok: true, entries, head: entries || from.seq ? prev : null, firstBroken: null };
}
