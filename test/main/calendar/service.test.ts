import { afterEach, describe, expect, it } from 'vitest';
import { syncRecordDeadlines } from '../../../main/deadlines/service';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const transfer = { module: 'transfers' as const, recordId: 'tr-1', recordRef: 'TR-2026-0001', recordTitle: 'CRM export' };
const auditActions = async () => (await tv.ok('audit.list', { limit: 500 })).items.map((e) => e.action);
const calendarSnapshot = () => tv.session.db.prepare('SELECT * FROM calendar_years, calendar_days USING (country, year) ORDER BY date').all();

describe('calendars in the vault', () => {
  it('ships China 2025 and 2026 with their source and load time', async () => {
    tv = await makeTestVault();
    const { years } = await tv.ok('calendar.list', {});
    expect(years.map((y) => `${y.country} ${y.year} ${y.origin}`)).toEqual(['CN 2025 shipped', 'CN 2026 shipped']);
    const y2026 = years[1];
    expect(y2026.source).toContain('2025-11-04');
    expect(y2026.loadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(y2026.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(y2026.workdays.map((d) => d.date)).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(y2026.holidays.find((d) => d.date === '2026-10-01')?.name).toEqual({ en: 'National Day', zh: '国庆节' });
  });

  it('loading the official schedule of a provisional year recomputes its deadlines, says which moved, and audits it', async () => {
    tv = await makeTestVault();
    const [before] = tv.session.tx(() => syncRecordDeadlines(tv.session, transfer, [{ key: 'filing', ruleKey: 'scc.filing.10wd', start: '2026-12-24' }]));
    expect(before.calendar).toEqual({ country: 'CN', years: [2026], missingYears: [], provisionalYears: [2027] });
    expect(before.provisional?.message.en).toBe('Provisional until the 2027 schedule is loaded');
    expect(before.dueAt).toBe('2027-01-08T15:59:59.999Z');

    // A schedule that gives a day more than the statutory one (Mon Jan 4 off) moves the date.
    const change = await tv.ok('calendar.upsertYear', {
      country: 'CN',
      year: 2027,
      source: 'Notice of the General Office of the State Council on the 2027 schedule',
      holidays: [
        { date: '2027-01-01', name: { en: 'New Year', zh: '元旦' } },
        { date: '2027-01-04', name: { en: 'New Year', zh: '元旦' } },
      ],
      workdays: [],
    });
    expect(change.recomputed).toBe(1);
    expect(change.year).toMatchObject({ year: 2027, origin: 'edited', loadedAt: '2026-11-29T02:00:00.000Z' });
    expect(change.effects.deadlines).toMatchObject([
      { recordRef: 'TR-2026-0001', change: 'moved', beforeDueAt: '2027-01-08T15:59:59.999Z', afterDueAt: '2027-01-11T15:59:59.999Z', shiftMinutes: 3 * 24 * 60 },
    ]);
    const [after] = (await tv.ok('deadlines.forRecord', { module: 'transfers', recordId: 'tr-1' })).items;
    expect(after.calendar).toEqual({ country: 'CN', years: [2026, 2027], missingYears: [], provisionalYears: [] });
    expect(after.provisional).toBeNull();
    expect(after.dueAt).toBe('2027-01-11T15:59:59.999Z');
    expect(after.explanation.en).toBe('10 working days after 2026-12-24; Jan 1 and Jan 4 are holidays → 2027-01-11');
    const entry = (await tv.ok('audit.list', { limit: 5 })).items.find((e) => e.action === 'calendar.upsertYear')!;
    expect(entry.summary).toContain('1 no longer provisional, 1 moved');
  });

  it('loading a schedule identical to the statutory days ends "provisional" without moving the date', async () => {
    tv = await makeTestVault();
    tv.session.tx(() => syncRecordDeadlines(tv.session, transfer, [{ key: 'filing', ruleKey: 'scc.filing.10wd', start: '2026-12-24' }]));
    expect((await tv.ok('deadlines.counts', {})).provisional).toEqual({ count: 1, years: [2027] });
    const change = await tv.ok('calendar.upsertYear', { country: 'CN', year: 2027, source: 'Official', holidays: [{ date: '2027-01-01' }], workdays: [] });
    expect(change.effects.deadlines).toMatchObject([{ change: 'versionOnly', beforeDueAt: '2027-01-08T15:59:59.999Z', afterDueAt: '2027-01-08T15:59:59.999Z' }]);
    expect((await tv.ok('deadlines.counts', {})).provisional).toEqual({ count: 0, years: [] });
  });

  it('correcting a year keeps a DPO override but recomputes the computed date beneath it', async () => {
    tv = await makeTestVault();
    const [d] = tv.session.tx(() => syncRecordDeadlines(tv.session, transfer, [{ key: 'filing', ruleKey: 'scc.filing.10wd', start: '2026-09-28' }]));
    await tv.ok('deadlines.override', { id: d.id, dueAt: '2026-10-30T09:00:00Z', reason: 'Extension agreed' });
    const { years } = await tv.ok('calendar.list', { country: 'CN' });
    const y2026 = years.find((y) => y.year === 2026)!;
    // Correction: Oct 8 declared a holiday too.
    await tv.ok('calendar.upsertYear', {
      country: 'CN',
      year: 2026,
      source: y2026.source,
      holidays: [...y2026.holidays, { date: '2026-10-08', name: null }],
      workdays: y2026.workdays,
    });
    const [after] = (await tv.ok('deadlines.forRecord', { module: 'transfers', recordId: 'tr-1' })).items;
    expect(after.dueAt).toBe('2026-10-30T09:00:00.000Z');
    expect(after.override?.computedDueAt).toBe('2026-10-19T15:59:59.999Z');
  });

  it('imports a CSV year, audited as an import', async () => {
    tv = await makeTestVault();
    const change = await tv.ok('calendar.import', {
      year: 2027,
      source: '2027 schedule (file from HR)',
      format: 'csv',
      text: 'date,kind,name_en,name_zh\n2027-01-01,holiday,New Year,元旦\n2027-02-06,workday,Spring Festival,春节\n',
    });
    expect(change.year).toMatchObject({ country: 'CN', year: 2027, origin: 'imported' });
    expect(change.year.workdays).toEqual([{ date: '2027-02-06', name: { en: 'Spring Festival', zh: '春节' } }]);
    expect(await auditActions()).toContain('calendar.import');
  });

  it.each([
    {
      why: 'bad CSV rows, named by line',
      input: { year: 2027, source: 'file', format: 'csv' as const, text: 'date,kind\n2027-01-01,holiday\nnot-a-date,holiday\n' },
      fields: { 'line.3': 'Line 3: "not-a-date" is not a date (YYYY-MM-DD)' },
    },
    {
      why: 'dates outside the year being imported',
      input: { year: 2027, source: 'file', format: 'json' as const, text: '{"holidays": ["2028-01-01"]}' },
      fields: { year: 'The file has dates outside 2027: 2028-01-01' },
    },
    {
      why: 'a weekday declared a working day',
      input: { year: 2027, source: 'file', format: 'json' as const, text: '{"holidays": [], "workdays": ["2027-01-05"]}' },
      fields: { 'text.workdays.0': '2027-01-05 is a weekday; only weekend days can be declared working days' },
    },
    { why: 'an empty file', input: { year: 2027, source: 'file', format: 'csv' as const, text: '' }, fields: { text: 'The file is empty' } },
    { why: 'no source', input: { year: 2027, source: ' ', format: 'csv' as const, text: '2027-01-01,holiday' }, fields: { source: 'Required' } },
    { why: 'an unknown format', input: { year: 2027, source: 'f', format: 'xlsx' as never, text: 'x' }, fields: { format: expect.any(String) } },
  ])('import refuses $why and writes nothing', async ({ input, fields }) => {
    tv = await makeTestVault();
    const before = calendarSnapshot();
    const auditBefore = await auditActions();
    const result = await tv.call('calendar.import', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields } });
    expect(calendarSnapshot()).toEqual(before);
    expect(await auditActions()).toEqual(auditBefore);
  });

  it.each([
    { why: 'a year out of range', input: { year: 1999 }, field: 'year' },
    { why: 'a malformed country', input: { country: 'china' }, field: 'country' },
    { why: 'an impossible date', input: { holidays: [{ date: '2026-02-30' }] }, field: 'holidays.0.date' },
    { why: 'a date in another year', input: { holidays: [{ date: '2025-12-31' }] }, field: 'holidays.0' },
    { why: 'an unknown field', input: { extra: true }, field: 'extra' },
  ])('upsertYear refuses $why and writes nothing', async ({ input, field }) => {
    tv = await makeTestVault();
    const before = calendarSnapshot();
    const result = await tv.call('calendar.upsertYear', { country: 'CN', year: 2026, source: 'x', holidays: [], workdays: [], ...input } as never);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('VALIDATION');
    expect(!result.ok && Object.keys(result.error.fields ?? {})).toContain(field);
    expect(calendarSnapshot()).toEqual(before);
  });
});

