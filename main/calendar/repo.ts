import type { Db } from '../store/database';
import type { CalendarDay, CalendarOrigin, CalendarYear } from './model';

interface YearRow {
  country: string;
  year: number;
  source: string;
  origin: CalendarOrigin;
  loaded_at: string;
}
interface DayRow {
  country: string;
  date: string;
  year: number;
  kind: 'holiday' | 'workday';
  name_en: string | null;
  name_zh: string | null;
}

export class CalendarRepo {
  constructor(private readonly db: Db) {}

  years(country?: string): CalendarYear[] {
    const rows = country
      ? this.db.prepare<[string], YearRow>('SELECT * FROM calendar_years WHERE country = ? ORDER BY year').all(country)
      : this.db.prepare<[], YearRow>('SELECT * FROM calendar_years ORDER BY country, year').all();
    const days = country
      ? this.db.prepare<[string], DayRow>('SELECT * FROM calendar_days WHERE country = ? ORDER BY date').all(country)
      : this.db.prepare<[], DayRow>('SELECT * FROM calendar_days ORDER BY country, date').all();
    const byYear = new Map<string, DayRow[]>();
    for (const d of days) {
      const k = `${d.country}:${d.year}`;
      byYear.set(k, [...(byYear.get(k) ?? []), d]);
    }
    return rows.map((r) => {
      const own = byYear.get(`${r.country}:${r.year}`) ?? [];
      const toDay = (d: DayRow): CalendarDay => ({
        date: d.date,
        name: d.name_en !== null || d.name_zh !== null ? { en: d.name_en ?? '', zh: d.name_zh ?? '' } : null,
      });
      return {
        country: r.country,
        year: r.year,
        source: r.source,
        origin: r.origin,
        loadedAt: r.loaded_at,
        holidays: own.filter((d) => d.kind === 'holiday').map(toDay),
        workdays: own.filter((d) => d.kind === 'workday').map(toDay),
      };
    });
  }

  /** A fingerprint of the country's stored years and days: changes with any edit, even at the same instant. */
  versionOf(country: string): string {
    const row = this.db
      .prepare<[string, string], { v: string | null }>(
        `SELECT (SELECT group_concat(year || '@' || loaded_at, ',') FROM calendar_years WHERE country = ?) || '|' ||
                (SELECT group_concat(date || kind, ',') FROM calendar_days WHERE country = ?) AS v`,
      )
      .get(country, country);
    return row?.v ?? '';
  }

  year(country: string, year: number): CalendarYear | undefined {
    return this.years(country).find((y) => y.year === year);
  }

  /** Replaces a year's days wholesale: the DPO's edit or import is the new truth for that year. */
  replaceYear(y: CalendarYear): void {
    this.db.prepare('DELETE FROM calendar_days WHERE country = ? AND year = ?').run(y.country, y.year);
    this.db
      .prepare(
        `INSERT INTO calendar_years (country, year, source, origin, loaded_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (country, year) DO UPDATE SET source = excluded.source, origin = excluded.origin, loaded_at = excluded.loaded_at`,
      )
      .run(y.country, y.year, y.source, y.origin, y.loadedAt);
    const day = this.db.prepare('INSERT INTO calendar_days (country, date, year, kind, name_en, name_zh) VALUES (?, ?, ?, ?, ?, ?)');
    for (const d of y.holidays) day.run(y.country, d.date, y.year, 'holiday', d.name?.en ?? null, d.name?.zh ?? null);
    for (const d of y.workdays) day.run(y.country, d.date, y.year, 'workday', d.name?.en ?? null, d.name?.zh ?? null);
  }
}
