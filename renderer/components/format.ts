import { parseAbsolute, parseDateTime, toCalendarDateTime, toZoned } from '@internationalized/date';
import type { Language } from '../../preload/contract/common';
import { formatInstantIn, keptFormat, LOCALE } from '../../preload/contract/format';

// One clock, one zone on the screen (issue 13): every instant is shown in the display zone set
// in Settings (default the company's, Asia/Shanghai), named, in the UI language's format.
let displayZone = 'Asia/Shanghai';
export const setDisplayZone = (zone: string): void => {
  displayZone = zone;
};
export const getDisplayZone = (): string => displayZone;

export { LOCALE, zoneLabel } from '../../preload/contract/format';

/** Display only: an instant in the display zone (or the zone given), with the zone named. Rules never run here. */
export const formatInstant = (iso: string | null | undefined, language: Language, zone: string = displayZone): string => formatInstantIn(iso, language, zone);

export function formatDate(isoDate: string | null | undefined, language: Language): string {
  if (!isoDate) return '—';
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return keptFormat(`date|${language}`, () => new Intl.DateTimeFormat(LOCALE[language], { year: 'numeric', month: language === 'zh-CN' ? 'long' : 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' })).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatNumber(n: number | null | undefined, language: Language): string {
  return n === null || n === undefined ? '—' : keptFormat(`number|${language}`, () => new Intl.NumberFormat(LOCALE[language])).format(n);
}

/** A date-time field's value ("YYYY-MM-DDTHH:mm", read in the display zone) → ISO instant. */
export function localInputToIso(value: string): string {
  if (!value) return '';
  try {
    return toZoned(parseDateTime(value.slice(0, 16)), displayZone).toAbsoluteString();
  } catch {
    return value;
  }
}

/** ISO instant → a date-time field's value in the display zone. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  try {
    return toCalendarDateTime(parseAbsolute(new Date(iso).toISOString(), displayZone)).toString().slice(0, 16);
  } catch {
    return '';
  }
}
