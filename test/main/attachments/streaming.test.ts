import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTestVault, type TestVault } from '../../helpers/vault';
import { seedRecords } from '../../helpers/records';

let tv: TestVault;
let dir: string;
afterEach(() => {
  tv?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const MB = 1024 * 1024;

/**
 * The test plays the renderer in main's own process. A real renderer is another process, so
 * the base64 strings it sends are not main's memory: the "renderer" here lets go of each one
 * (a full GC now and then). A chunk that main kept would still be counted: a GC frees only
 * what nothing holds.
 */
setFlagsFromString('--expose_gc');
const collectRendererGarbage = runInNewContext('gc') as () => void;

/** A file of `size` bytes written piece by piece (the test itself never holds it either). */
function makeFile(path: string, size: number): string {
  const piece = randomBytes(4 * MB);
  const hash = createHash('sha256');
  const fd = openSync(path, 'w');
  for (let written = 0; written < size; ) {
    const n = Math.min(piece.length, size - written);
    piece[0] = written & 0xff; // no two pieces alike
    writeSync(fd, piece, 0, n);
    hash.update(piece.subarray(0, n));
    written += n;
  }
  closeSync(fd);
  return hash.digest('hex');
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Samples the resident set while `work` runs; answers the peak. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ value: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peak };
  } finally {
    clearInterval(timer);
  }
}

describe('attachments stream with flat memory', () => {
  it('a 200 MB file goes in (picked and dropped) and out with RSS growth under 64 MB, byte for byte; 0 bytes too', async () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-stream-'));
    tv = await makeTestVault({ roots: [dir] });
    const { incident } = await seedRecords(tv);
    const owner = { module: 'incidents' as const, recordId: incident.id };
    const size = 200 * MB;
    const source = join(dir, 'disk-image.bin');
    const sha = makeFile(source, size);

    const addFile = async (path: string) => {
      const grant = await tv.ok('files.grantPath', { purpose: 'attachment', mode: 'open', path });
      const job = await tv.ok('attachments.addFromFile', { owner, role: 'evidence', grantId: grant.grantId });
      const done = await tv.vault.jobs.wait(job.jobId, 20);
      expect(done.state, JSON.stringify(done.error)).toBe('done');
      return done.result as { id: string; size: number; sha256: string; chunks: number };
    };
    const saveTo = async (id: string, path: string) => {
      const grant = await tv.ok('files.grantPath', { purpose: 'attachment', mode: 'save', path });
      const done = await tv.vault.jobs.wait((await tv.ok('attachments.saveAs', { id, grantId: grant.grantId })).jobId, 20);
      expect(done.state, JSON.stringify(done.error)).toBe('done');
    };

    // Warm up (SQLite's page cache, the module code) so the baseline is the steady state.
    makeFile(join(dir, 'warm.bin'), 8 * MB);
    await saveTo((await addFile(join(dir, 'warm.bin'))).id, join(dir, 'warm-out.bin'));
    const baseline = process.memoryUsage().rss;

    const picked = await peakRss(() => addFile(source));
    expect(picked.value).toMatchObject({ size, sha256: sha, chunks: 100 });
    const saved = await peakRss(() => saveTo(picked.value.id, join(dir, 'out.bin')));
    expect(statSync(join(dir, 'out.bin')).size).toBe(size);
    expect(await sha256Of(join(dir, 'out.bin'))).toBe(sha);

    // A drop in the window: the renderer sends chunks of the size main asks for.
    const dropped = await peakRss(async () => {
      const begin = await tv.ok('attachments.beginUpload', { owner, role: 'evidence', name: 'dropped.bin', size });
      const fd = openSync(source, 'r');
      const buf = Buffer.alloc(begin.chunkSize);
      try {
        for (let i = 0, off = 0; off < size; i++, off += begin.chunkSize) {
          const n = Math.min(begin.chunkSize, size - off);
          readSync(fd, buf, 0, n, off);
          await tv.ok('attachments.uploadChunk', { uploadId: begin.uploadId, index: i, data: buf.subarray(0, n).toString('base64') });
          if (i % 8 === 7) collectRendererGarbage();
        }
      } finally {
        closeSync(fd);
      }
      return tv.ok('attachments.finishUpload', { uploadId: begin.uploadId });
    });
    expect(dropped.value).toMatchObject({ size, sha256: sha });

    const growth = Math.max(picked.peak, saved.peak, dropped.peak) - baseline;
    console.log(`RSS baseline ${(baseline / MB).toFixed(0)} MB; growth picked ${((picked.peak - baseline) / MB).toFixed(1)} MB, saved ${((saved.peak - baseline) / MB).toFixed(1)} MB, dropped ${((dropped.peak - baseline) / MB).toFixed(1)} MB`);
    expect(growth).toBeLessThan(64 * MB);

    // And the empty file.
    const emptyPath = join(dir, 'empty.txt');
    closeSync(openSync(emptyPath, 'w'));
    const empty = await addFile(emptyPath);
    expect(empty).toMatchObject({ size: 0, chunks: 0, sha256: createHash('sha256').digest('hex') });
    await saveTo(empty.id, join(dir, 'empty-out.txt'));
    expect(statSync(join(dir, 'empty-out.txt')).size).toBe(0);
  }, 240_000);
});
