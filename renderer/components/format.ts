import type { Language } from '../../preload/contract/common';

/** Display only: shows an instant in the DPO's own zone. Rules never run here. */
export function formatInstant(iso: string | null | undefined, language: Language, zone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: zone,
    timeZoneName: zone ? 'short' : undefined,
  }).format(date);
}

export function formatDate(isoDate: string | null | undefined, language: Language): string {
  if (!isoDate) return '—';
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', day: 'numeric', weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatNumber(n: number | null | undefined, language: Language): string {
  return n === null || n === undefined ? '—' : new Intl.NumberFormat(language).format(n);
}

/** A local datetime-local input value → ISO instant (the browser knows the DPO's zone). */
export function localInputToIso(value: string): string {
  return value ? new Date(value).toISOString() : '';
}

/** ISO instant → value for <input type="datetime-local"> in the DPO's zone. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
