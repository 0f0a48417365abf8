import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { incidentsMigrations } from '../../../main/incidents/migrations';
import { openDatabase } from '../../../main/store/database';

describe('incident migrations', () => {
  it('201 moves the facts of a vault written at 200 beside the register row, keeping them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpo-inc-mig-'));
    const db = openDatabase(join(dir, 'v.db'), { key: null });
    try {
      incidentsMigrations.find((m) => m.version === 200)!.up(db);
      db.prepare(
        `INSERT INTO incidents VALUES ('i1', 'INC-2026-0001', 2026, 1, 'Leak', 'detected', '2026-11-29T01:00:00.000Z', 'major',
          '{"grade":"major"}', ',CN,', 5, '~', '{"title":"Leak"}', 1, 'x', 'x', NULL)`,
      ).run();
      incidentsMigrations.find((m) => m.version === 201)!.up(db);
      expect(db.prepare('SELECT * FROM incident_details').all()).toEqual([{ incident_id: 'i1', facts: '{"title":"Leak"}', grade_override: '{"grade":"major"}' }]);
      const columns = (db.prepare('PRAGMA table_info(incidents)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain('facts');
      expect(columns).not.toContain('grade_override');
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('incident migration 230: free-text facts as {zh, en} pairs', () => {
  it('files each stored string by its script and leaves pairs, other facts and empty strings in shape', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpo-inc-mig-'));
    const db = openDatabase(join(dir, 'v.db'), { key: null });
    try {
      for (const m of incidentsMigrations.filter((m) => m.version <= 201)) m.up(db);
      db.prepare(
        `INSERT INTO incidents (id, ref, ref_year, ref_seq, title, state, discovered_at, grade, jurisdictions, individuals_affected, next_due_at, version, created_at, updated_at)
         VALUES ('i1', 'INC-2026-0001', 2026, 1, 'Leak', 'detected', '2026-11-29T01:00:00.000Z', 'general', ',CN,', 5, '~', 1, 'x', 'x')`,
      ).run();
      const before = { title: 'Leak', description: '测试密钥被误公开', cause: 'Leaked key', harmAssessment: '', measuresTaken: { zh: '已轮换', en: 'Rotated' }, gdprRiskReason: 'plain', owner: '王五' };
      db.prepare("INSERT INTO incident_details (incident_id, facts, grade_override) VALUES ('i1', ?, NULL)").run(JSON.stringify(before));
      incidentsMigrations.find((m) => m.version === 230)!.up(db);
      const after = JSON.parse((db.prepare("SELECT facts FROM incident_details WHERE incident_id = 'i1'").get() as { facts: string }).facts);
      expect(after).toEqual({
        title: 'Leak',
        description: { zh: '测试密钥被误公开', en: '' },
        cause: { zh: '', en: 'Leaked key' },
        harmAssessment: { zh: '', en: '' },
        measuresTaken: { zh: '已轮换', en: 'Rotated' },
        // Not printed in notices: stays a plain string.
        gdprRiskReason: 'plain',
        owner: '王五',
      });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
