import type { Language } from '../../preload/contract/common';
import type { Session } from '../shared/session';

export interface Localized {
  en: string;
  zh: string;
}

/**
 * How a column's cells are written: text as text (neutralised in CSV), numbers as numbers,
 * instants in the export's zone (an Excel date cell in XLSX), dates as YYYY-MM-DD (a date cell).
 */
export type CellType = 'text' | 'number' | 'instant' | 'date' | 'boolean';
export type CellValue = string | number | boolean | null;

export interface Column<T> {
  header: Localized;
  type: CellType;
  /** Width in characters (XLSX). */
  width: number;
  /** The cell: an ISO instant for 'instant', YYYY-MM-DD for 'date'. */
  value(item: T, language: Language): CellValue;
}

/**
 * One register as a table: the module's own list query (same filters, same sort) read in keyset
 * pages, and a column model. Each module builds its own (main/<module>/register.ts); the
 * writers in this folder know nothing of any module.
 */
export interface RegisterSource<F, T> {
  sheetName: Localized;
  columns: Column<T>[];
  /** Rows in the list's order, page by page (synchronous reads; the writer awaits between pages). */
  pages(session: Session, filter: F): Iterable<T[]>;
  /** The number of rows, when cheap to know (progress); null otherwise. */
  count(session: Session, filter: F): number | null;
}

export const pick = (l: Localized, language: Language): string => (language === 'zh-CN' ? l.zh : l.en);

/** Rows per page read from a module's list. */
export const EXPORT_PAGE = 500;

/** An XLSX sheet holds 1,048,576 rows with the header; longer exports continue on a new sheet. */
export const XLSX_MAX_DATA_ROWS = 1_048_575;
