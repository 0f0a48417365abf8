import { describe, expect, it } from 'vitest';
import { englishOf } from '../../helpers/problems';
import { SHIPPED_CALENDARS } from '../../../main/calendar/data';
import { parseCalendarCsv, parseCalendarJson } from '../../../main/calendar/import';
import { calendarChange, checkCalendarYear, dayKind, newTrace, runsOf, toWorkCalendar } from '../../../main/calendar/rules';

const china = toWorkCalendar('CN', SHIPPED_CALENDARS);

describe('day kinds on the China calendar', () => {
  it.each([
    { date: '2026-02-14', kind: 'makeupWorkday', why: 'Sat Feb 14 is worked for the Spring Festival' },
    { date: '2026-02-28', kind: 'makeupWorkday', why: 'Sat Feb 28 is worked for the Spring Festival' },
    { date: '2026-02-15', kind: 'holiday', why: 'Spring Festival (a Sunday, off as a holiday)' },
    { date: '2026-02-23', kind: 'holiday', why: 'last day of the Spring Festival break (a Monday)' },
    { date: '2026-09-20', kind: 'makeupWorkday', why: 'Sun Sep 20 is worked for National Day' },
    { date: '2026-10-10', kind: 'makeupWorkday', why: 'Sat Oct 10 is worked for National Day' },
    { date: '2026-10-07', kind: 'holiday', why: 'National Day' },
    { date: '2026-10-11', kind: 'weekend', why: 'an ordinary Sunday' },
    { date: '2026-10-12', kind: 'workday', why: 'an ordinary Monday' },
    { date: '2025-10-08', kind: 'holiday', why: '2025 National Day and Mid-Autumn run to Oct 8' },
    { date: '2025-10-11', kind: 'makeupWorkday', why: 'Sat Oct 11 2025 is worked' },
    { date: '2027-01-01', kind: 'workday', why: 'no 2027 calendar: only weekends are rest days' },
  ])('$date is $kind: $why', ({ date, kind }) => {
    expect(dayKind(china, date)).toBe(kind);
  });

  it('records which years answered and which were missing', () => {
    const trace = newTrace();
    dayKind(china, '2026-12-31', trace);
    dayKind(china, '2027-01-01', trace);
    expect([...trace.usedYears]).toEqual([2026]);
    expect([...trace.missingYears]).toEqual([2027]);
  });
});

describe('calendar helpers', () => {
  it('groups consecutive dates into runs, across months', () => {
    expect(runsOf(['2025-02-04', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-04-04'])).toEqual([
      ['2025-01-28', '2025-02-04'],
      ['2025-04-04', '2025-04-04'],
    ]);
  });

  it.each([
    { why: 'a date outside the year', holidays: ['2027-01-01'], workdays: [], field: 'holidays.0' },
    { why: 'a holiday listed twice', holidays: ['2026-10-01', '2026-10-01'], workdays: [], field: 'holidays.1' },
    { why: 'a day both off and worked', holidays: ['2026-10-10'], workdays: ['2026-10-10'], field: 'workdays.0' },
    { why: 'a weekday declared a working day', holidays: [], workdays: ['2026-10-12'], field: 'workdays.0' },
  ])('refuses $why', ({ holidays, workdays, field }) => {
    expect(Object.keys(checkCalendarYear(2026, holidays, workdays))).toEqual([field]);
  });

  it('accepts the shipped years', () => {
    for (const y of SHIPPED_CALENDARS) {
      expect(checkCalendarYear(y.year, y.holidays.map((d) => d.date), y.workdays.map((d) => d.date))).toEqual({});
    }
  });
});

describe('calendar files', () => {
  it('reads CSV with a header, Chinese kind words and names', () => {
    const r = parseCalendarCsv('date,kind,name_en,name_zh\n2027-01-01,holiday,New Year,元旦\n\n2027-02-06,班\n');
    expect(r).toEqual({
      ok: true,
      value: { holidays: [{ date: '2027-01-01', name: { en: 'New Year', zh: '元旦' } }], workdays: [{ date: '2027-02-06', name: null }] },
    });
  });

  it('names each bad CSV row by its line number', () => {
    const r = parseCalendarCsv('date,kind\n2027-01-01,holiday\n2027-13-01,holiday\n2027-02-06,maybe\n');
    expect(r.ok).toBe(false);
    expect(!r.ok && englishOf(r.problems)).toEqual({
        'line.3': 'Line 3: "2027-13-01" is not a date (YYYY-MM-DD)',
        'line.4': 'Line 4: "maybe" is neither holiday nor workday',
    });
  });

  it('reads both JSON shapes', () => {
    const lists = parseCalendarJson('{"holidays": ["2027-01-01", {"date": "2027-01-02", "name": "New Year"}], "workdays": ["2027-01-09"]}');
    expect(lists.ok && lists.value.holidays.map((d) => d.date)).toEqual(['2027-01-01', '2027-01-02']);
    const rows = parseCalendarJson('[{"date": "2027-01-01", "kind": "holiday"}, {"date": "2027-01-09", "kind": "workday"}]');
    expect(rows.ok && rows.value.workdays).toEqual([{ date: '2027-01-09', name: null }]);
  });

  it('names bad JSON entries and syntax errors by line', () => {
    const bad = parseCalendarJson('{\n "holidays": [\n  "2027-01-01",\n  "2027-02-30"\n ]\n}');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && englishOf(bad.problems)).toEqual({ 'line.4': 'Line 4: "2027-02-30" is not a date (YYYY-MM-DD)' });
    const broken = parseCalendarJson('{\n "holidays": [\n  "2027-01-01",\n ]\n}');
    expect(broken.ok).toBe(false);
    expect(!broken.ok && Object.keys(broken.problems)[0]).toMatch(/^line\.\d+$/);
  });
});

describe('calendarChange', () => {
  it.each([
    { why: 'nothing loaded: nothing to lose', before: null, after: { holidays: [], workdays: [] }, expected: { before: 0, after: 0, added: 0, removed: 0, needsConfirmation: false } },
    { why: 'all removed', before: { holidays: ['2026-01-01', '2026-01-02'], workdays: ['2026-01-04'] }, after: { holidays: [], workdays: [] }, expected: { before: 3, after: 0, added: 0, removed: 3, needsConfirmation: true } },
    { why: 'exactly half removed is not "most"', before: { holidays: ['2026-01-01', '2026-01-02'], workdays: [] }, after: { holidays: ['2026-01-01'], workdays: [] }, expected: { before: 2, after: 1, added: 0, removed: 1, needsConfirmation: false } },
    { why: 'most removed even if as many added', before: { holidays: ['2026-01-01', '2026-01-02', '2026-01-03'], workdays: [] }, after: { holidays: ['2026-02-01', '2026-02-02', '2026-02-03'], workdays: [] }, expected: { before: 3, after: 3, added: 3, removed: 3, needsConfirmation: true } },
    { why: 'a holiday turned working day counts as removed and added', before: { holidays: ['2026-01-03'], workdays: [] }, after: { holidays: [], workdays: ['2026-01-03'] }, expected: { before: 1, after: 1, added: 1, removed: 1, needsConfirmation: true } },
  ])('$why', ({ before, after, expected }) => {
    expect(calendarChange(before, after)).toEqual(expected);
  });
});
