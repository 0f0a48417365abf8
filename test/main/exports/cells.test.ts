import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { instantAsExcelDate, instantText } from '../../../main/exports/cells';
import { csvRows, neutralise, unneutralise } from '../../../main/exports/csv';

describe('export cells', () => {
  it.each([
    ['2026-03-01T10:00:00.000Z', 'Asia/Shanghai', '2026-03-01 18:00', 'UTC+8, no daylight saving'],
    ['2026-12-31T16:30:00.000Z', 'Asia/Shanghai', '2027-01-01 00:30', 'the local date rolls over'],
    ['2026-03-29T00:30:00.000Z', 'Europe/Berlin', '2026-03-29 01:30', 'before the spring change (CET)'],
    ['2026-03-29T01:30:00.000Z', 'Europe/Berlin', '2026-03-29 03:30', 'after it (CEST)'],
    ['2026-04-05T15:45:00.000Z', 'Australia/Lord_Howe', DateTime.fromISO('2026-04-05T15:45:00.000Z', { zone: 'Australia/Lord_Howe' }).toFormat('yyyy-MM-dd HH:mm'), 'a half-hour change inside the hour'],
    ['not a date', 'Asia/Shanghai', 'not a date', 'left as it was'],
  ])('instantText(%s, %s) = %s (%s)', (iso, zone, expected) => {
    expect(instantText(iso, zone)).toBe(expected);
  });

  it('an Excel date carries the zone’s wall-clock time', () => {
    expect(instantAsExcelDate('2026-03-01T10:00:00.000Z')!.toISOString()).toBe('2026-03-01T18:00:00.000Z');
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+86 10 1234', "'+86 10 1234"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ["'already", "''already"],
    ['普通文本 = ok', '普通文本 = ok'],
  ])('neutralises %j as %j, reversibly', (text, expected) => {
    expect(neutralise(text)).toBe(expected);
    expect(unneutralise(neutralise(text))).toBe(text);
  });

  it('numbers stay numbers (a negative number is not a formula), text is quoted as RFC 4180 wants', () => {
    expect(csvRows([[-5, '-5', 'a,b', 'say "hi"', null, true]])).toBe(`-5,'-5,"a,b","say ""hi""",,TRUE\r\n`);
  });
});
