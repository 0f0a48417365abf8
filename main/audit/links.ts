import type { ChainCheck } from './rules';

// The chain checked link by link. Every entry stores its previous entry's hash, so each link
// (prev_hash = the previous row's hash, and HMAC(prev_hash ‖ canonical entry) = hash) can be
// checked on its own: a range of entries needs nothing from the ranges before it, and ranges can
// be checked at once on worker threads (main/audit/verify-workers.ts) and joined in order here.
// The canonical entry is built by SQLite (json_array over the stored columns: the same bytes as
// JSON.stringify of the entry, checked for every code point in the tests), so a row reaches the
// MAC as one buffer instead of eight strings.
//
// checkLinks is self-contained (no imports, nothing from the module scope): a worker thread
// runs its source text as it is.

/** One row as the link check reads it: [seq, prev_hash, hash, canonical entry (UTF-8 bytes)]. */
export type LinkRow = [seq: number, prevHash: string, hash: string, canonical: Uint8Array];

export type LinkFailure = { index: number; seq: number; reason: 'hash' | 'missing' | 'order'; headBefore: string | null };

/** What one range of the chain holds, or where it first breaks. */
export interface RangeResult {
  /** Rows read, up to and including a failing one. */
  count: number;
  first: { seq: number; prevHash: string } | null;
  last: { seq: number; hash: string } | null;
  /** The first broken link inside the range (the link into its first row is checked by joinRanges). */
  failure: LinkFailure | null;
}

/**
 * Checks the links inside one range, starting at `startSeq`. `mac(prevHash, canonical)` is the
 * chain MAC in hex; `recheck(seq, prevHash)` recomputes a row's MAC from its columns the slow way, only
 * when the fast one differs (it never has; it keeps a SQLite/JSON.stringify difference from
 * ever reporting a sound entry as broken).
 */
export function checkLinks(
  pages: Iterable<LinkRow[]>,
  startSeq: number,
  mac: (prevHash: string, canonical: Uint8Array) => string,
  recheck: (seq: number, prevHash: string) => string | undefined,
  onPage?: (rows: number) => boolean | void,
): RangeResult {
  const r: RangeResult = { count: 0, first: null, last: null, failure: null };
  let expected = startSeq;
  let prev: string | null = null;
  for (const page of pages) {
    for (let i = 0; i < page.length; i++) {
      const [seq, prevHash, hash, canonical] = page[i];
      const index = r.count++;
      if (index === 0) r.first = { seq, prevHash };
      if (seq !== expected) {
        r.failure = { index, seq: expected, reason: seq > expected ? 'missing' : 'order', headBefore: prev };
        return r;
      }
      if (index > 0 && prevHash !== prev) {
        r.failure = { index, seq, reason: 'order', headBefore: prev };
        return r;
      }
      if (mac(prevHash, canonical) !== hash && recheck(seq, prevHash) !== hash) {
        r.failure = { index, seq, reason: 'hash', headBefore: prev };
        return r;
      }
      prev = hash;
      r.last = { seq, hash };
      expected = seq + 1;
    }
    if (onPage && onPage(page.length) === false) return r;
  }
  return r;
}

/**
 * Joins the ranges' results in seq order into what a walk from `from` would have found: the
 * same first broken link, entry count and head as verifyChain (main/audit/rules.ts).
 */
export function joinRanges(from: { seq: number; hash: string }, ranges: RangeResult[]): ChainCheck {
  let expected = from.seq + 1;
  let prev = from.hash;
  let entries = 0;
  for (const r of ranges) {
    if (!r.first) continue;
    // The link into the range's first row, which its own check could not see.
    if (r.first.seq !== expected) {
      return { ok: false, entries: entries + 1, head: prev, firstBroken: { seq: expected, reason: r.first.seq > expected ? 'missing' : 'order' } };
    }
    if (r.first.prevHash !== prev) return { ok: false, entries: entries + 1, head: prev, firstBroken: { seq: r.first.seq, reason: 'order' } };
    if (r.failure) {
      return { ok: false, entries: entries + r.failure.index + 1, head: r.failure.headBefore ?? prev, firstBroken: { seq: r.failure.seq, reason: r.failure.reason } };
    }
    entries += r.count;
    prev = r.last!.hash;
    expected = r.last!.seq + 1;
  }
  return { ok: true, entries, head: entries || from.seq ? prev : null, firstBroken: null };
}

/** Splits (afterSeq, lastSeq] into `parts` contiguous ranges of about equal length. */
export function splitRange(afterSeq: number, lastSeq: number, parts: number): { after: number; upTo: number }[] {
  const total = Math.max(0, lastSeq - afterSeq);
  const n = Math.max(1, Math.min(parts, total));
  const ranges: { after: number; upTo: number }[] = [];
  for (let k = 0; k < n; k++) {
    ranges.push({ after: afterSeq + Math.floor((total * k) / n), upTo: afterSeq + Math.floor((total * (k + 1)) / n) });
  }
  return ranges;
}
