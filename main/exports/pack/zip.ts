import { createHash } from 'node:crypto';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { ExportFile } from '../file-output';

export interface PackedFile {
  path: string;
  bytes: number;
  sha256: string;
}

/** Already compressed: stored as they are (deflating them again costs time and saves nothing). */
const STORED = /\.(zip|xlsx|docx|pptx|pdf|png|jpe?g|gif|webp|mp[34]|mov|gz|7z|rar|woff2?)$/i;

/**
 * A .zip written as it is built (fflate's streaming Zip) into the export's temporary file, with
 * the SHA-256 of every file for the manifest. Text is deflated; files that are already
 * compressed are stored.
 */
export class PackZip {
  private readonly zip: Zip;
  private readonly files: PackedFile[] = [];
  private readonly names = new Set<string>();
  private pending: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  private done: Promise<void>;

  constructor(private readonly out: ExportFile) {
    let resolveDone!: () => void;
    this.done = new Promise((r) => (resolveDone = r));
    this.zip = new Zip((err, chunk, final) => {
      if (err) {
        this.failure = err;
        return;
      }
      const wrote = this.out.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      if (wrote) this.pending = this.pending.then(() => wrote);
      if (final) resolveDone();
    });
  }

  /** A name not used yet in the pack (attachments may share a name). */
  uniqueName(path: string): string {
    let name = path;
    for (let i = 2; this.names.has(name); i++) name = path.replace(/(\.[^./]+)?$/, (ext) => ` (${i})${ext}`);
    return name;
  }

  private entry(path: string) {
    if (this.failure) throw this.failure;
    if (this.names.has(path)) throw new Error(`Two files named ${path} in one pack`);
    this.names.add(path);
    const file = STORED.test(path) ? new ZipPassThrough(path) : new ZipDeflate(path, { level: 6 });
    file.mtime = new Date();
    this.zip.add(file);
    return file;
  }

  add(path: string, content: string | Uint8Array): PackedFile {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const file = this.entry(path);
    file.push(data, true);
    const packed = { path, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
    this.files.push(packed);
    return packed;
  }

  /** Streams chunks into one entry; waits for the output between chunks (memory stays bounded). */
  async addStream(path: string, chunks: AsyncIterable<Uint8Array>): Promise<PackedFile> {
    const file = this.entry(path);
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of chunks) {
      hash.update(chunk);
      bytes += chunk.length;
      file.push(chunk, false);
      await this.pending;
    }
    file.push(new Uint8Array(0), true);
    const packed = { path, bytes, sha256: hash.digest('hex') };
    this.files.push(packed);
    return packed;
  }

  list(): PackedFile[] {
    return [...this.files];
  }

  async finish(): Promise<void> {
    this.zip.end();
    await this.done;
    await this.pending;
    if (this.failure) throw this.failure;
  }
}
