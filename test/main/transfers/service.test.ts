import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../preload/contract';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const usRecipient = {
  name: 'Acme Support Inc.',
  address: '1 Main St, Richmond, VA',
  country: 'us',
  contactPerson: 'Jane Doe',
  contactTitle: 'Privacy Lead',
  email: 'privacy@acme.example',
  phone: '+1 804 555 0100',
};
const annex1 = {
  purpose: 'Customer support ticket handling',
  processingMethod: 'storage, consultation',
  individualsScale: 150_000,
  piCategories: ['name', 'e-mail', 'ticket text'],
  transferMethod: 'API over TLS 1.3',
  retentionFrom: '2026-10-01',
  retentionTo: '2028-09-30',
  storageLocation: 'AWS us-east-1, Virginia',
};

async function register(more: Partial<Input<'transfers.create'>> = {}) {
  return tv.ok('transfers.create', { recipient: usRecipient, annex1, route: { chosen: 'standardContract' }, ...more });
}

const auditCount = async () => (await tv.ok('audit.list', { limit: 1 })).total;
const bjDate = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('registering a transfer and the route it needs', () => {
  it('registers a US recipient with 150,000 individuals: standard contract or certification, with the reason', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00Z' });
    const t = await register();
    expect(t.ref).toBe('XB-2026-0001');
    expect(t.recipient.country).toBe('US');
    const after = await tv.ok('transfers.recordVolumes', { id: t.id, year: 2026, nonSensitiveIndividuals: 150_000, sensitiveIndividuals: 0 });
    expect(after.verdict.route).toBe('standardContractOrCertification');
    expect(after.verdict.reason.en).toContain('150,000');
    expect(after.verdict.basis.en).toBe('2024 Provisions Art. 8');
    expect(after.routeCheck.status).toBe('matches');
    const hits = await tv.ok('search.query', { text: 'Acme' });
    expect(hits.hits.map((h) => h.ref)).toContain('XB-2026-0001');
  });

  it('adds volumes of two recipients for the company total, minus people counted under both', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00Z' });
    const a = await register();
    const b = await register({ recipient: { ...usRecipient, name: 'Beta GmbH', country: 'DE' } });
    await tv.ok('transfers.recordVolumes', { id: a.id, year: 2026, nonSensitiveIndividuals: 60_000, sensitiveIndividuals: 0 });
    const bOnly = await tv.ok('transfers.recordVolumes', { id: b.id, year: 2026, nonSensitiveIndividuals: 45_000, sensitiveIndividuals: 0 });
    expect(bOnly.verdict.route).toBe('standardContractOrCertification'); // 105,000 across both
    const company = await tv.ok('transfers.classify', {});
    expect(company.totals).toMatchObject({ nonSensitive: 105_000, sensitive: 0 });
    await tv.ok('transfers.recordCompanyYear', { year: 2026, duplicateNonSensitive: 6_000, duplicateSensitive: 0, note: 'same users in both' });
    const adjusted = await tv.ok('transfers.classify', { id: b.id });
    expect(adjusted.verdict.route).toBe('exempt'); // 99,000 unique
    expect(adjusted.verdict.nextThreshold).toMatchObject({ key: 'pi.100k', remaining: 1_000 });
    expect(adjusted.verdict.warning?.en).toContain('Within 10%');
    expect((await tv.ok('transfers.get', { id: b.id })).routeCheck.status).toBe('stricter');
  });

  it('starts counting again on 1 January (2024 basis) but keeps the previous year on the 2023 basis', async () => {
    tv = await makeTestVault({ now: '2026-12-31T15:00:00Z' }); // 23:00 in Beijing
    const t = await register();
    const old = await register({ route: { chosen: 'standardContract', regime: '2023' } });
    await tv.ok('transfers.recordVolumes', { id: t.id, year: 2026, nonSensitiveIndividuals: 150_000, sensitiveIndividuals: 0 });
    expect((await tv.ok('transfers.get', { id: t.id })).verdict.route).toBe('standardContractOrCertification');
    tv.setNow('2026-12-31T16:00:00Z'); // midnight in Beijing: 2027 starts
    const next = await tv.ok('transfers.get', { id: t.id });
    expect(next.verdict.route).toBe('exempt');
    expect(next.verdict.countingWindow.from).toBe('2027-01-01');
    const kept = await tv.ok('transfers.get', { id: old.id });
    expect(kept.verdict.countingWindow.from).toBe('2026-01-01');
    expect(kept.verdict.route).toBe('securityAssessment'); // 150,000 since 1 Jan of the previous year ≥ 100,000 (2022 Measures)
  });

  it('takes the CII setting by default and lets a record override it', async () => {
    tv = await makeTestVault();
    await tv.ok('settings.update', { ciiOperator: true });
    const t = await register({ annex1: { ...annex1, individualsScale: 10 } });
    await tv.ok('transfers.recordVolumes', { id: t.id, year: 2026, nonSensitiveIndividuals: 10, sensitiveIndividuals: 0 });
    const got = await tv.ok('transfers.get', { id: t.id });
    expect(got.verdict.route).toBe('securityAssessment');
    expect(got.routeCheck.status).toBe('mismatch');
    const hr = await tv.ok('transfers.update', { id: t.id, route: { chosen: 'exempt', exemptScenario: 'hrManagement' } });
    expect(hr.verdict).toMatchObject({ route: 'exempt', exemptScenario: 'hrManagement' });
  });

  it('keeps an exempt scenario’s volumes out of the company total and still reports the Art. 39 and PIPIA gaps', async () => {
    tv = await makeTestVault();
    const hr = await register({ route: { chosen: 'exempt', exemptScenario: 'hrManagement' } });
    await tv.ok('transfers.recordVolumes', { id: hr.id, year: 2026, nonSensitiveIndividuals: 500_000, sensitiveIndividuals: 0 });
    const company = await tv.ok('transfers.classify', {});
    expect(company.verdict.route).toBe('exempt');
    expect(company.totals.byTransfer[0]).toMatchObject({ nonSensitive: 500_000, counted: false });
    const got = await tv.ok('transfers.get', { id: hr.id });
    expect(got.gaps.map((g) => g.key)).toEqual(['notice', 'consent', 'pipia']);
  });
});

