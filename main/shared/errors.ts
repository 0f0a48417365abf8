import type { ErrorCode } from '../../preload/contract/result';
import { fieldMap } from './input-guard';

/** A failure a service means to report; main/api.ts turns it into the result envelope. */
export class AppError extends Error {
  /** Field path → message, in a map without a prototype (a field may be named "constructor"). */
  readonly fields?: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    if (fields) this.fields = fieldMap(Object.entries(fields));
  }
}

/**
 * A rule the schema cannot say was broken. The message carries the fields' own messages (a job's
 * error has no fields to show them under: "source: line 3: …", not "Invalid: source").
 */
export const invalid = (fields: Record<string, string>): AppError =>
  new AppError(
    'VALIDATION',
    Object.entries(fields)
      .map(([field, message]) => `${field}: ${message}`)
      .join('; '),
    fields,
  );

export const notFound = (what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${what} ${id} was not found`);

export const conflict = (message: string): AppError => new AppError('CONFLICT', message);

/**
 * A full disk is said as such (SQLite's SQLITE_FULL, the file system's ENOSPC): the write's
 * transaction rolled back, so nothing is half-written, and the app works again once space is
 * freed. Anything else is returned unchanged.
 */
export function diskFullOr(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('DISK_FULL', 'The disk is full: nothing was saved half-way. Free some space on the disk and try again.');
  }
  // A page that fails its check when read (a flipped bit mid-file): said as such, not INTERNAL.
  if (code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))) {
    return new AppError('VAULT_DB_DAMAGED', 'The vault database is damaged: a page failed its integrity check when read. Nothing was changed. Back up what still opens, then restore from a backup.');
  }
  return error;
}
