import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { governanceMigrations } from '../../../main/governance/migrations';
import { DeadlinesRepo } from '../../../main/deadlines/repo';
import { rulesMigrations } from '../../../main/rules/migrations';
import { SHIPPED_RULES } from '../../../main/rules/seed';
import { openDatabase, type Db } from '../../../main/store/database';
import { migrate } from '../../../main/store/migrate';
import { allMigrations } from '../../../main/store/migrations';

let dir: string | undefined;
let db: Db | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const open = () => {
  dir = mkdtempSync(join(tmpdir(), 'dpo-mig-'));
  return (db = openDatabase(join(dir, 'vault.db'), { key: randomBytes(32) }));
};
const before = (version: number) => allMigrations.filter((m) => m.version < version);

describe('issue 14 migrations, each from the schema before it', () => {
  it('rule catalogue and governance stay in 900–999', () => {
    for (const m of [...rulesMigrations, ...governanceMigrations]) expect(m.version >= 900 && m.version <= 999, m.name).toBe(true);
  });

  it('120 adds the version and provisional years to stored deadlines, keeping the rows', () => {
    const d = open();
    migrate(d, before(120));
    d.prepare(
      `INSERT INTO deadlines (id, module, record_id, record_ref, record_title, key, rule_key, start, clock, start_at, due_at, computed_due_at, zone, explanation, stored_state, changed_at)
       VALUES ('d1', 'inbox', 'r1', 'REQ-1', 't', 'reply', 'request.rights.15wd', '2026-11-29', 'due', 'x', '2026-12-18T15:59:59.999Z', 'x', 'Asia/Shanghai', '{}', 'open', 'x')`,
    ).run();
    migrate(d, allMigrations.filter((m) => m.version <= 120));
    const row = new DeadlinesRepo(d).byId('d1')!;
    expect(row).toMatchObject({ due_at: '2026-12-18T15:59:59.999Z', rule_version: null, provisional_years: null });
    expect(new DeadlinesRepo(d).provisionalCounts()).toEqual([]);
  });

  it('510 marks existing pauses as identity pauses', () => {
    const d = open();
    migrate(d, before(510));
    d.exec(`INSERT INTO inbox_requests (id, ref, ref_year, ref_seq, channel, received_at, requester_name, requester_contact, jurisdiction, type, subject, state, is_open, created_at, updated_at)
            VALUES ('r1', 'REQ-2026-0001', 2026, 1, 'email', '2026-11-01T00:00:00Z', 'A', 'a@x', 'CN', 'access', 's', 'verifying', 1, 'x', 'x')`);
    d.exec(`INSERT INTO inbox_pauses (request_id, started_at, reason) VALUES ('r1', '2026-11-02T00:00:00Z', 'Waiting for proof of identity')`);
    migrate(d, allMigrations.filter((m) => m.version <= 510));
    expect(d.prepare('SELECT kind FROM inbox_pauses').all()).toEqual([{ kind: 'identity' }]);
  });

  it('900 seeds every shipped version once, as shipped, with a fresh rev each', () => {
    const d = open();
    migrate(d, before(900));
    migrate(d, allMigrations.filter((m) => m.version <= 900));
    const rows = d.prepare('SELECT rule_key, origin, revision, rev FROM rule_versions').all() as { rule_key: string; origin: string; revision: number; rev: string }[];
    expect(rows).toHaveLength(SHIPPED_RULES.reduce((n, r) => n + r.versions.length, 0));
    expect(new Set(rows.map((r) => r.rule_key))).toEqual(new Set(SHIPPED_RULES.map((r) => r.def.key)));
    expect(rows.every((r) => r.origin === 'shipped' && r.revision === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.rev)).size).toBe(rows.length);
  });

  it('950 adds the PI protection officer tables to a vault with the catalogue', () => {
    const d = open();
    migrate(d, before(950));
    migrate(d, allMigrations);
    expect(d.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'governance_%' ORDER BY name").all()).toEqual([{ name: 'governance_pio' }, { name: 'governance_pio_events' }]);
  });
});
