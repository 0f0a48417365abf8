import { createReadStream, existsSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse, type Parser } from 'csv-parse';
import type { RecipientSource } from '../../preload/contract/notices';
import { invalid } from '../shared/errors';

// Streams a recipient CSV (UTF-8 with or without BOM) through csv-parse, one row at a time with
// the line it starts on. Rows come as arrays in 'data' events (csv-parse's fastest mode: its
// `info`/`columns` options cost 3–4× in throughput), and line numbers are counted here: each
// record takes one line plus the line breaks quoted inside its fields; empty lines are counted
// and skipped.

export interface RecipientRow {
  line: number;
  values: string[];
}

export interface RecipientReader {
  /** File size (or text length) in bytes, for progress. */
  size: number;
  /** Bytes parsed so far. */
  bytes(): number;
  /** Resolves when the file ends or stop() is called; rejects on a read or CSV syntax error. */
  done: Promise<void>;
  stop(): void;
}

function open(source: RecipientSource): { input: Readable; size: number } {
  if ('path' in source) {
    if (!existsSync(source.path) || !statSync(source.path).isFile()) throw invalid({ 'source.path': 'No file at this path' });
    return { input: createReadStream(source.path, { highWaterMark: 1 << 20 }), size: statSync(source.path).size };
  }
  return { input: Readable.from([source.csv]), size: Buffer.byteLength(source.csv) };
}

const BREAKS = /\r\n|\r|\n/g;
const breaksIn = (values: string[]): number => {
  let n = 0;
  for (const v of values) if (v.includes('\n') || v.includes('\r')) n += v.match(BREAKS)!.length;
  return n;
};
const isEmptyRecord = (values: string[]) => values.length === 1 && values[0].trim() === '';

/**
 * Calls onHeader with the first row's column names, then onRow for each data row. When onRow
 * returns a promise (the output is full), reading pauses until it settles.
 */
export function readRecipients(
  source: RecipientSource,
  onHeader: (columns: string[]) => void,
  onRow: (row: RecipientRow) => void | Promise<void>,
): RecipientReader {
  const { input, size } = open(source);
  const parser: Parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false });
  let line = 1;
  let header = true;
  let stopped = false;
  let settle!: { resolve: () => void; reject: (e: Error) => void };
  const done = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  const fail = (e: Error) => {
    if (stopped) return;
    stopped = true;
    input.destroy();
    parser.destroy();
    settle.reject(e);
  };
  parser.on('data', (values: string[]) => {
    if (stopped) return;
    const at = line;
    line += 1 + breaksIn(values);
    if (isEmptyRecord(values)) return;
    try {
      if (header) {
        header = false;
        onHeader(values.map((c) => c.trim()));
        return;
      }
      const pending = onRow({ line: at, values });
      if (pending) {
        parser.pause();
        pending.then(() => !stopped && parser.resume(), fail);
      }
    } catch (e) {
      fail(e as Error);
    }
  });
  parser.on('end', () => {
    if (!stopped) {
      stopped = true;
      settle.resolve();
    }
  });
  parser.on('error', (e) => fail(invalid({ source: `The CSV cannot be read near line ${line}: ${e.message}` })));
  input.on('error', (e) => fail(e));
  input.pipe(parser);
  return {
    size,
    bytes: () => parser.info.bytes,
    done,
    stop() {
      if (stopped) return;
      stopped = true;
      input.destroy();
      parser.destroy();
      settle.resolve();
    },
  };
}

/** Reads only the header row (to refuse a file that lacks a needed column before any job starts). */
export async function readHeader(source: RecipientSource): Promise<string[]> {
  let columns: string[] = [];
  const reader = readRecipients(
    source,
    (c) => {
      columns = c;
      queueMicrotask(() => reader.stop());
    },
    () => reader.stop(),
  );
  await reader.done;
  return columns;
}
