import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, existsSync } from 'node:fs';

export type Db = Database.Database;

export interface OpenOptions {
  /** 32-byte database key; null opens a plain database (benchmark baseline only). */
  key: Buffer | null;
  /** Path of an Electron-ABI build of the native module (the Electron host sets it). */
  nativeBinding?: string;
  /** Refuse to create the file: an existing vault's database must never be replaced by a new empty one. */
  fileMustExist?: boolean;
  /** Read-only (backup verification): no journal mode change, no writes. */
  readonly?: boolean;
}

const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * SQLCipher's raw-key form `x'<64 hex digits>'`, written byte by byte into a Buffer the caller
 * zeroes: a `PRAGMA key="x'…'"` string (or `key.toString('hex')`) would leave the key in the V8
 * heap as an immutable string nobody can wipe.
 */
export function rawKeySpec(key: Buffer): Buffer {
  const spec = Buffer.alloc(key.length * 2 + 3);
  spec[0] = 0x78; // x
  spec[1] = 0x27; // '
  for (let i = 0; i < key.length; i++) {
    spec[2 + 2 * i] = HEX[key[i] >> 4];
    spec[3 + 2 * i] = HEX[key[i] & 15];
  }
  spec[spec.length - 1] = 0x27;
  return spec;
}

/**
 * Opens the vault: SQLCipher v4 page encryption with a raw 256-bit key (no KDF at open: the
 * key is random, the passphrase KDF happened when it was unwrapped), WAL, synchronous=FULL.
 * The key goes to sqlite3_key through `db.key(buffer)`, which hands SQLite the Buffer's own
 * bytes (no copy on the JS side); the spec is zeroed as soon as SQLite has taken it.
 */
export function openDatabase(path: string, { key, nativeBinding, fileMustExist, readonly }: OpenOptions): Db {
  const db = new Database(path, {
    ...(nativeBinding ? { nativeBinding } : {}),
    ...(fileMustExist || readonly ? { fileMustExist: true } : {}),
    ...(readonly ? { readonly: true } : {}),
  });
  try {
    if (key) {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      const spec = rawKeySpec(key);
      try {
        db.key(spec);
      } finally {
        spec.fill(0);
      }
    }
    // Reading the schema proves the key: a wrong one fails here with "file is not a database".
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (readonly) return db;
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
