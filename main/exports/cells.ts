import { DateTime } from 'luxon';
import type { CellType, CellValue } from './model';

/** The zone of every instant in an export, named in its header (the display zone when it is a setting). */
export const EXPORT_ZONE = 'Asia/Shanghai';

const HOUR = 3_600_000;
/** Zone offsets by UTC hour: a million-row export formats a million instants, and luxon per cell is the slowest part of it. */
const offsets = new Map<string, Map<number, number | null>>();

/** The zone's offset (minutes) throughout the UTC hour of `ms`, or null when it changes within that hour. */
function hourOffset(ms: number, zone: string): number | null {
  let byHour = offsets.get(zone);
  if (!byHour) offsets.set(zone, (byHour = new Map()));
  const hour = Math.floor(ms / HOUR);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const a = DateTime.fromMillis(hour * HOUR, { zone }).offset;
    const b = DateTime.fromMillis(hour * HOUR + HOUR - 1, { zone }).offset;
    offset = a === b ? a : null;
    if (byHour.size > 100_000) byHour.clear();
    byHour.set(hour, offset);
  }
  return offset;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** An instant as local time of the zone, "2026-03-01 18:00", as the lists show it. */
export function instantText(iso: string, zone = EXPORT_ZONE): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const offset = hourOffset(ms, zone);
  if (offset === null) return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');
  const d = new Date(ms + offset * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/**
 * An instant as an Excel date: Excel dates carry no zone, so the wall-clock time of the zone is
 * written as if it were UTC (what exceljs writes for a Date).
 */
export function instantAsExcelDate(iso: string, zone = EXPORT_ZONE): Date | null {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return null;
  const offset = hourOffset(ms, zone) ?? DateTime.fromMillis(ms, { zone }).offset;
  return new Date(ms + offset * 60_000);
}

export function dateAsExcelDate(date: string): Date | null {
  const ms = Date.parse(`${date}T00:00:00.000Z`);
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/** A cell for CSV: what the list shows, as text or number. */
export function csvValue(type: CellType, v: CellValue): CellValue {
  if (v === null || v === '') return null;
  if (type === 'instant' && typeof v === 'string') return instantText(v);
  return v;
}
