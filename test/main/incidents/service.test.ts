import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../preload/contract';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

// The vault clock starts at 2026-11-29T02:00Z (10:00 in Beijing).
const base: Input<'incidents.create'> = {
  title: 'Customer database exposed',
  discoveredAt: '2026-11-29T01:00:00.000Z',
  individualsAffected: 1_200_000,
  jurisdictions: ['CN', 'EU'],
  piCategories: ['name', 'phone'],
};
const ob = <O extends { key: string }>(inc: { obligations: O[] }, key: string): O => inc.obligations.find((o) => o.key === key)!;
const auditActions = async (t: TestVault) => (await t.ok('audit.list', { limit: 200, entity: 'incident' })).items.map((e) => e.action);
const count = (t: TestVault) => (t.session.db.prepare('SELECT count(*) AS n FROM incidents').get() as { n: number }).n;

describe('logging an incident', () => {
  it('numbers it INC-YYYY-NNNN, grades it and starts the 4-hour CAC and 72-hour GDPR clocks', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    expect(inc.ref).toBe('INC-2026-0001');
    expect(inc.state).toBe('detected');
    expect(inc.grade).toMatchObject({ computed: 'relativelyMajor', value: 'relativelyMajor', cacReportRequired: true });
    expect(inc.auditOrderFlag.flagged).toBe(true);
    expect(ob(inc, 'cac.report')).toMatchObject({ state: 'pending', ruleKey: 'cac.report.4h', dueAt: '2026-11-29T05:00:00.000Z', deadlineState: 'dueSoon' });
    expect(ob(inc, 'gdpr33.authority')).toMatchObject({ state: 'pending', dueAt: '2026-12-02T01:00:00.000Z', deadlineState: 'open' });
    expect(ob(inc, 'cac.summary').state).toBe('waiting');
    expect(ob(inc, 'ca.residents').state).toBe('notRequired');
    expect(inc.timeline.map((t) => t.kind)).toEqual(['created']);
    expect((await tv.ok('incidents.create', { ...base, title: 'Second' })).ref).toBe('INC-2026-0002');
    expect(await auditActions(tv)).toEqual(['incidents.create', 'incidents.create']);
    const hits = await tv.ok('search.query', { text: 'Customer database' });
    expect(hits.hits.map((h) => h.ref)).toContain('INC-2026-0001');
  });

  it('takes the CII default from Settings and a per-incident override: 1-hour clock', async () => {
    tv = await makeTestVault();
    await tv.ok('settings.update', { ciiOperator: true });
    const fromSettings = await tv.ok('incidents.create', base);
    expect(fromSettings.ciiOperator).toEqual({ effective: true, fromSettings: true });
    expect(ob(fromSettings, 'cac.report')).toMatchObject({ ruleKey: 'cac.report.cii.1h', dueAt: '2026-11-29T02:00:00.000Z' });
    const overridden = await tv.ok('incidents.create', { ...base, ciiOperator: false });
    expect(ob(overridden, 'cac.report')).toMatchObject({ ruleKey: 'cac.report.4h', dueAt: '2026-11-29T05:00:00.000Z' });
  });
});

describe('bad input gets VALIDATION naming the field and writes nothing', () => {
  const rows: [string, Input<'incidents.create'>, string][] = [
    ['negative people', { ...base, individualsAffected: -1 }, 'individualsAffected'],
    ['negative records', { ...base, recordsAffected: -5 }, 'recordsAffected'],
    ['negative loss', { ...base, directLossRmb: -1 }, 'directLossRmb'],
    ['contained before discovered', { ...base, containedAt: '2026-11-29T00:59:00.000Z' }, 'containedAt'],
    ['unknown jurisdiction', { ...base, jurisdictions: ['CN', 'MARS' as 'CN'] }, 'jurisdictions.1'],
    ['no jurisdiction', { ...base, jurisdictions: [] }, 'jurisdictions'],
    ['harm avoided without why', { ...base, harmAvoided: true }, 'harmAvoidedReason'],
    ['discovered in the future', { ...base, discoveredAt: '2026-11-30T00:00:00.000Z' }, 'discoveredAt'],
    ['more sensitive people than people', { ...base, sensitiveIndividualsAffected: 2_000_000 }, 'sensitiveIndividualsAffected'],
    ['not a date', { ...base, discoveredAt: 'yesterday' }, 'discoveredAt'],
  ];
  it.each(rows)('%s → %s', async (_why, input, field) => {
    tv = await makeTestVault();
    const auditBefore = (await tv.ok('audit.list', { limit: 1 })).total;
    const result = await tv.call('incidents.create', input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(Object.keys(result.error.fields ?? {})).toContain(field);
    expect(count(tv)).toBe(0);
    expect((await tv.ok('audit.list', { limit: 1 })).total).toBe(auditBefore);
  });

  it('an update with contained before discovered is refused and leaves the record as it was', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    const result = await tv.call('incidents.update', { id: inc.id, facts: { containedAt: '2026-11-28T00:00:00.000Z', title: 'Changed' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { containedAt: 'Cannot be before the discovery' } } });
    const after = await tv.ok('incidents.get', { id: inc.id });
    expect(after.facts.title).toBe(base.title);
    expect(after.version).toBe(1);
    expect(after.timeline).toHaveLength(1);
  });
});
