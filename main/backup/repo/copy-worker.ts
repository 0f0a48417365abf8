// The backup module's SQL that runs on a worker thread (see runCopyWorker).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { AppError, problem } from '../../shared/errors';

/**
 * The slow SQLite work of a backup runs on a worker thread with its own connection, so the
 * app's event loop (every API call, the UI) never waits for it:
 * - copy: `VACUUM INTO` a new file. Not better-sqlite3's `db.backup()`: SQLite3MultipleCiphers
 *   refuses the backup API into an unencrypted target ("incompatible source and target"), and
 *   better-sqlite3 opens the target itself, without a key and with URI filenames off, so no
 *   key can reach it. VACUUM INTO attaches its target with the source's key and cipher, reads
 *   one consistent snapshot (a WAL read transaction: the app keeps writing meanwhile) and
 *   writes it page-encrypted: the copy is no more readable than the vault.
 * - check: `PRAGMA integrity_check` on a copy opened read-only with the key, with the cipher's
 *   own check on (hmac_check: every page read is authenticated, HMAC-SHA512 in SQLCipher v4),
 *   so a flipped bit or a wrong key fails here.
 * The source is a string run with `eval` so that it needs no file of its own beside the bundle.
 */
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const key = Buffer.from(workerData.key);
function open(path, readonly) {
  const db = new Database(path, { readonly, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.pragma('key="x\\'' + key.toString('hex') + '\\'"');
  db.pragma('hmac_check=1');
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  return db;
}
try {
  if (workerData.copyFrom) {
    const src = open(workerData.copyFrom, true);
    try { src.prepare('VACUUM INTO ?').run(workerData.path); } finally { src.close(); }
  }
  const db = open(workerData.path, true);
  try {
    const rows = db.pragma('integrity_check(20)');
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    const pageCount = db.pragma('page_count', { simple: true });
    const pageSize = db.pragma('page_size', { simple: true });
    parentPort.postMessage({ ok: true, problems, pageCount, pageSize });
  } finally { db.close(); }
} catch (error) {
  parentPort.postMessage({ ok: false, code: error && error.code || null, message: String(error && error.message || error) });
} finally {
  key.fill(0);
}
`;

export interface CheckResult {
  problems: string[];
  pageCount: number;
  pageSize: number;
}

export interface WorkerRun {
  done: Promise<CheckResult>;
  /**
   * Abandons the run (lock, cancel): its answer is ignored and the caller deletes the partial
   * file, which makes SQLite's copy fail soon after. The thread is not terminated: stopping a
   * thread inside a native SQLite call can abort the whole process.
   */
  stop(): void;
}

const modulePath = (): string => createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

/** Copies `copyFrom` to `path` (when given) and checks `path`, on a worker thread. */
export function runCopyWorker(task: { copyFrom?: string; path: string; key: Buffer; nativeBinding?: string }): WorkerRun {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { modulePath: modulePath(), copyFrom: task.copyFrom, path: task.path, key: Uint8Array.from(task.key), nativeBinding: task.nativeBinding },
  });
  let stopped = false;
  worker.unref();
  const done = new Promise<CheckResult>((resolve, reject) => {
    worker.once('message', (m: { ok: true; problems: string[]; pageCount: number; pageSize: number } | { ok: false; code: string | null; message: string }) => {
      if (stopped) reject(new AppError('CONFLICT', problem('stopped')));
      else if (m.ok) resolve({ problems: m.problems, pageCount: m.pageCount, pageSize: m.pageSize });
      else if (m.code === 'SQLITE_FULL') reject(Object.assign(new Error(m.message), { code: 'SQLITE_FULL' }));
      else reject(new AppError('BACKUP_INVALID', `The copy could not be made or read: ${m.message}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (stopped) reject(new AppError('CONFLICT', problem('stopped')));
      else if (code !== 0) reject(new Error(`The backup worker ended with code ${code}`));
    });
  });
  return {
    done,
    stop() {
      stopped = true;
    },
  };
}
