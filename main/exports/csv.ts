import { stringify } from 'csv-stringify/sync';

/** Excel reads a UTF-8 CSV as UTF-8 (Chinese intact) only with a byte-order mark. */
export const CSV_BOM = '\ufeff';

/**
 * CSV injection (OWASP): a cell starting with = + - @ (or a tab or carriage return, which
 * Excel skips before looking) is read as a formula. Such a cell gets a leading apostrophe; so
 * does a cell that already starts with one, which keeps the change reversible
 * (`unneutralise`) for files whose exact text matters, such as the audit export.
 */
const FORMULA_START = /^[=+\-@\t\r']/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unneutralise(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text;
}

export type CsvValue = string | number | boolean | null | undefined;

/** One cell as text: numbers stay numbers (a number cannot be a formula), text is neutralised. */
function cell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return neutralise(v);
}

/** Rows as CSV text (RFC 4180 quoting by csv-stringify, CRLF line ends as Excel writes them). */
export function csvRows(rows: CsvValue[][]): string {
  return stringify(
    rows.map((r) => r.map(cell)),
    { record_delimiter: 'windows' },
  );
}
