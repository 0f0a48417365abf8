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
