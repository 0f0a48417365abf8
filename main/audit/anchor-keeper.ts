import type { AnchorStatus, AuditAnchor } from './model';
import { anchorSignatureOk, compareWithAnchor, readAnchorFile, signAnchor, writeAnchorFile } from './anchor';
import type { AuditRepo } from './repo';
import { checkSegment } from './verify';

/** At most one anchor write per this many milliseconds; commits in between are coalesced. */
export const ANCHOR_MIN_INTERVAL_MS = 1000;

export interface AnchorState {
  status: AnchorStatus;
  /** The anchor in force (null when absent or unreadable). */
  anchor: AuditAnchor | null;
  /** The chain's last seq when it was last compared. */
  lastSeq: number;
  /** Why the anchor is not moving forward (the chain no longer holds the anchored head). */
  held: boolean;
}

/**
 * Keeps the anchor file in step with the chain of one open vault. Cadence: after each committed
 * transaction that appended entries, coalesced to at most one write a second (a timer writes the
 * latest head), and at lock/close. Each write first verifies the entries appended since the last
 * anchor against it, so the anchor only ever moves along a chain that still holds the old head:
 * a truncated, wiped or re-chained log is never "re-anchored" silently.
 */
export class AnchorKeeper {
  private state: AnchorState;
  private lastWrite = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly key: Buffer,
    private readonly repo: AuditRepo,
    private readonly chainKey: Buffer,
    private readonly now: () => Date,
  ) {
    this.state = this.read();
  }

  /** Reads the file and compares it with the chain as it is now. */
  private read(): AnchorState {
    const file = readAnchorFile(this.path);
    const last = this.repo.last();
    if (file.state === 'absent') return { status: 'absent', anchor: null, lastSeq: last?.seq ?? 0, held: false };
    if (file.state === 'unreadable' || !anchorSignatureOk(this.key, file.anchor)) {
      return { status: 'badSignature', anchor: file.state === 'present' ? file.anchor : null, lastSeq: last?.seq ?? 0, held: true };
    }
    const c = compareWithAnchor(file.anchor, last, (seq) => this.repo.hashAt(seq));
    return { status: c.status, anchor: file.anchor, lastSeq: c.lastSeq, held: c.status !== 'matches' };
  }

  current(): AnchorState {
    return structuredClone(this.state);
  }

  /** Re-reads the file and the chain (audit.verify, the pack writer). */
  refresh(): AnchorState {
    this.state = this.read();
    return this.current();
  }

  /**
   * Anchors `head` after a full verification passed (an absent anchor, the DPO resetting a held
   * one). The only way an anchor that is held moves.
   */
  anchorVerified(head: { seq: number; hash: string }): AuditAnchor {
    const anchor = signAnchor(this.key, { seq: head.seq, hash: head.hash, at: this.now().toISOString() });
    writeAnchorFile(this.path, anchor);
    this.lastWrite = Date.now();
    this.state = { status: 'matches', anchor, lastSeq: head.seq, held: false };
    return anchor;
  }

  /** Called after every outermost commit. */
  afterCommit(): void {
    if (this.closed || this.state.held || !this.state.anchor) return;
    const wait = this.lastWrite + ANCHOR_MIN_INTERVAL_MS - Date.now();
    if (wait <= 0) return void this.flush();
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, wait);
      this.timer.unref?.();
    }
  }

  /**
   * Moves the anchor to the chain's head if the entries since the anchor verify from it.
   * Returns the anchor in force.
   */
  flush(): AuditAnchor | null {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.closed || this.state.held || !this.state.anchor) return this.state.anchor;
    const from = this.state.anchor;
    const last = this.repo.last();
    if (!last || last.seq === from.seq) return from;
    const c = compareWithAnchor(from, last, (seq) => this.repo.hashAt(seq));
    if (c.status !== 'matches') {
      this.state = { ...this.state, status: c.status, lastSeq: c.lastSeq, held: true };
      return from;
    }
    const segment = checkSegment(this.repo, this.chainKey, from, last.seq);
    if (!segment.ok || segment.head === null) {
      this.state = { ...this.state, status: 'rewritten', held: true };
      return from;
    }
    const anchor = signAnchor(this.key, { seq: from.seq + segment.entries, hash: segment.head, at: this.now().toISOString() });
    writeAnchorFile(this.path, anchor);
    this.lastWrite = Date.now();
    this.state = { status: 'matches', anchor, lastSeq: anchor.seq, held: false };
    return anchor;
  }

  /** Lock/close: the last write, then no more (the database closes next). */
  close(): void {
    try {
      this.flush();
    } finally {
      this.closed = true;
    }
  }
}
