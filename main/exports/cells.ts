import { DateTime } from 'luxon';
import type { CellType, CellValue } from './model';

/** The zone of every instant in an export, named in its header (the display zone when it is a setting). */
export const EXPORT_ZONE = 'Asia/Shanghai';

/** An instant as local time of the zone, "2026-03-01 18:00", as the lists show it. */
export function instantText(iso: string, zone = EXPORT_ZONE): string {
  const t = DateTime.fromISO(iso, { zone });
  return t.isValid ? t.toFormat('yyyy-MM-dd HH:mm') : iso;
}

/**
 * An instant as an Excel date: Excel dates carry no zone, so the wall-clock time of the zone is
 * written as if it were UTC (what exceljs writes for a Date).
 */
export function instantAsExcelDate(iso: string, zone = EXPORT_ZONE): Date | null {
  const t = DateTime.fromISO(iso, { zone });
  if (!t.isValid) return null;
  return new Date(t.toMillis() + t.offset * 60_000);
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
