import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../preload/contract';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Settings → Rules: a change is previewed (nothing kept), then applied in one transaction with
// its audit entry; only the records the changed rule reaches are recomputed.

let tv: TestVault;
afterEach(() => tv?.cleanup());

const request = (over: Partial<Input<'inbox.create'>> = {}): Input<'inbox.create'> => ({
  channel: 'email',
  requester: { name: '张伟', contact: 'zhang.wei@example.cn' },
  jurisdiction: 'CN',
  type: 'deletion',
  subject: '请删除我的个人信息',
  ...over,
});
const incident = (over: Partial<Input<'incidents.create'>> = {}): Input<'incidents.create'> => ({
  title: 'Leak',
  discoveredAt: '2026-11-29T01:00:00.000Z',
  individualsAffected: 1000,
  jurisdictions: ['CN'],
  ...over,
});
const rows = (sql: string) => tv.session.db.prepare(sql).all();
const auditCount = () => (tv.session.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
const versionOf = async (key: string) => (await tv.ok('rules.list', {})).rules.find((r) => r.key === key)!.versions;
const due = (r: { deadlines: { key: string; dueAt: string }[] }, key: string) => r.deadlines.find((d) => d.key === key)?.dueAt;

describe('the catalogue as the DPO sees it', () => {
  it('lists every rule with regime, kind, basis, source kind and dates; numbers are filled into the texts', async () => {
    tv = await makeTestVault();
    const { rules, today } = await tv.ok('rules.list', {});
    expect(today).toBe('2026-11-29');
    expect(rules.length).toBeGreaterThan(60);
    const logs = rules.find((r) => r.key === 'hold.networkLogs.6m')!;
    expect(logs.versions.map((v) => [v.effectiveFrom, v.effectiveTo, v.source.article, v.current])).toEqual([
      [null, '2025-12-31', 'Art. 21', false],
      ['2026-01-01', null, 'Art. 23(3)', true],
    ]);
    expect(logs.versions[1].name).toEqual({ en: 'Keep network logs (at least 6 months)', zh: '留存网络日志（不少于6个月）' });
    expect(logs.versions[1].nameTemplate.en).toContain('{period}');
    const bands = rules.find((r) => r.key === 'cac.grade.bands')!;
    expect(bands.fields.bands).toMatchObject({ type: 'list', fixedKeys: true });
    expect((bands.versions[0].params.bands as { grade: string; lossSource: string }[]).map((b) => `${b.grade}:${b.lossSource}`)).toEqual([
      'particularlyMajor:official',
      'major:commentary',
      'relativelyMajor:commentary',
    ]);
    for (const r of rules) for (const v of r.versions) expect(v.name.en && v.name.zh && v.basis.en && v.basis.zh, r.key).toBeTruthy();
  });

  it('an incident shows where each grade threshold comes from, not "*verify*" (issue 13)', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', incident({ individualsAffected: 1_200_000 }));
    expect(inc.grade.rule.en).not.toMatch(/verify/i);
    expect(inc.grade.basis.en).not.toMatch(/verify/i);
    expect(inc.grade.explanation.en).toContain('official text');
    expect(inc.grade.bands.find((b) => b.grade === 'relativelyMajor')).toEqual({ grade: 'relativelyMajor', people: 1_000_000, peopleSource: 'official', lossRmb: 5_000_000, lossSource: 'commentary' });
  });
});