describe('filing clocks through the deadline engine', () => {
  it('effective 2026-09-28: filing due 2026-10-16 across National Day, with the engine’s explanation', async () => {
    tv = await makeTestVault({ now: '2026-09-29T02:00:00Z' });
    const t = await register({ contract: { signedDate: '2026-09-25', effectiveDate: '2026-09-28', filingAuthority: '北京市互联网信息办公室' } });
    const filing = t.deadlines.find((d) => d.key === 'scc.filing')!;
    expect(bjDate(filing.dueAt)).toBe('2026-10-16');
    expect(filing.explanation.en).toMatch(/working day/i);
    expect(filing.basis.en).toContain('Standard Contract Measures');
    expect(t.filingState).toBe('due');
    const overdueBefore = await tv.ok('transfers.list', { overdue: true });
    expect(overdueBefore.total).toBe(0);
    tv.setNow('2026-10-17T02:00:00Z');
    const overdue = await tv.ok('transfers.list', { overdue: true });
    expect(overdue.items.map((i) => i.ref)).toEqual([t.ref]);
    expect(overdue.items[0].overdue).toBe(true);
  });

  it('effective 2026-02-10: filing due 2026-03-02 across Spring Festival and both make-up Saturdays', async () => {
    tv = await makeTestVault({ now: '2026-02-10T02:00:00Z' });
    const t = await register({ contract: { effectiveDate: '2026-02-10' } });
    expect(bjDate(t.deadlines.find((d) => d.key === 'scc.filing')!.dueAt)).toBe('2026-03-02');
  });

  it('records submission, supplements (10 working days) and the filing number', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00Z' });
    const t = await register({ contract: { effectiveDate: '2026-09-28' } });
    await tv.ok('transfers.recordFiling', { id: t.id, kind: 'submitted', date: '2026-10-12' });
    const sup = await tv.ok('transfers.recordFiling', { id: t.id, kind: 'supplementsRequested', date: '2026-10-20' });
    expect(sup.filingState).toBe('supplementsRequested');
    const supDeadline = sup.deadlines.find((d) => d.ruleKey === 'scc.supplement.10wd')!;
    expect(bjDate(supDeadline.dueAt)).toBe('2026-11-03');
    await tv.ok('transfers.recordFiling', { id: t.id, kind: 'supplementsSubmitted', date: '2026-10-26' });
    const done = await tv.ok('transfers.recordFiling', { id: t.id, kind: 'accepted', date: '2026-11-02', filingNumber: '京备2026-0042' });
    expect(done.filingState).toBe('filed');
    expect(done.filingNumber).toBe('京备2026-0042');
    expect(done.deadlines.find((d) => d.key === 'scc.filing')!.state).toBe('met');
    expect(done.filingEvents.map((e) => e.kind)).toEqual(['submitted', 'supplementsRequested', 'supplementsSubmitted', 'accepted']);
  });

  it('a change of storage location during the term is recorded and creates the re-filing deadline; a law change can be recorded too', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00Z' });
    const t = await register({ contract: { effectiveDate: '2026-09-28' }, pipia: { date: '2026-09-01', conclusion: 'acceptable' } });
    await tv.ok('transfers.recordFiling', { id: t.id, kind: 'submitted', date: '2026-10-12' });
    await tv.ok('transfers.recordFiling', { id: t.id, kind: 'accepted', date: '2026-11-02', filingNumber: 'F-1' });
    const moved = await tv.ok('transfers.update', { id: t.id, annex1: { storageLocation: 'Frankfurt, DE' }, changeDate: '2026-11-10' });
    expect(moved.filingState).toBe('refilingDue');
    const refiling = moved.deadlines.find((d) => d.ruleKey === 'scc.refiling.10wd')!;
    expect(refiling.state).not.toBe('met');
    expect(bjDate(refiling.dueAt)).toBe('2026-11-24');
    expect(moved.gaps.map((g) => g.key)).toContain('pipia.stale');
    const law = await tv.ok('transfers.recordChange', { id: t.id, kind: 'destinationLaw', date: '2026-11-20', description: 'New US state privacy law' });
    expect(law.deadlines.filter((d) => d.ruleKey === 'scc.refiling.10wd')).toHaveLength(2);
    const changes = await tv.ok('transfers.changes', { id: t.id });
    expect(changes.items.map((c) => c.kinds)).toEqual([['destinationLaw'], ['storageLocation']]);
    const refiled = await tv.ok('transfers.recordFiling', { id: t.id, kind: 'submitted', date: '2026-11-27' });
    expect(refiled.filingState).toBe('underReview');
    expect(refiled.deadlines.filter((d) => d.ruleKey === 'scc.refiling.10wd').every((d) => d.state === 'met')).toBe(true);
    const audit = await tv.ok('audit.list', { limit: 20, entity: 'transfer', entityId: t.id });
    expect(audit.items.map((e) => e.action)).toContain('transfers.recordChange');
  });
});

