import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHUNK_BYTES, HashingWriter } from '../../../main/notices/hashing-writer';

// The merge's output file, written and hashed on a worker thread from shared chunks: every byte
// lands in order, the SHA-256 is the file's, and a failing disk fails the writer.

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('HashingWriter', () => {
  it('writes every piece in order across many chunks, a piece larger than a chunk included, and hashes the file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-writer-'));
    const path = join(dir, 'out.txt');
    const writer = new HashingWriter(openSync(path, 'wx'), 'utf8');
    const expected: string[] = [];
    const pending: Promise<void>[] = [];
    const reuse: string[] = [];
    for (let i = 0; i < 40_000; i++) {
      // One array reused by the caller from message to message, as the merge does.
      reuse.length = 0;
      reuse.push(`${i}:`, '个人信息'.repeat(i % 50), i === 20_000 ? 'x'.repeat(CHUNK_BYTES + 10) : '', '\n');
      expected.push(reuse.join(''));
      const p = writer.write(reuse);
      if (p) {
        pending.push(p);
        await p;
      }
    }
    const done = await writer.finish();
    const bytes = readFileSync(path);
    expect(bytes.toString('utf8')).toBe(expected.join(''));
    expect(done).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
    // More than three chunks' worth: the writer had to wait for the worker at least once.
    expect(bytes.length).toBeGreaterThan(3 * CHUNK_BYTES);
    expect(pending.length).toBeGreaterThan(0);
  });

  it('a file that cannot be written fails the writer instead of losing the messages', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-writer-'));
    const path = join(dir, 'read-only.txt');
    writeFileSync(path, '');
    const writer = new HashingWriter(openSync(path, 'r'), 'latin1');
    await writer.write(['x'.repeat(CHUNK_BYTES - 1)]);
    await expect(
      (async () => {
        for (let i = 0; i < 10; i++) await writer.write(['y'.repeat(CHUNK_BYTES - 1)]);
        await writer.finish();
      })(),
    ).rejects.toThrow(/EBADF|bad file/i);
    await writer.destroy();
  });
});
