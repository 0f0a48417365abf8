// How instants are written for a person, in one place for the screens (renderer/components/format.ts)
// and the notices main renders (their merge fields): the UI or notice language's format, the zone
// named in words. Pure; no imports but the contract's own types.
import type { Language } from './common';

// Intl formatters are made once per language and zone and kept: making one costs more than
// rendering a list row, and a scrolling list formats every row it shows on every frame (issue 16:
// frames of 100 ms and more while scrolling 10,000 rows).
const kept = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
export function keptFormat<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let f = kept.get(key) as T | undefined;
  if (!f) {
    f = make();
    if (kept.size > 256) kept.clear();
    kept.set(key, f);
  }
  return f;
}

/** English dates read day-month-year (as in the company's English documents), never mm/dd. */
export const LOCALE: Record<Language, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };

const NAMED: Record<string, { en: string; zh: string }> = {
  'Asia/Shanghai': { en: 'Beijing time', zh: '北京时间' },
  'Europe/Brussels': { en: 'Brussels time', zh: '布鲁塞尔时间' },
  'America/Los_Angeles': { en: 'California time', zh: '加州时间' },
  UTC: { en: 'UTC', zh: '协调世界时' },
};

/** A zone in words: "Beijing time" / "北京时间", else the zone's own long name in the language. */
export function zoneLabel(zone: string, language: Language): string {
  const named = NAMED[zone];
  if (named) return language === 'zh-CN' ? named.zh : named.en;
  try {
    const part = new Intl.DateTimeFormat(LOCALE[language], { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}

/** An instant in a zone, with the zone named, as the language writes it (screens and notices alike). */
export function formatInstantIn(iso: string | null | undefined, language: Language, zone: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let text: string;
  try {
    text = keptFormat(
      `instant|${language}|${zone}`,
      () =>
        new Intl.DateTimeFormat(LOCALE[language], {
          year: 'numeric',
          month: language === 'zh-CN' ? 'long' : 'short',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
          timeZone: zone,
        }),
    ).format(date);
  } catch {
    return iso;
  }
  const label = zoneLabel(zone, language);
  return language === 'zh-CN' ? `${text}（${label}）` : `${text} (${label})`;
}

/** A whole number with the language's separators: 1,200,000. */
export const formatCount = (n: number, language: Language): string => keptFormat(`count|${language}`, () => new Intl.NumberFormat(LOCALE[language])).format(n);
