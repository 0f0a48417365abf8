import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/store/database';
import { latestVersion, migrate } from '../../../main/store/migrate';
import { allMigrations } from '../../../main/store/migrations';
import { STEPS_BEFORE_LEDGER } from '../../../main/store/migration-ledger';
import type { Migration } from '../../../main/store/migration';

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
    expect(migrate(db)).toMatchObject({ from: 0, to: latestVersion() });
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(migrate(db)).toEqual({ from: latestVersion(), to: latestVersion(), ran: [] });
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

  describe('the ledger of steps a vault has had', () => {
    const ledger = () => db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all() as number[];
    const tableCount = (name: string) =>
      (db.prepare('SELECT count(*) AS n FROM sqlite_master WHERE name = ?').get(name) as { n: number }).n;
    const step = (version: number, table: string): Migration => ({
      version,
      name: `add ${table}`,
      up: (d) => d.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY) STRICT`),
    });

    it('records every step it ran', () => {
      fresh();
      const { ran } = migrate(db);
      expect(ran).toEqual(allMigrations.map((m) => m.version));
      expect(ledger()).toEqual(allMigrations.map((m) => m.version));
    });

    it('runs a step added in a lower module range on a vault that already has higher ones (incidents 230 after 950)', () => {
      fresh();
      const base = [step(200, 'incidents_x'), step(950, 'rules_x')];
      migrate(db, base);
      expect(db.pragma('user_version', { simple: true })).toBe(950);
      const later = [...base, step(230, 'incidents_late')];
      expect(migrate(db, later)).toMatchObject({ from: 950, to: 950, ran: [230] });
      expect(tableCount('incidents_late')).toBe(1);
      expect(ledger()).toEqual([200, 230, 950]);
      expect(migrate(db, later).ran).toEqual([]);
    });

    it('a vault from before the ledger gets the rows of the steps it had, and only the newer steps run', () => {
      fresh();
      const before = allMigrations.filter((m) => STEPS_BEFORE_LEDGER.includes(m.version));
      migrate(db, before);
      db.exec('DROP TABLE schema_migrations');
      const { ran } = migrate(db);
      expect(ran).toEqual(allMigrations.filter((m) => !STEPS_BEFORE_LEDGER.includes(m.version)).map((m) => m.version));
      expect(ledger()).toEqual(allMigrations.map((m) => m.version));
    });

    it('every step named in the frozen pre-ledger list is a known step', () => {
      const known = new Set(allMigrations.map((m) => m.version));
      expect(STEPS_BEFORE_LEDGER.filter((v) => !known.has(v))).toEqual([]);
    });

    it('refuses a vault that had a step this app does not know, naming it, and writes nothing', () => {
      fresh();
      migrate(db);
      db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (235, 'from a newer app', '2027-01-01')").run();
      const changes = db.prepare('SELECT total_changes() AS n').get();
      expect(() => migrate(db)).toThrow(/newer version of DPO Workstation \(schema 235; this app knows up to \d+\)/);
      expect(db.prepare('SELECT total_changes() AS n').get()).toEqual(changes);
    });

    it('a failing late step leaves neither its tables nor its ledger row', () => {
      fresh();
      migrate(db, [step(200, 'a_x'), step(950, 'b_x')]);
      const broken: Migration = { version: 230, name: 'broken', up: (d) => { d.exec('CREATE TABLE c_x (id INTEGER)'); d.exec('nonsense'); } };
      expect(() => migrate(db, [step(200, 'a_x'), step(950, 'b_x'), broken])).toThrow();
      expect(tableCount('c_x')).toBe(0);
      expect(ledger()).toEqual([200, 950]);
    });
  });
});