describe('calendar edits are seen at once', () => {
  it('two corrections at the same instant both change the computed date (no stale calendar)', async () => {
    tv = await makeTestVault();
    const compute = async () => (await tv.ok('deadlines.compute', { rule: 'scc.filing.10wd', start: '2026-12-24' })).dueAt;
    // Provisional 2027: the statutory Jan 1 holiday.
    expect(await compute()).toBe('2027-01-08T15:59:59.999Z');
    await tv.ok('calendar.upsertYear', { year: 2027, source: 'draft', holidays: [], workdays: [] });
    expect(await compute()).toBe('2027-01-07T15:59:59.999Z');
    await tv.ok('calendar.upsertYear', { year: 2027, source: 'draft', holidays: [{ date: '2027-01-01' }], workdays: [] });
    expect(await compute()).toBe('2027-01-08T15:59:59.999Z');
    // Replacing the year's only day removes all of it: confirmed (issue 10, item 6).
    await tv.ok('calendar.upsertYear', { year: 2027, source: 'draft', holidays: [{ date: '2027-01-04' }], workdays: [], confirmRemoval: true });
    expect(await compute()).toBe('2027-01-08T15:59:59.999Z');
    await tv.ok('calendar.upsertYear', { year: 2027, source: 'draft', holidays: [{ date: '2027-01-01' }, { date: '2027-01-04' }], workdays: [] });
    expect(await compute()).toBe('2027-01-11T15:59:59.999Z');
  });
});