describe('changes before the term and route changes', () => {
  it('a change before the contract takes effect is recorded without a re-filing duty; leaving the contract route drops its clocks', async () => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00Z' });
    const t = await register();
    const edited = await tv.ok('transfers.update', { id: t.id, annex1: { purpose: 'Support and analytics' } });
    expect(edited.deadlines).toEqual([]);
    expect((await tv.ok('transfers.changes', { id: t.id })).items).toMatchObject([{ kinds: ['purpose'], triggersRefiling: false }]);
    const effective = await tv.ok('transfers.update', { id: t.id, contract: { effectiveDate: '2026-11-02' } });
    expect(effective.deadlines.map((d) => d.key)).toEqual(['scc.filing']);
    const audited = (await tv.ok('audit.list', { limit: 1 })).total;
    await tv.ok('transfers.update', { id: t.id, annex1: { purpose: 'Support and analytics' } });
    expect((await tv.ok('audit.list', { limit: 1 })).total).toBe(audited); // the same value again writes nothing
    const certified = await tv.ok('transfers.update', { id: t.id, route: { chosen: 'certification' } });
    expect(certified.deadlines).toEqual([]);
    expect(certified.filingState).toBe('notRequired');
  });
});

describe('bad input is refused naming the field, and nothing is written', () => {
  it.each([
    ['retention "to" before "from"', { annex1: { ...annex1, retentionFrom: '2027-01-01', retentionTo: '2026-12-31' } }, 'annex1.retentionTo'],
    ['unknown country', { recipient: { ...usRecipient, country: 'XX' } }, 'recipient.country'],
    ['exempt without its scenario', { route: { chosen: 'exempt' } }, 'route.exemptScenario'],
    ['negative scale', { annex1: { ...annex1, individualsScale: -1 } }, 'annex1.individualsScale'],
    ['effective before signed', { contract: { signedDate: '2026-09-28', effectiveDate: '2026-09-01' } }, 'contract.effectiveDate'],
  ])('create: %s', async (_why, patch, field) => {
    tv = await makeTestVault();
    const before = await auditCount();
    const result = await tv.call('transfers.create', { recipient: usRecipient, annex1, ...patch } as Input<'transfers.create'>);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!result.ok) expect(Object.keys(result.error.fields ?? {})).toContain(field);
    expect((await tv.ok('transfers.list', {})).total).toBe(0);
    expect(await auditCount()).toBe(before);
  });

  it('refuses negative counts, a bad update and a filing number missing, writing nothing', async () => {
    tv = await makeTestVault();
    const t = await register({ contract: { effectiveDate: '2026-09-28' } });
    const before = await auditCount();
    const neg = await tv.call('transfers.recordVolumes', { id: t.id, year: 2026, nonSensitiveIndividuals: -5, sensitiveIndividuals: 0 });
    expect(neg).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { nonSensitiveIndividuals: 'Cannot be negative' } } });
    const upd = await tv.call('transfers.update', { id: t.id, annex1: { retentionTo: '2026-01-01' } });
    expect(upd).toMatchObject({ ok: false, error: { fields: { 'annex1.retentionTo': expect.any(String) } } });
    const noNumber = await tv.call('transfers.recordFiling', { id: t.id, kind: 'accepted', date: '2026-10-20' });
    expect(noNumber).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!noNumber.ok) expect(noNumber.error.fields).toHaveProperty('filingNumber');
    const early = await tv.call('transfers.recordFiling', { id: t.id, kind: 'submitted', date: '2026-09-01' });
    expect(early).toMatchObject({ ok: false, error: { fields: { date: 'Cannot be before the contract took effect' } } });
    const future = await tv.call('transfers.recordVolumes', { id: t.id, year: 2027, nonSensitiveIndividuals: 5, sensitiveIndividuals: 0 });
    expect(future).toMatchObject({ ok: false, error: { fields: { year: 'Cannot record a year that has not started' } } });
    const unknown = await tv.call('transfers.update', { id: t.id, recipient: { country: 'ZZ' } });
    expect(unknown).toMatchObject({ ok: false, error: { fields: { 'recipient.country': expect.stringContaining('Unknown country') } } });
    // Annex 1's scale (150,000) is this year's volume: more people counted twice than that is refused.
    const dup = await tv.call('transfers.recordCompanyYear', { year: 2026, duplicateNonSensitive: 150_001, duplicateSensitive: 0 });
    expect(dup).toMatchObject({ ok: false, error: { fields: { duplicateNonSensitive: expect.any(String) } } });
    expect(await auditCount()).toBe(before);
    const got = await tv.ok('transfers.get', { id: t.id });
    expect(got.annex1.retentionTo).toBe('2028-09-30');
    expect(got.volumes).toEqual([{ year: 2026, nonSensitive: 150_000, sensitive: 0, note: '' }]);
    expect(got.filingEvents).toEqual([]);
  });
});

