/**
 * Remembers which recipient addresses were seen, and on which line, in 12 bytes per address
 * (two 32-bit halves of a 53-bit hash plus the line) instead of a Set of strings: a million
 * recipients cost ~24 MB here against ~100 MB as strings. Two different addresses share a
 * 53-bit fingerprint with a probability around 1e-4 at 1,000,000 rows; such a row would be
 * reported as a duplicate of the other's line, which the DPO sees in the summary.
 */
export class FingerprintSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private lines: Uint32Array;
  private size = 0;

  constructor(capacity = 1 << 16) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.lines = new Uint32Array(capacity);
  }

  /** Adds the key seen on `line`; returns the earlier line if it was already there, else 0. */
  addOrGet(key: string, line: number): number {
    if ((this.size + 1) * 2 > this.hi.length) this.grow();
    const [h, l] = hash53(key);
    const mask = this.hi.length - 1;
    let i = (l ^ h) & mask;
    for (;;) {
      if (this.lines[i] === 0) {
        this.hi[i] = h;
        this.lo[i] = l;
        this.lines[i] = line;
        this.size++;
        return 0;
      }
      if (this.hi[i] === h && this.lo[i] === l) return this.lines[i];
      i = (i + 1) & mask;
    }
  }

  private grow(): void {
    const { hi, lo, lines } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(hi.length * 2);
    this.lines = new Uint32Array(hi.length * 2);
    const mask = this.hi.length - 1;
    for (let j = 0; j < hi.length; j++) {
      if (lines[j] === 0) continue;
      let i = (lo[j] ^ hi[j]) & mask;
      while (this.lines[i] !== 0) i = (i + 1) & mask;
      this.hi[i] = hi[j];
      this.lo[i] = lo[j];
      this.lines[i] = lines[j];
    }
  }
}

/** cyrb53 (public domain): a fast string hash with good spread, as two 32-bit halves. */
function hash53(str: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [(h2 & 0x1fffff) >>> 0, h1 >>> 0];
}
