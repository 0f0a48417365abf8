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