describe('register list and CSV export', () => {
  it('pages newest first by keyset and filters by route and country', async () => {
    tv = await makeTestVault();
    for (let i = 0; i < 5; i++) await register({ recipient: { ...usRecipient, name: `R${i}`, country: i % 2 ? 'DE' : 'US' }, route: i === 4 ? { chosen: 'certification' } : { chosen: 'standardContract' } });
    const first = await tv.ok('transfers.list', { limit: 2 });
    expect(first.items.map((i) => i.recipientName)).toEqual(['R4', 'R3']);
    const second = await tv.ok('transfers.list', { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((i) => i.recipientName)).toEqual(['R2', 'R1']);
    expect((await tv.ok('transfers.list', { country: 'de' })).items.map((i) => i.recipientName)).toEqual(['R3', 'R1']);
    expect((await tv.ok('transfers.list', { route: 'certification' })).total).toBe(1);
    expect((await tv.ok('transfers.list', { filingState: 'awaitingContract' })).total).toBe(4);
  });

  it('exports UTF-8 CSV with a BOM, Chinese headers and the engine’s filing due date', async () => {
    tv = await makeTestVault({ now: '2026-09-29T02:00:00Z' });
    await register({ contract: { effectiveDate: '2026-09-28' } });
    const out = await tv.ok('transfers.exportCsv', { language: 'zh-CN' });
    expect(out.csv.charCodeAt(0)).toBe(0xfeff);
    expect(out.rows).toBe(1);
    const [header, row] = out.csv.slice(1).split('\r\n');
    expect(header.split(',')).toContain('备案截止日');
    expect(row).toContain('2026-10-16');
    expect(row).toContain('美国 (US)');
    const en = await tv.ok('transfers.exportCsv', { language: 'en' });
    expect(en.csv).toContain('Filing due');
  });
});
