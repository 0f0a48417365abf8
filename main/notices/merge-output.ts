import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invalid, problem } from '../shared/errors';
import { HashingWriter } from './hashing-writer';

/**
 * Where a mail-merge writes. The final name is reserved up front (created empty, exclusively),
 * so two runs can never pick the same output and a run never fails at its very end because a
 * file "appeared" (issue 10, item 4). Everything is written to a temporary name beside it and
 * renamed into place only when the run completes; a cancelled or failed run (or a lock) leaves
 * nothing: the temporary and the reservation are both removed.
 */
export interface MergeOutput {
  readonly tempPath: string;
  /** Appends one message (or one line), given whole or in pieces; resolves when the stream can take more. */
  write(name: string, content: string | string[]): Promise<void> | void;
  /** Flushes, renames into place, and returns the SHA-256 recorded for the output. */
  finish(): Promise<{ sha256: string; bytes: number }>;
  /** The audit log now knows the output: discard no longer removes it. */
  commit(): void;
  /** Removes the temporary and, unless committed, the output itself. Safe to call twice. */
  discard(): void;
}

const TAKEN = problem('pathTaken');

/** Creates the final file empty and exclusively; refuses (by field) when anything is there. */
function reserveFile(path: string, field: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw invalid({ [field]: TAKEN });
    throw error;
  }
}

function reserveFolder(path: string, field: string): void {
  try {
    mkdirSync(path, { mode: 0o700 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw invalid({ [field]: TAKEN });
    throw error;
  }
}

/**
 * One file (mbox or CSV): messages are encoded into shared chunks that a worker thread hashes
 * and writes (main/notices/hashing-writer.ts), with backpressure when every chunk is in flight.
 */
export class SingleFileOutput implements MergeOutput {
  readonly tempPath: string;
  private readonly writer: HashingWriter;
  private committed = false;
  private discarded = false;

  constructor(
    private readonly finalPath: string,
    jobId: string,
    header = '',
    /** latin1 for the all-ASCII mbox (a plain copy, faster than UTF-8); utf8 for the text CSVs. */
    encoding: 'utf8' | 'latin1' = 'utf8',
    field = 'output.grantId',
  ) {
    this.tempPath = `${finalPath}.partial-${jobId}`;
    reserveFile(finalPath, field);
    let fd: number;
    try {
      fd = openSync(this.tempPath, 'wx', 0o600);
    } catch (error) {
      rmSync(finalPath, { force: true });
      throw error;
    }
    this.writer = new HashingWriter(fd, encoding);
    if (header) void this.writer.write([header]);
  }

  write(_name: string, content: string | string[]): Promise<void> | void {
    if (this.discarded) throw new Error('The output was discarded');
    // Pieces are copied one by one: joining them first would build (and flatten) a rope per message.
    return this.writer.write(typeof content === 'string' ? [content] : content);
  }

  async finish(): Promise<{ sha256: string; bytes: number }> {
    const done = await this.writer.finish();
    if (this.discarded) throw new Error('The output was discarded');
    // Over our own empty reservation: the name was ours from the start.
    renameSync(this.tempPath, this.finalPath);
    return done;
  }

  commit(): void {
    this.committed = true;
  }

  discard(): void {
    if (!this.discarded) {
      this.discarded = true;
      // The worker may still be writing: the file goes once it has stopped, and now (its name at least).
      void this.writer.destroy().finally(() => rmSync(this.tempPath, { force: true }));
    }
    rmSync(this.tempPath, { force: true });
    if (!this.committed) rmSync(this.finalPath, { force: true });
  }
}

/**
 * One .eml per recipient in a folder, with a SHA256SUMS file (sha256sum -c format) whose own
 * SHA-256 is what the audit log records for the whole folder.
 */
export class FolderOutput implements MergeOutput {
  readonly tempPath: string;
  private sums: string[] = [];
  private bytes = 0;
  private committed = false;
  private discarded = false;

  constructor(
    private readonly finalPath: string,
    jobId: string,
    field = 'output.grantId',
  ) {
    this.tempPath = `${finalPath}.partial-${jobId}`;
    reserveFolder(finalPath, field);
    mkdirSync(this.tempPath, { mode: 0o700 });
  }

  write(name: string, content: string | string[]): void {
    if (this.discarded) throw new Error('The output was discarded');
    const buf = Buffer.from(typeof content === 'string' ? content : content.join(''), 'utf8');
    writeFileSync(join(this.tempPath, name), buf, { flag: 'wx', mode: 0o600 });
    this.sums.push(`${createHash('sha256').update(buf).digest('hex')}  ${name}\n`);
    this.bytes += buf.length;
  }

  async finish(): Promise<{ sha256: string; bytes: number }> {
    const manifest = Buffer.from(this.sums.join(''), 'utf8');
    writeFileSync(join(this.tempPath, 'SHA256SUMS'), manifest, { mode: 0o600 });
    if (this.discarded) throw new Error('The output was discarded');
    // Our reserved folder is still empty; a folder cannot be renamed over another everywhere.
    rmdirSync(this.finalPath);
    renameSync(this.tempPath, this.finalPath);
    return { sha256: createHash('sha256').update(manifest).digest('hex'), bytes: this.bytes };
  }

  commit(): void {
    this.committed = true;
  }

  discard(): void {
    this.discarded = true;
    rmSync(this.tempPath, { recursive: true, force: true });
    if (!this.committed) rmSync(this.finalPath, { recursive: true, force: true });
  }
}
