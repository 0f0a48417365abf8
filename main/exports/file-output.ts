import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { ResolvedFile } from '../files/access';

/**
 * Where an export writes: a temporary name beside the chosen file, renamed into place only when
 * the whole export is written, so a cancelled or failed export (or a lock) leaves no file.
 */
export class ExportFile {
  readonly tempPath: string;
  readonly stream: WriteStream;
  private failure: Error | null = null;
  private discarded = false;

  constructor(
    private readonly target: ResolvedFile,
    jobTag: string,
  ) {
    this.tempPath = `${target.path}.partial-${jobTag}`;
    this.stream = createWriteStream(this.tempPath, { flags: 'wx', mode: 0o600 });
    this.stream.on('error', (e) => (this.failure = e));
  }

  get name(): string {
    return this.target.name;
  }

  /** Writes a chunk; resolves when the stream can take more (backpressure). */
  write(chunk: string | Buffer): Promise<void> | void {
    if (this.failure) throw this.failure;
    if (!this.stream.write(chunk)) return new Promise((resolve) => this.stream.once('drain', resolve));
  }

  /** Closes, hashes and renames into place. */
  async finish(): Promise<{ sha256: string; bytes: number; name: string }> {
    // The XLSX writer ends the stream itself; anything else is ended here. Either way wait until flushed.
    if (!this.stream.writableEnded) this.stream.end();
    if (!this.stream.writableFinished) await finished(this.stream);
    if (this.failure) throw this.failure;
    if (this.discarded) throw new Error('The export was cancelled');
    const { sha256, bytes } = await hashFile(this.tempPath);
    // The native dialog asked before replacing a file; a typed path never replaces one.
    if (existsSync(this.target.path) && !this.target.overwrite) {
      throw new Error(`${this.target.name} appeared during the export; nothing was overwritten`);
    }
    renameSync(this.tempPath, this.target.path);
    return { sha256, bytes, name: this.target.name };
  }

  /** Removes the temporary output; safe to call twice. */
  discard(): void {
    this.discarded = true;
    // The stream opens its file asynchronously: a discard right after the start would otherwise
    // race the open and leave an empty file behind. Remove now, and again once closed.
    const remove = () => rmSync(this.tempPath, { force: true });
    if (!this.stream.closed) this.stream.once('close', remove);
    this.stream.destroy();
    remove();
  }
}

export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
