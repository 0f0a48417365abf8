import { closeSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

// A file written in big chunks by a worker thread that also hashes them (SHA-256 of the whole
// file, which the audit log records). The merge fills one chunk of shared memory at a time and
// hands it over; the worker writes and hashes it while the merge fills the next, so a
// million-message run keeps one core on composing and the other on writing and hashing
// (issue 16: those took a third of the single thread's time). Chunks come back to the pool when
// written, so memory stays at CHUNKS × CHUNK_BYTES whatever the size of the file.

export const CHUNK_BYTES = 4 << 20;
const CHUNKS = 3;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { writeSync, fsyncSync, closeSync } = require('node:fs');
const hash = createHash('sha256');
const chunks = workerData.chunks.map((sab) => Buffer.from(sab));
let bytes = 0;
parentPort.on('message', (m) => {
  try {
    if (m.type === 'chunk' || m.type === 'bytes') {
      const data = m.type === 'chunk' ? chunks[m.index].subarray(0, m.length) : Buffer.from(m.buffer);
      hash.update(data);
      for (let at = 0; at < data.length; ) at += writeSync(workerData.fd, data, at, data.length - at);
      bytes += data.length;
      parentPort.postMessage({ type: 'free', index: m.type === 'chunk' ? m.index : -1 });
    } else if (m.type === 'end') {
      fsyncSync(workerData.fd);
      closeSync(workerData.fd);
      parentPort.postMessage({ type: 'done', sha256: hash.digest('hex'), bytes });
    }
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String((error && error.message) || error), code: error && error.code });
  }
});
`;

export class HashingWriter {
  private readonly worker: Worker;
  private readonly chunks: Buffer[];
  private readonly free: number[];
  private current: number;
  private used = 0;
  private failure: Error | null = null;
  private closed = false;
  private waiting: { resolve(): void; reject(e: Error): void } | null = null;
  private finished: { resolve(v: { sha256: string; bytes: number }): void; reject(e: Error): void } | null = null;

  /** Takes ownership of `fd` (an open, empty file): the worker closes it at the end. */
  constructor(
    private readonly fd: number,
    private readonly encoding: 'utf8' | 'latin1',
  ) {
    const shared = Array.from({ length: CHUNKS }, () => new SharedArrayBuffer(CHUNK_BYTES));
    this.chunks = shared.map((sab) => Buffer.from(sab));
    this.free = shared.map((_, i) => i).slice(1);
    this.current = 0;
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { fd, chunks: shared } });
    this.worker.on('message', (m: { type: 'free'; index: number } | { type: 'done'; sha256: string; bytes: number } | { type: 'error'; message: string; code?: string }) => {
      if (m.type === 'free') {
        if (m.index >= 0) this.free.push(m.index);
        this.wake();
      } else if (m.type === 'done') {
        this.closed = true;
        this.finished?.resolve({ sha256: m.sha256, bytes: m.bytes });
      } else {
        this.fail(Object.assign(new Error(m.message), { code: m.code }));
      }
    });
    this.worker.on('error', (e) => this.fail(e));
  }

  /**
   * Appends the pieces in order. Resolves later only when every chunk is waiting to be written
   * (the caller then pauses reading); otherwise returns at once.
   */
  write(parts: string[]): Promise<void> | void {
    if (this.failure) throw this.failure;
    let length = 0;
    for (const p of parts) length += p.length;
    // UTF-8 needs at most 3 bytes per UTF-16 unit.
    const worst = this.encoding === 'utf8' ? length * 3 : length;
    if (worst > CHUNK_BYTES) {
      // Larger than a chunk (a message with a huge field): sent as its own buffer, in order.
      const pending = this.handOver();
      const data = Buffer.from(parts.join(''), this.encoding);
      this.worker.postMessage({ type: 'bytes', buffer: data.buffer.slice(data.byteOffset, data.byteOffset + data.length) });
      return pending;
    }
    const pending = this.used + worst > CHUNK_BYTES ? this.handOver() : undefined;
    if (pending) {
      // The caller may reuse its array for the next message: keep these pieces as they are now.
      const kept = parts.slice();
      return pending.then(() => this.fill(kept));
    }
    this.fill(parts);
  }

  private fill(parts: string[]): void {
    const chunk = this.chunks[this.current];
    for (const p of parts) this.used += chunk.write(p, this.used, this.encoding);
  }

  /** Sends the current chunk to the worker and takes a free one (waiting for it when none is). */
  private handOver(): Promise<void> | void {
    if (this.used > 0) {
      this.worker.postMessage({ type: 'chunk', index: this.current, length: this.used });
      this.used = 0;
      this.current = -1;
    }
    if (this.current >= 0) return;
    const next = this.free.shift();
    if (next !== undefined) {
      this.current = next;
      return;
    }
    return new Promise<void>((resolve, reject) => (this.waiting = { resolve, reject }));
  }

  private wake(): void {
    const w = this.waiting;
    if (!w) return;
    if (this.failure) {
      this.waiting = null;
      w.reject(this.failure);
    } else if (this.free.length) {
      this.waiting = null;
      this.current = this.free.shift()!;
      w.resolve();
    }
  }

  /** Writes what is left, syncs and closes the file; the SHA-256 and length of all it wrote. */
  async finish(): Promise<{ sha256: string; bytes: number }> {
    if (this.failure) throw this.failure;
    const done = new Promise<{ sha256: string; bytes: number }>((resolve, reject) => (this.finished = { resolve, reject }));
    if (this.used > 0) this.worker.postMessage({ type: 'chunk', index: this.current, length: this.used });
    this.used = 0;
    this.worker.postMessage({ type: 'end' });
    try {
      return await done;
    } finally {
      void this.worker.terminate();
    }
  }

  /** Stops the worker; the file is closed (its removal is the caller's). */
  async destroy(): Promise<void> {
    await this.worker.terminate();
    if (!this.closed) {
      this.closed = true;
      try {
        closeSync(this.fd);
      } catch {
        // Already closed by the worker.
      }
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.finished?.reject(error);
    this.wake();
  }
}
