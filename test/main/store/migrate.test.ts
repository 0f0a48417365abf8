import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/store/database';
import { latestVersion, migrate } from '../../../main/store/migrate';
import { allMigrations } from '../../../main/store/migrations';

let dir: string;
let db: Db;
afterEach(() => {
  if (db?.open) db.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const fresh = () => {
  dir = mkdtempSync(join(tmpdir(), 'dpo-migrate-'));
  db = openDatabase(join(dir, 'v.db'), { key: randomBytes(32) });
  return db;
};

describe('migrations', () => {
  it('versions are unique and each module stays in its range', () => {
    const versions = allMigrations.map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('bring an empty vault to the latest version in one go, and a second run does nothing', () => {
    fresh();
    expect(migrate(db)).toEqual({ from: 0, to: latestVersion() });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(migrate(db)).toEqual({ from: latestVersion(), to: latestVersion() });
  });

  it('apply from every earlier version: each step after version v applies onto the schema of v', () => {
    const ordered = [...allMigrations].sort((a, b) => a.version - b.version);
    for (let i = 0; i < ordered.length; i++) {
      fresh();
      migrate(db, ordered.slice(0, i));
      expect(migrate(db).to).toBe(latestVersion());
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
    fresh();
  });

  it('a failing step rolls every step of the run back', () => {
    fresh();
    const broken = [...allMigrations, { version: 99_999, name: 'broken', up: (d: Db) => d.exec('CREATE TABLE oops (; nonsense') }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'audit_log'").get()).toEqual({ n: 0 });
  });

  it('refuses a vault written by a newer version, naming both versions', () => {
    fresh();
    migrate(db);
    db.pragma(`user_version = ${latestVersion() + 1}`);
    expect(() => migrate(db)).toThrow(/newer version of DPO Workstation \(schema \d+; this app knows up to \d+\)/);
  });
});
