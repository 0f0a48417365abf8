// The audit chain's link check on worker threads (SQL of the audit module; see main/audit/links.ts).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { checkLinks, joinRanges, splitRange, type RangeResult } from '../links';
import type { ChainCheck } from '../rules';

/**
 * One keyset page of the chain as the link check reads it: the row's links and its canonical
 * entry built by SQLite (json_array of the stored columns, as UTF-8 bytes).
 */
export const LINK_PAGE_SQL = `SELECT seq, prev_hash, hash, CAST(json_array(seq, at, actor, action, entity, entity_id, summary, details) AS BLOB)
  FROM audit_log WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`;
/** One entry's columns, for the slow recheck of a MAC the fast path did not match. */
export const ENTRY_SQL = 'SELECT seq, at, actor, action, entity, entity_id, summary, details FROM audit_log WHERE seq = ?';
export const LINK_PAGE_ROWS = 5_000;

/**
 * Each worker opens the vault read-only with its own connection (WAL: the app keeps writing
 * meanwhile; the range it checks is already written and never changes), walks its seq range in
 * keyset pages of raw rows, and posts what checkLinks found. The shared control array carries
 * the stop flag ([0]) and each worker's rows done ([1 + k]) between pages. The source is run
 * with `eval`, so it needs no file of its own beside the bundle; checkLinks is pasted in as text.
 */
const workerSource = () => `
const { workerData, parentPort } = require('node:worker_threads');
const { createHmac } = require('node:crypto');
const Database = require(workerData.modulePath);
const checkLinks = ${checkLinks.toString()};
const chainKey = Buffer.from(workerData.chainKey);
const control = new Int32Array(workerData.control);
let db = null;
try {
  db = new Database(workerData.path, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  // Pages are read without checking their HMAC-SHA512 (3-4x fewer CPU cycles a page): this
  // connection only reads, and the chain MAC it checks covers every byte it reads of every entry,
  // so a page altered without the key fails the chain (or SQLite's own structure checks) anyway.
  db.pragma('hmac_check=0');
  // The raw-key form x'<hex>' written into a buffer that is zeroed once SQLite has it.
  const key = Buffer.from(workerData.key);
  const spec = Buffer.alloc(key.length * 2 + 3);
  spec[0] = 0x78; spec[1] = 0x27; spec[spec.length - 1] = 0x27;
  const hex = Buffer.from('0123456789abcdef', 'latin1');
  for (let i = 0; i < key.length; i++) { spec[2 + 2 * i] = hex[key[i] >> 4]; spec[3 + 2 * i] = hex[key[i] & 15]; }
  try { db.key(spec); } finally { spec.fill(0); key.fill(0); workerData.key.fill(0); }
  db.pragma('cache_size = -16384');
  const page = db.prepare(workerData.pageSql).raw(true);
  const entry = db.prepare(workerData.entrySql);
  function* pages() {
    let after = workerData.after;
    for (;;) {
      if (Atomics.load(control, 0) !== 0) return;
      const rows = page.all(after, workerData.upTo, workerData.pageRows);
      if (rows.length === 0) return;
      yield rows;
      if (rows.length < workerData.pageRows) return;
      after = rows[rows.length - 1][0];
    }
  }
  const mac = (prev, canonical) => createHmac('sha256', chainKey).update(prev).update(canonical).digest('hex');
  const recheck = (seq, prev) => {
    const e = entry.get(seq);
    return e && createHmac('sha256', chainKey).update(prev).update(JSON.stringify([e.seq, e.at, e.actor, e.action, e.entity, e.entity_id, e.summary, e.details])).digest('hex');
  };
  const result = checkLinks(pages(), workerData.after + 1, mac, recheck, (rows) => { Atomics.add(control, 1 + workerData.index, rows); });
  parentPort.postMessage({ ok: true, result, stopped: Atomics.load(control, 0) !== 0 });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String((error && error.message) || error) });
} finally {
  chainKey.fill(0);
  if (db) db.close();
}
`;

const modulePath = (): string => createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

export interface LinkCheckTask {
  /** The vault's database file and its key (copied to each worker, zeroed there once used). */
  path: string;
  key: Buffer;
  chainKey: Buffer;
  nativeBinding?: string;
  /** Check the entries after this known-good one (genesis: seq 0) up to lastSeq. */
  from: { seq: number; hash: string };
  lastSeq: number;
  workers: number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

/** The chain from `from` to lastSeq, checked in `workers` ranges at once; null when stopped. */
export async function checkLinksOnWorkers(task: LinkCheckTask): Promise<ChainCheck | null> {
  const ranges = splitRange(task.from.seq, task.lastSeq, task.workers);
  const total = task.lastSeq - task.from.seq;
  const control = new Int32Array(new SharedArrayBuffer(4 * (1 + ranges.length)));
  const source = workerSource();
  const stop = () => Atomics.store(control, 0, 1);
  task.signal?.addEventListener('abort', stop, { once: true });
  const progress = setInterval(() => {
    let done = 0;
    for (let k = 0; k < ranges.length; k++) done += Atomics.load(control, 1 + k);
    task.onProgress?.(done, total);
  }, 100);
  try {
    const results = await Promise.all(
      ranges.map((range, index) => {
        const key = Uint8Array.from(task.key);
        const chainKey = Uint8Array.from(task.chainKey);
        const worker = new Worker(source, {
          eval: true,
          workerData: { ...range, index, control: control.buffer, path: task.path, key, chainKey, nativeBinding: task.nativeBinding, modulePath: modulePath(), pageSql: LINK_PAGE_SQL, entrySql: ENTRY_SQL, pageRows: LINK_PAGE_ROWS },
        });
        // The worker has its own copies now.
        key.fill(0);
        chainKey.fill(0);
        return new Promise<{ result: RangeResult; stopped: boolean }>((resolve, reject) => {
          worker.once('message', (m: { ok: true; result: RangeResult; stopped: boolean } | { ok: false; message: string }) => {
            if (m.ok) resolve(m);
            else reject(new Error(`The audit check could not read the vault: ${m.message}`));
          });
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`The audit check worker ended with code ${code}`)));
        });
      }),
    );
    if (results.some((r) => r.stopped) || task.signal?.aborted) return null;
    const check = joinRanges(task.from, results.map((r) => r.result));
    task.onProgress?.(check.ok ? total : check.entries, total);
    return check;
  } finally {
    clearInterval(progress);
    task.signal?.removeEventListener('abort', stop);
  }
}
