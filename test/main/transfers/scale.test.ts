import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { transfersMigrations } from '../../../main/transfers/migrations';
import { openDatabase } from '../../../main/store/database';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 13 (1): Annex 1 "Scale: individuals" and the route verdict used two numbers; the verdict
// said "exempt… 0 individuals" until the figure was typed again under Volumes. One fact now.

let tv: TestVault;
afterEach(() => tv?.cleanup());

const recipient = { name: 'Acme Support Inc.', country: 'US' };

describe('Annex 1 scale is the current year’s volume', () => {
  it('a scale of 150,000 typed in Annex 1 is the year’s volume and the verdict counts it at once', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00Z' });
    const t = await tv.ok('transfers.create', { recipient, annex1: { individualsScale: 150_000 }, route: { chosen: 'standardContract' } });
    expect(t.annex1.individualsScale).toBe(150_000);
    expect(t.volumes).toEqual([{ year: 2026, nonSensitive: 150_000, sensitive: 0, note: '' }]);
    expect(t.verdict.route).toBe('standardContractOrCertification');
    expect(t.verdict.reason.en).toContain('150,000 individuals');
  });

  it('editing the scale in Annex 1 updates the volume and the verdict in the same save', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00Z' });
    const t = await tv.ok('transfers.create', { recipient, route: { chosen: 'standardContract' } });
    expect(t.verdict.route).toBe('exempt');
    const edited = await tv.ok('transfers.update', { id: t.id, annex1: { individualsScale: 1_200_000 } });
    expect(edited.volumes[0]).toMatchObject({ year: 2026, nonSensitive: 1_200_000 });
    expect(edited.verdict.route).toBe('securityAssessment');
  });

  it('recording this year’s volume is Annex 1’s scale too, keeping the sensitive figure apart', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00Z' });
    const t = await tv.ok('transfers.create', { recipient, annex1: { individualsScale: 150_000 }, route: { chosen: 'standardContract' } });
    const v = await tv.ok('transfers.recordVolumes', { id: t.id, year: 2026, nonSensitiveIndividuals: 90_000, sensitiveIndividuals: 20 });
    expect(v.annex1.individualsScale).toBe(90_000);
    expect(v.verdict.route).toBe('standardContractOrCertification'); // sensitive PI of 20 people
    expect((await tv.ok('transfers.get', { id: t.id })).annex1.individualsScale).toBe(90_000);
    // An edit of another Annex 1 field keeps the year's sensitive figure.
    const e = await tv.ok('transfers.update', { id: t.id, annex1: { individualsScale: 95_000 } });
    expect(e.volumes[0]).toMatchObject({ nonSensitive: 95_000, sensitive: 20 });
  });

  it('a past year’s volume is not this year’s scale', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00Z' });
    const t = await tv.ok('transfers.create', { recipient, route: { chosen: 'standardContract' } });
    const v = await tv.ok('transfers.recordVolumes', { id: t.id, year: 2025, nonSensitiveIndividuals: 400_000, sensitiveIndividuals: 0 });
    expect(v.annex1.individualsScale).toBeNull();
    expect(v.verdict.route).toBe('exempt');
  });

  it('changing the scale during the contract’s term by either path is the same Art. 8 scope change', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00Z' });
    const t = await tv.ok('transfers.create', { recipient, annex1: { individualsScale: 150_000 }, route: { chosen: 'standardContract' }, contract: { signedDate: '2026-10-01', effectiveDate: '2026-10-01' } });
    await tv.ok('transfers.recordVolumes', { id: t.id, year: 2026, nonSensitiveIndividuals: 300_000, sensitiveIndividuals: 0 });
    const changes = await tv.ok('transfers.changes', { id: t.id });
    expect(changes.items).toHaveLength(1);
    expect(changes.items[0]).toMatchObject({ kinds: ['scope'], triggersRefiling: true });
  });
});

describe('migration 410', () => {
  it('moves a stored Annex 1 scale into the volume of the year it was edited, unless that year has a figure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpo-xb-mig-'));
    const db = openDatabase(join(dir, 'v.db'), { key: null });
    try {
      transfersMigrations.find((m) => m.version === 400)!.up(db);
      const insert = db.prepare(`INSERT INTO transfers (id, ref, created_at, updated_at, recipient_name, country, chosen_route, filing_state, next_due_at, counted, data)
        VALUES (?, ?, ?, ?, 'Acme', 'US', 'standardContract', 'due', NULL, 1, ?)`);
      insert.run('a', 'XB-2026-0001', '2026-03-01T00:00:00Z', '2026-12-31T17:00:00Z', JSON.stringify({ annex1: { individualsScale: 150000, purpose: 'x' } }));
      insert.run('b', 'XB-2026-0002', '2026-03-01T00:00:00Z', '2026-06-01T00:00:00Z', JSON.stringify({ annex1: { individualsScale: 5, purpose: 'y' } }));
      db.prepare(`INSERT INTO transfer_volumes VALUES ('b', 2026, 80, 0, 1, 'typed', '2026-06-01T00:00:00Z')`).run();
      transfersMigrations.find((m) => m.version === 410)!.up(db);
      // 17:00 UTC on 31 December is 1 January 2027 in Beijing.
      expect(db.prepare('SELECT transfer_id, year, non_sensitive FROM transfer_volumes ORDER BY transfer_id').all()).toEqual([
        { transfer_id: 'a', year: 2027, non_sensitive: 150000 },
        { transfer_id: 'b', year: 2026, non_sensitive: 80 },
      ]);
      const data = db.prepare('SELECT data FROM transfers ORDER BY id').all() as { data: string }[];
      expect(data.map((d) => JSON.parse(d.data).annex1)).toEqual([
        { individualsScale: null, purpose: 'x' },
        { individualsScale: null, purpose: 'y' },
      ]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
