import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { attachmentsMigrations } from '../../../main/attachments/migrations';
import { AttachmentsRepo } from '../../../main/attachments/repo';
import { openDatabase, type Db } from '../../../main/store/database';
import { migrate } from '../../../main/store/migrate';
import { allMigrations } from '../../../main/store/migrations';

let dir: string;
let db: Db;
afterEach(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('attachments migration 600', () => {
  it('applies onto the schema of every module before it, keeping their rows; chunks are keyed by file and order', () => {
    dir = mkdtempSync(join(tmpdir(), 'dpo-att-mig-'));
    db = openDatabase(join(dir, 'v.db'), { key: randomBytes(32) });
    migrate(db, allMigrations.filter((m) => m.version < 600));
    db.prepare(`INSERT INTO settings (key, value) VALUES ('settings', '{}')`).run();
    const { from, to } = migrate(db);
    expect(from).toBeLessThan(600);
    expect(to).toBeGreaterThanOrEqual(attachmentsMigrations[0].version);
    expect(db.prepare(`SELECT count(*) FROM settings`).pluck().get()).toBe(1);
    const repo = new AttachmentsRepo(db);
    repo.insertUploading({ id: 'a1', module: 'incidents', record_id: 'i1', subject_id: null, role: 'evidence', name: 'x.pdf', size: 6, chunk_size: 3, added_at: 't', added_by: 'DPO' });
    repo.insertChunk('a1', 0, Buffer.from('abc'));
    expect(() => repo.insertChunk('a1', 0, Buffer.from('def'))).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => repo.insertChunk('missing', 0, Buffer.from('x'))).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`UPDATE attachments SET state = 'half' WHERE id = 'a1'`).run()).toThrow(/CHECK/);
    // An unfinished upload is not on its record, and a purge takes it and its chunks.
    expect(repo.listFor('incidents', 'i1')).toEqual([]);
    expect(repo.deleteAllUploading()).toBe(1);
    expect(db.prepare(`SELECT count(*) FROM attachment_chunks`).pluck().get()).toBe(0);
  });
});
