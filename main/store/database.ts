import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, existsSync } from 'node:fs';

export type Db = Database.Database;

export interface OpenOptions {
  /** 32-byte database key; null opens a plain database (benchmark baseline only). */
  key: Buffer | null;
  /** Path of an Electron-ABI build of the native module (the Electron host sets it). */
  nativeBinding?: string;
}

/**
 * Opens the vault: SQLCipher v4 page encryption with a raw 256-bit key (no KDF at open: the
 * key is random, the passphrase KDF happened when it was unwrapped), WAL, synchronous=FULL.
 */
export function openDatabase(path: string, { key, nativeBinding }: OpenOptions): Db {
  const db = new Database(path, nativeBinding ? { nativeBinding } : {});
  try {
    if (key) {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key="x'${key.toString('hex')}'"`);
    }
    // Reading the schema proves the key: a wrong one fails here with "file is not a database".
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    throw error;
  }
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
  return db;
}
