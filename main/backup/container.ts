import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import { AppError, problem as catalogueProblem } from '../shared/errors';
import type { PartHash } from './manifest';
import { ENTRY, ENTRY_ORDER } from './model';

const SMALL_ENTRY_MAX = 1024 * 1024;

export interface Progress {
  signal?: AbortSignal;
  onBytes?(done: number, total: number): void;
}

/**
 * Streams the staged parts (a folder holding the four entries) into `target` as one tar,
 * hashing what is written; fsyncs before returning. Memory: one tar block stream, never a part.
 */
export async function writeContainer(stagingDir: string, target: string, totalBytes: number, progress: Progress = {}): Promise<PartHash> {
  const pack = tar.c({ cwd: stagingDir, portable: true, noDirRecurse: true }, [...ENTRY_ORDER]);
  const hash = createHash('sha256');
  const handle = await open(target, 'wx', 0o600);
  let size = 0;
  try {
    for await (const chunk of pack as AsyncIterable<Buffer>) {
      if (progress.signal?.aborted) throw new AppError('CONFLICT', catalogueProblem('cancelled'));
      hash.update(chunk);
      await handle.write(chunk);
      size += chunk.length;
      progress.onBytes?.(size, totalBytes);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { size, sha256: hash.digest('hex') };
}

export interface ContainerContents {
  format: Buffer;
  manifest: Buffer;
  key: Buffer;
  /** Set when the database was extracted (or hashed through): its size and SHA-256. */
  db: PartHash | null;
  /** The whole file's size and SHA-256, when it was read to the end. */
  file: PartHash | null;
}

const invalid = (why: string) => new AppError('BACKUP_INVALID', `This backup cannot be used: ${why}.`);

/**
 * Reads a backup. Without `extractDbTo` it stops after the key file (a preview reads a few
 * kilobytes); with it, the database streams to that new file while everything is hashed.
 */
export async function readContainer(path: string, opts: Progress & { extractDbTo?: string; hashDb?: boolean } = {}): Promise<ContainerContents> {
  const total = statSync(path).size;
  const fileHash = createHash('sha256');
  const source = createReadStream(path, { highWaterMark: 1024 * 1024 });
  const parts = new Map<string, Buffer>();
  const seen: string[] = [];
  let problem: AppError | null = null;
  let stoppedEarly = false;
  let dbDone: Promise<PartHash> | null = null;
  const readDb = Boolean(opts.extractDbTo || opts.hashDb);

  const parser = new tar.Parser({
    strict: true,
    onReadEntry: (entry) => {
      seen.push(entry.path);
      const expected = ENTRY_ORDER[seen.length - 1];
      if (problem || entry.path !== expected || entry.type !== 'File') {
        problem ??= invalid(`its entries are not those of a DPO Workstation backup (found "${entry.path}" where "${expected ?? 'the end'}" belongs)`);
        entry.resume();
        return;
      }
      if (entry.path !== ENTRY.db) {
        const chunks: Buffer[] = [];
        let n = 0;
        entry.on('data', (c: Buffer) => {
          n += c.length;
          if (n <= SMALL_ENTRY_MAX) chunks.push(c);
        });
        entry.on('end', () => {
          if (n > SMALL_ENTRY_MAX) problem ??= invalid(`${entry.path} is implausibly large`);
          else parts.set(entry.path, Buffer.concat(chunks));
        });
        return;
      }
      if (!readDb) {
        stoppedEarly = true;
        source.destroy();
        return;
      }
      const dbHash = createHash('sha256');
      const expectedSize = entry.size ?? 0;
      let written = 0;
      entry.on('data', (c: Buffer) => {
        dbHash.update(c);
        written += c.length;
      });
      const sink = opts.extractDbTo ? createWriteStream(opts.extractDbTo, { flags: 'wx', mode: 0o600 }) : null;
      dbDone = (sink ? pipeline(entry as unknown as NodeJS.ReadableStream, sink) : new Promise<void>((r) => entry.on('end', () => r()))).then(() => {
        if (written !== expectedSize) throw invalid(`the database entry is cut short (${written} of ${expectedSize} bytes)`);
        return { size: written, sha256: dbHash.digest('hex') };
      });
      entry.resume();
    },
  });
  parser.on('warn', (code: string, message: string) => {
    problem ??= invalid(`the file is damaged (${code}: ${message})`);
  });

  let read = 0;
  source.on('data', (c) => {
    if (opts.signal?.aborted) source.destroy(new AppError('CONFLICT', catalogueProblem('cancelled')));
    fileHash.update(c as Buffer);
    read += c.length;
    opts.onBytes?.(read, total);
  });
  try {
    await pipeline(source, parser as unknown as NodeJS.WritableStream);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (!stoppedEarly) throw invalid(`the file could not be read to its end (${(error as Error).message})`);
  }
  if (problem) throw problem;
  const db = dbDone ? await (dbDone as Promise<PartHash>) : null;
  for (const name of [ENTRY.format, ENTRY.manifest, ENTRY.key]) {
    if (!parts.has(name)) throw invalid(`it has no ${name}`);
  }
  if (readDb && !db) throw invalid('it holds no database');
  return {
    format: parts.get(ENTRY.format)!,
    manifest: parts.get(ENTRY.manifest)!,
    key: parts.get(ENTRY.key)!,
    db,
    file: stoppedEarly ? null : { size: read, sha256: fileHash.digest('hex') },
  };
}