// Issue 10, item 6: an empty calendar file (`date,kind` header only) replaced a loaded year with
// zero holidays and returned ok.
describe('a change that removes most of a loaded year', () => {
  it('a header-only import of 2026 is refused until confirmed, says how many days change, and a dry run writes nothing', async () => {
    tv = await makeTestVault();
    const loaded = (await tv.ok('calendar.list', {})).years.find((y) => y.year === 2026)!;
    const days = loaded.holidays.length + loaded.workdays.length;
    expect(days).toBeGreaterThan(20);
    const before = calendarSnapshot();
    const auditBefore = await auditActions();
    const input = { year: 2026, source: 'empty file', format: 'csv' as const, text: 'date,kind\n' };

    const refused = await tv.call('calendar.import', input);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { confirmRemoval: `This removes ${days} of the ${days} days loaded for CN 2026 (0 would remain); confirm the removal to go on` } } });
    const dry = await tv.ok('calendar.import', { ...input, dryRun: true });
    expect(dry).toMatchObject({ stored: false, recomputed: 0, change: { before: days, after: 0, added: 0, removed: days, needsConfirmation: true } });
    expect(calendarSnapshot()).toEqual(before);
    expect(await auditActions()).toEqual(auditBefore);

    const confirmed = await tv.ok('calendar.import', { ...input, confirmRemoval: true });
    expect(confirmed).toMatchObject({ stored: true, change: { removed: days, after: 0 } });
    expect(confirmed.year.holidays).toEqual([]);
    expect(await auditActions()).toContain('calendar.import');
  });

  it('an edit that keeps most days needs no confirmation; one that drops more than half does, by the same rule', async () => {
    tv = await makeTestVault();
    const y = (await tv.ok('calendar.list', {})).years.find((x) => x.year === 2026)!;
    const base = { country: 'CN', year: 2026, source: y.source, holidays: y.holidays.map((d) => ({ date: d.date, name: d.name })), workdays: y.workdays.map((d) => ({ date: d.date, name: d.name })) };
    const one = await tv.ok('calendar.upsertYear', { ...base, holidays: base.holidays.slice(1) });
    expect(one.change).toMatchObject({ removed: 1, needsConfirmation: false });
    const most = await tv.call('calendar.upsertYear', { ...base, holidays: [], workdays: [] });
    expect(most).toMatchObject({ ok: false, error: { fields: { confirmRemoval: expect.stringContaining('confirm the removal') } } });
    // A year not loaded yet has nothing to lose.
    const fresh = await tv.ok('calendar.import', { year: 2030, source: 'x', format: 'csv', text: 'date,kind\n' });
    expect(fresh.change).toEqual({ before: 0, after: 0, added: 0, removed: 0, needsConfirmation: false });
  });
});