describe('editing a period: preview, then apply', () => {
  it('the preview says which open deadlines move and by how much, and keeps nothing', async () => {
    tv = await makeTestVault();
    const open = await tv.ok('inbox.create', request());
    const closed = await tv.ok('inbox.create', request({ type: 'access' }));
    await tv.ok('inbox.transition', { id: closed.id, to: 'withdrawn', reason: 'by phone' });
    const complaint = await tv.ok('inbox.create', request({ type: 'complaint' }));
    const [v] = await versionOf('request.rights.15wd');
    const auditBefore = auditCount();
    const before = rows('SELECT id, due_at, rule_version FROM deadlines ORDER BY id');

    const effects = await tv.ok('rules.preview', { kind: 'edit', versionId: v.id, params: { period: { kind: 'workingDays', days: 20 } } });
    // Received Sun 29 Nov (Beijing 10:00): 15 working days → Fri 18 Dec; 20 → Fri 25 Dec.
    expect(effects.deadlines).toMatchObject([
      { recordRef: open.ref, key: 'reply', change: 'moved', beforeDueAt: '2026-12-18T15:59:59.999Z', afterDueAt: '2026-12-25T15:59:59.999Z', shiftMinutes: 7 * 24 * 60 },
    ]);
    expect(effects.closedDeadlinesChanged).toBe(1); // the withdrawn request's clock (waived) moves too, but is not open
    expect(effects.deadlines.some((d) => d.recordRef === complaint.ref)).toBe(false); // the complaint clock is another rule
    expect(rows('SELECT id, due_at, rule_version FROM deadlines ORDER BY id')).toEqual(before);
    expect(auditCount()).toBe(auditBefore);
    expect((await versionOf('request.rights.15wd'))[0]).toEqual(v);
  });

  it('apply recomputes in the same transaction, audits with the reason, and the deadline says which version it used', async () => {
    tv = await makeTestVault();
    const open = await tv.ok('inbox.create', request());
    const [v] = await versionOf('request.rights.15wd');
    const { effects } = await tv.ok('rules.apply', { kind: 'edit', versionId: v.id, params: { period: { kind: 'workingDays', days: 20 } }, reason: 'Policy §V revised: 20 working days' });
    expect(effects.deadlines).toHaveLength(1);
    const after = await tv.ok('inbox.get', { id: open.id });
    expect(due(after, 'reply')).toBe('2026-12-25T15:59:59.999Z');
    expect(after.dueAt).toBe('2026-12-25T15:59:59.999Z'); // the list's sort column follows
    const reply = after.deadlines.find((d) => d.key === 'reply')!;
    expect(reply.rule.en).toBe('Reply to the rights request (20 working days)');
    expect(reply.ruleVersion).toMatchObject({ revision: 2, effectiveFrom: null, label: { en: 'version in force throughout (rev. 2)', zh: '一直有效的版本（第2次修订）' } });
    const [edited] = await versionOf('request.rights.15wd');
    expect(edited).toMatchObject({ revision: 2, origin: 'edited', reason: 'Policy §V revised: 20 working days', changedBy: 'Li Wei' });
    const entry = (await tv.ok('audit.list', { limit: 1 })).items[0];
    expect(entry).toMatchObject({ action: 'rules.edit', entity: 'rule', entityId: 'request.rights.15wd' });
    expect(entry.summary).toContain('Policy §V revised');
  });

  it('a new version from a date recomputes only what starts on or after it: 2026-12-31 keeps the old rule, 2027-01-02 gets the new', async () => {
    tv = await makeTestVault({ now: '2027-01-03T02:00:00.000Z' });
    const early = await tv.ok('incidents.create', incident({ title: 'Before', individualsAffected: 1_500_000, discoveredAt: '2026-12-31T02:00:00.000Z' }));
    const late = await tv.ok('incidents.create', incident({ title: 'After', individualsAffected: 1_500_000, discoveredAt: '2027-01-02T02:00:00.000Z' }));
    const input = { kind: 'add' as const, key: 'cac.report.4h', effectiveFrom: '2027-01-01', params: { period: { kind: 'hours' as const, hours: 2 } } };
    const preview = await tv.ok('rules.preview', input);
    expect(preview.deadlines).toMatchObject([{ recordRef: late.ref, key: 'cac.report', change: 'moved', shiftMinutes: -120, beforeDueAt: '2027-01-02T06:00:00.000Z', afterDueAt: '2027-01-02T04:00:00.000Z' }]);
    await tv.ok('rules.apply', { ...input, reason: 'Amended measures from 2027' });
    const versions = await versionOf('cac.report.4h');
    expect(versions.map((x) => [x.effectiveFrom, x.effectiveTo])).toEqual([
      [null, '2026-12-31'],
      ['2027-01-01', null],
    ]);
    const cac = async (id: string) => (await tv.ok('incidents.get', { id })).obligations.find((o) => o.key === 'cac.report')!;
    expect((await cac(early.id)).dueAt).toBe('2026-12-31T06:00:00.000Z');
    expect((await cac(early.id)).deadline?.ruleVersion?.effectiveTo).toBe('2026-12-31');
    expect((await cac(late.id)).dueAt).toBe('2027-01-02T04:00:00.000Z');
    expect((await cac(late.id)).rule.en).toBe('Report to the provincial cyberspace administration (2 hours)');
    expect((await cac(late.id)).explanation.en).toContain('within 2 hours of discovery');
  });

  it('a grade band change re-grades open incidents, adds the duties that follow, and the preview says so', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', incident({ individualsAffected: 600_000 }));
    const other = await tv.ok('incidents.create', incident({ title: 'Small', individualsAffected: 100 }));
    expect(inc.grade.value).toBe('general');
    const [v] = await versionOf('cac.grade.bands');
    const bands = (v.params.bands as { grade: string; people: number }[]).map((b) => (b.grade === 'relativelyMajor' ? { ...b, people: 500_000 } : b));
    const preview = await tv.ok('rules.preview', { kind: 'edit', versionId: v.id, params: { bands } });
    expect(preview.grades).toEqual([{ recordId: inc.id, ref: inc.ref, title: 'Leak', before: 'general', after: 'relativelyMajor' }]);
    expect(preview.deadlines.map((d) => `${d.recordRef} ${d.key} ${d.change}`)).toEqual([`${inc.ref} cac.report added`]);
    await tv.ok('rules.apply', { kind: 'edit', versionId: v.id, params: { bands }, reason: 'Local guidance' });
    expect((await tv.ok('incidents.get', { id: inc.id })).grade.value).toBe('relativelyMajor');
    expect((await tv.ok('incidents.get', { id: other.id })).grade.value).toBe('general');
    expect((await tv.ok('incidents.list', { grade: 'relativelyMajor' })).items.map((i) => i.id)).toEqual([inc.id]);
  });

  it('a route band change lists the transfers whose recommended route changes', async () => {
    tv = await makeTestVault();
    const t = await tv.ok('transfers.create', { recipient: { name: 'Acme Inc.', country: 'US' } });
    await tv.ok('transfers.recordVolumes', { id: t.id, year: 2026, nonSensitiveIndividuals: 150_000, sensitiveIndividuals: 0 });
    const [v] = await versionOf('transfer.routes.2024');
    const preview = await tv.ok('rules.preview', { kind: 'edit', versionId: v.id, params: { contractNonSensitive: 200_000 } });
    expect(preview.routes).toEqual([{ recordId: t.id, ref: t.ref, title: 'Acme Inc. (US)', before: 'standardContractOrCertification', after: 'exempt' }]);
  });

  it.each([
    { why: 'a period of 0', change: { params: { period: { kind: 'workingDays', days: 0 } } }, field: 'params.period.days' },
    { why: 'an unknown parameter', change: { params: { hours: 3 } }, field: 'params.hours' },
    { why: 'a period of another kind of rule', change: { params: { period: { kind: 'weeks', days: 3 } } }, field: 'params.period.kind' },
  ])('refuses $why, naming the field, with nothing changed', async ({ change, field }) => {
    tv = await makeTestVault();
    await tv.ok('inbox.create', request());
    const [v] = await versionOf('request.rights.15wd');
    const before = rows('SELECT * FROM rule_versions ORDER BY id');
    const deadlinesBefore = rows('SELECT id, due_at FROM deadlines');
    const auditBefore = auditCount();
    const r = await tv.call('rules.apply', { kind: 'edit', versionId: v.id, ...(change as object), reason: 'x' } as never);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [field]: expect.any(String) } } });
    expect(rows('SELECT * FROM rule_versions ORDER BY id')).toEqual(before);
    expect(rows('SELECT id, due_at FROM deadlines')).toEqual(deadlinesBefore);
    expect(auditCount()).toBe(auditBefore);
  });

  it('refuses a second version on the same date and an unknown rule', async () => {
    tv = await makeTestVault();
    expect(await tv.call('rules.apply', { kind: 'add', key: 'hold.networkLogs.6m', effectiveFrom: '2026-01-01', reason: 'x' })).toMatchObject({ ok: false, error: { fields: { effectiveFrom: expect.stringContaining('already starts') } } });
    expect(await tv.call('rules.apply', { kind: 'add', key: 'no.such.rule', effectiveFrom: '2026-01-01', reason: 'x' })).toMatchObject({ ok: false, error: { fields: { key: expect.any(String) } } });
    expect(await tv.call('rules.apply', { kind: 'edit', versionId: 'x', reason: '' } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: 'Required' } } });
  });
});
