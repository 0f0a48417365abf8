import Database from 'better-sqlite3-multiple-ciphers';
import { createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, rawKeySpec } from '../../../main/store/database';
import { unwrapKey, wrapKey } from '../../../main/store/keyfile';
import { TEST_KDF } from '../../helpers/vault';

let dir: string;
afterEach(() => {
  vi.restoreAllMocks();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Issue 10, item 15: the hex form of the database key went to SQLite inside a PRAGMA string,
// and the decipher's output buffers were never zeroed.
describe('key material', () => {
  it('the database key reaches SQLite as a Buffer (raw-key form), never inside a SQL or PRAGMA string', () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-key-'));
    const key = randomBytes(32);
    const hex = key.toString('hex');
    const pragmas: string[] = [];
    const keys: Buffer[] = [];
    const pragma = Database.prototype.pragma;
    vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
      pragmas.push(source);
      return pragma.call(this, source, options);
    });
    const keyFn = Database.prototype.key;
    vi.spyOn(Database.prototype, 'key').mockImplementation(function (this: Database.Database, spec: Buffer) {
      keys.push(spec);
      expect(spec.toString('latin1')).toBe(`x'${hex}'`);
      return keyFn.call(this, spec);
    });
    const db = openDatabase(join(dir, 'v.db'), { key });
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
    db.close();
    expect(pragmas.some((p) => p.toLowerCase().includes(hex))).toBe(false);
    expect(keys).toHaveLength(1);
    // The spec SQLite read is wiped once it has taken the key.
    expect(keys[0].every((b) => b === 0)).toBe(true);
    vi.restoreAllMocks();
    // And the file is really encrypted with that key: no key, no data; the key, the data.
    expect(() => openDatabase(join(dir, 'v.db'), { key: null })).toThrow(/not a database/);
    expect(() => openDatabase(join(dir, 'v.db'), { key: randomBytes(32) })).toThrow(/not a database/);
    const again = openDatabase(join(dir, 'v.db'), { key });
    expect(again.prepare('SELECT x FROM t').get()).toEqual({ x: 1 });
    again.close();
  });

  it('a vault keyed the old way (PRAGMA key="x\'…\'") opens with the Buffer form: same raw key, same pages', () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-key-'));
    const key = randomBytes(32);
    const old = new Database(join(dir, 'old.db'));
    old.pragma(`cipher='sqlcipher'`);
    old.pragma('legacy=4');
    old.pragma(`key="x'${key.toString('hex')}'"`);
    old.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('kept')");
    old.close();
    const db = openDatabase(join(dir, 'old.db'), { key });
    expect(db.prepare('SELECT x FROM t').get()).toEqual({ x: 'kept' });
    db.close();
  });

  it('rawKeySpec writes x\'<hex>\' byte for byte', () => {
    const key = Buffer.from([0x00, 0x0f, 0xa5, 0xff]);
    expect(rawKeySpec(key).toString('latin1')).toBe("x'000fa5ff'");
  });

  it('unwrapKey zeroes every buffer the decipher produced and the key-encryption key; the caller gets its own copy', async () => {
    const dbKey = randomBytes(32);
    const wrapped = await wrapKey(dbKey, 'correct horse battery staple', TEST_KDF);
    const outputs: Buffer[] = [];
    const proto = Object.getPrototypeOf(createDecipheriv('aes-256-gcm', Buffer.alloc(32), Buffer.alloc(12))) as { update: (...a: unknown[]) => Buffer; final: (...a: unknown[]) => Buffer };
    const update = proto.update;
    const final = proto.final;
    vi.spyOn(proto, 'update').mockImplementation(function (this: unknown, ...args: unknown[]) {
      const out = update.apply(this, args);
      outputs.push(out);
      return out;
    });
    vi.spyOn(proto, 'final').mockImplementation(function (this: unknown, ...args: unknown[]) {
      const out = final.apply(this, args);
      outputs.push(out);
      return out;
    });
    const key = await unwrapKey(wrapped, 'correct horse battery staple');
    expect(key && sameBytes(key, dbKey)).toBe(true);
    expect(outputs.length).toBeGreaterThan(0);
    expect(outputs.every((b) => b.every((x) => x === 0)), 'decipher output zeroed').toBe(true);
    // The returned key is not a view of a pooled slab another allocation shares.
    expect(key!.byteOffset === 0 && key!.buffer.byteLength === 32).toBe(true);
    expect(await unwrapKey(wrapped, 'wrong passphrase entirely')).toBeNull();
  });
});

const sameBytes = (a: Buffer, b: Buffer) => a.length === b.length && a.equals(b);
