import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditExportMigrations } from '../../../main/audit/migrations';
import { AuditRepo } from '../../../main/audit/repo';
import { openDatabase } from '../../../main/store/database';
import { foundationMigrations } from '../../../main/store/foundation-migrations';

describe('exports/anchor migrations (700–799)', () => {
  it('700 indexes the audit log by time on a vault written before it, and a time-range read uses the index', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpo-audit-mig-'));
    const db = openDatabase(join(dir, 'v.db'), { key: null });
    try {
      for (const m of foundationMigrations) m.up(db);
      const insert = db.prepare(
        "INSERT INTO audit_log VALUES (?, ?, 'DPO', 'settings.update', 'settings', NULL, 's', 'null', 'p', 'h')",
      );
      for (let i = 1; i <= 5; i++) insert.run(i, `2026-0${i}-01T00:00:00.000Z`);
      auditExportMigrations.find((m) => m.version === 700)!.up(db);
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM audit_log WHERE at >= '2026-02-01' AND at < '2026-04-01'").all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/audit_log_at/);
      const rows = [...new AuditRepo(db).iterateRange({ fromAt: '2026-02-01T00:00:00.000Z', toAt: '2026-04-01T00:00:00.000Z' })];
      expect(rows.map((r) => r.seq)).toEqual([2, 3]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
