import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inboxMigrations } from '../../../main/inbox/migrations';
import { openDatabase, type Db } from '../../../main/store/database';
import { migrate } from '../../../main/store/migrate';
import { allMigrations } from '../../../main/store/migrations';

let dir: string;
let db: Db;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

const insert = (id: string, state: string) =>
  db
    .prepare(
      `INSERT INTO inbox_requests (id, ref, ref_year, ref_seq, channel, received_at, requester_name, requester_contact, jurisdiction, type, subject, state, is_open, due_at, created_at, updated_at)
       VALUES (?, ?, 2026, ?, 'email', '2026-11-01T00:00:00.000Z', 'n', 'c', 'CN', 'access', 's', ?, 1, '2026-11-20T00:00:00.000Z', 'x', 'x')`,
    )
    .run(id, `REQ-${id}`, Number(id.slice(1)), state);
const counts = () => Object.fromEntries((db.prepare('SELECT state, n FROM inbox_state_counts').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]));

describe('inbox migration 500', () => {
  it('applies onto the schema of every module before it, and the state counters follow inserts, state changes and deletes', () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-inbox-mig-'));
    db = openDatabase(join(dir, 'v.db'), { key: randomBytes(32) });
    migrate(db, allMigrations.filter((m) => m.version < 500));
    const { to } = migrate(db);
    expect(to).toBeGreaterThanOrEqual(inboxMigrations[0].version);
    insert('r1', 'new');
    insert('r2', 'new');
    insert('r3', 'verifying');
    expect(counts()).toEqual({ new: 2, verifying: 1 });
    db.prepare("UPDATE inbox_requests SET state = 'inProgress' WHERE id = 'r1'").run();
    db.prepare("UPDATE inbox_requests SET subject = 'other' WHERE id = 'r2'").run();
    expect(counts()).toEqual({ new: 1, verifying: 1, inProgress: 1 });
    db.prepare("DELETE FROM inbox_requests WHERE id = 'r3'").run();
    expect(counts()).toEqual({ new: 1, verifying: 0, inProgress: 1 });
  });

  it('the list query by state walks its index (no sort step)', () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-inbox-mig-'));
    db = openDatabase(join(dir, 'v.db'), { key: randomBytes(32) });
    migrate(db);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM inbox_requests WHERE state = 'new' AND (due_at, id) > ('a', 'b') ORDER BY due_at, id LIMIT 51`).all() as { detail: string }[])
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toContain('inbox_requests_state_due');
    expect(plan).not.toContain('TEMP B-TREE');
  });
});

describe('inbox migration 501', () => {
  it('adds the problems of imported files to the messages of a vault at version 500, existing messages with none', () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-inbox-mig-'));
    db = openDatabase(join(dir, 'v.db'), { key: randomBytes(32) });
    migrate(db, allMigrations.filter((m) => m.version <= 500));
    insert('r1', 'new');
    db.prepare(
      `INSERT INTO inbox_messages (id, request_id, direction, at, channel, from_addr, to_addr, subject, body, attachments, raw_id)
       VALUES ('m1', 'r1', 'in', '2026-11-01T00:00:00.000Z', 'email', 'a', 'b', 's', 'body', '[]', NULL)`,
    ).run();
    migrate(db);
    expect(db.prepare('SELECT problems FROM inbox_messages').all()).toEqual([{ problems: '[]' }]);
  });
});

describe('migrations 541 and 610: the reads every list or unlock makes of a few rows use their own index', () => {
  const planOf = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');

  it('the voided requests subtracted from the state counts (InboxRepo.stateCounts) and the unfinished uploads cleared at unlock (AttachmentsRepo.deleteAllUploading) are not table scans', () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-inbox-mig-'));
    db = openDatabase(join(dir, 'v.db'), { key: randomBytes(32) });
    migrate(db);
    const voided = planOf('SELECT state, count(*) AS n FROM inbox_requests WHERE voided_at IS NOT NULL GROUP BY state');
    expect(voided).toContain('inbox_requests_voided');
    expect(voided).not.toMatch(/SCAN inbox_requests(?! USING)/);
    const uploading = planOf("SELECT id FROM attachments WHERE state = 'uploading'");
    expect(uploading).toContain('attachments_uploading');
  });
});
