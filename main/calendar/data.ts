import type { CalendarDay } from './model';

// The State Council's holiday schedules as RULES.md §1 gives them. Data, not code: the DPO
// corrects or adds a year in Settings → Calendars; the migration seeds these two.

interface ShippedYear {
  country: string;
  year: number;
  source: string;
  holidays: CalendarDay[];
  workdays: CalendarDay[];
}

const name = (en: string, zh: string) => ({ en, zh });
const NEW_YEAR = name('New Year', '元旦');
const SPRING = name('Spring Festival', '春节');
const QINGMING = name('Qingming', '清明节');
const LABOUR = name('Labour Day', '劳动节');
const DRAGON = name('Dragon Boat', '端午节');
const MID_AUTUMN = name('Mid-Autumn', '中秋节');
const NATIONAL = name('National Day', '国庆节');
const NATIONAL_MID = name('National Day and Mid-Autumn', '国庆节、中秋节');

/** Inclusive range of dates in one month-crossing-safe list. */
function range(from: string, to: string, holiday: CalendarDay['name']): CalendarDay[] {
  const out: CalendarDay[] = [];
  const day = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  while (day <= end) {
    out.push({ date: day.toISOString().slice(0, 10), name: holiday });
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return out;
}

export const SHIPPED_CALENDARS: ShippedYear[] = [
  {
    country: 'CN',
    year: 2025,
    source: 'General Office of the State Council, 2025 public holiday schedule (国务院办公厅关于2025年部分节假日安排的通知)',
    holidays: [
      ...range('2025-01-01', '2025-01-01', NEW_YEAR),
      ...range('2025-01-28', '2025-02-04', SPRING),
      ...range('2025-04-04', '2025-04-06', QINGMING),
      ...range('2025-05-01', '2025-05-05', LABOUR),
      ...range('2025-05-31', '2025-06-02', DRAGON),
      ...range('2025-10-01', '2025-10-08', NATIONAL_MID),
    ],
    workdays: [
      { date: '2025-01-26', name: SPRING },
      { date: '2025-02-08', name: SPRING },
      { date: '2025-04-27', name: LABOUR },
      { date: '2025-09-28', name: NATIONAL_MID },
      { date: '2025-10-11', name: NATIONAL_MID },
    ],
  },
  {
    country: 'CN',
    year: 2026,
    source: 'General Office of the State Council, notice of 2025-11-04 on the 2026 public holiday schedule (国务院办公厅关于2026年部分节假日安排的通知)',
    holidays: [
      ...range('2026-01-01', '2026-01-03', NEW_YEAR),
      ...range('2026-02-15', '2026-02-23', SPRING),
      ...range('2026-04-04', '2026-04-06', QINGMING),
      ...range('2026-05-01', '2026-05-05', LABOUR),
      ...range('2026-06-19', '2026-06-21', DRAGON),
      ...range('2026-09-25', '2026-09-27', MID_AUTUMN),
      ...range('2026-10-01', '2026-10-07', NATIONAL),
    ],
    workdays: [
      { date: '2026-01-04', name: NEW_YEAR },
      { date: '2026-02-14', name: SPRING },
      { date: '2026-02-28', name: SPRING },
      { date: '2026-05-09', name: LABOUR },
      { date: '2026-09-20', name: NATIONAL },
      { date: '2026-10-10', name: NATIONAL },
    ],
  },
];
