import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDARS } from '../../../main/calendar/data';
import { federalHolidaysUS, statutoryHolidaysCN, type FederalHoliday, type HolidayMeasures } from '../../../main/calendar/statutory';
import { shippedCatalogue } from '../../../main/rules/catalogue';

const catalogue = shippedCatalogue();
const measures = catalogue.at('cn.holidayMeasures', '2027-01-01')!.params as unknown as HolidayMeasures;
const us = catalogue.at('us.federalHolidays', '2027-01-01')!.params as unknown as { holidays: FederalHoliday[]; observedOnWeekday: boolean };

describe('provisional PRC calendar from the Holiday Measures Art. 2 (lunar-javascript)', () => {
  it('2027: the statutory days, checked by hand against a published Gregorian–lunar table', () => {
    // Hong Kong Observatory, Gregorian-Lunar Calendar Conversion Table 2027: 1st day of the 1st
    // lunar month = 6 Feb 2027 (so New Year's Eve = 5 Feb); 5th day of the 5th month = 9 Jun;
    // 15th day of the 8th month = 15 Sep; solar term Qingming (清明) = 5 Apr.
    expect(statutoryHolidaysCN(2027, measures).map((d) => `${d.date} ${d.name?.en}`)).toEqual([
      "2027-01-01 New Year's Day",
      '2027-02-05 Spring Festival',
      '2027-02-06 Spring Festival',
      '2027-02-07 Spring Festival',
      '2027-02-08 Spring Festival',
      '2027-04-05 Qingming',
      '2027-05-01 Labour Day',
      '2027-05-02 Labour Day',
      '2027-06-09 Dragon Boat Festival',
      '2027-09-15 Mid-Autumn Festival',
      '2027-10-01 National Day',
      '2027-10-02 National Day',
      '2027-10-03 National Day',
    ]);
  });

  it.each([2025, 2026])('%i: every computed statutory day is a day off in the State Council’s official schedule', (year) => {
    const official = new Set(SHIPPED_CALENDARS.find((c) => c.year === year)!.holidays.map((d) => d.date));
    const computed = statutoryHolidaysCN(year, measures).map((d) => d.date);
    expect(computed).toHaveLength(13);
    expect(computed.filter((d) => !official.has(d))).toEqual([]);
  });

  it('takes the number of days from the catalogue (a 5-day Spring Festival adds the 4th day after New Year)', () => {
    const days = statutoryHolidaysCN(2027, { ...measures, springFestival: 5 }).filter((d) => d.name?.en === 'Spring Festival');
    expect(days.map((d) => d.date)).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09']);
  });
});

describe('US federal holidays (5 U.S.C. §6103) for CCPA business days', () => {
  it('2026: observed days, Independence Day on a Saturday moves to Friday', () => {
    expect(federalHolidaysUS(2026, us.holidays, us.observedOnWeekday).map((d) => d.date)).toEqual([
      '2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-10-12', '2026-11-11', '2026-11-26', '2026-12-25',
    ]);
  });

  it('2027: Juneteenth on a Saturday → Friday 18, Independence Day on a Sunday → Monday 5, and New Year 2028 (a Saturday) observed on Fri 31 Dec 2027', () => {
    expect(federalHolidaysUS(2027, us.holidays, us.observedOnWeekday).map((d) => d.date)).toEqual([
      '2027-01-01', '2027-01-18', '2027-02-15', '2027-05-31', '2027-06-18', '2027-07-05', '2027-09-06', '2027-10-11', '2027-11-11', '2027-11-25', '2027-12-24', '2027-12-31',
    ]);
    expect(federalHolidaysUS(2028, us.holidays, us.observedOnWeekday).map((d) => d.date)).not.toContain('2028-01-01');
  });
});
