import type { ErrorCode } from '../../preload/contract/result';

/** A failure a service means to report; main/api.ts turns it into the result envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (fields: Record<string, string>): AppError =>
  new AppError('VALIDATION', `Invalid: ${Object.keys(fields).join(', ')}`, fields);

export const notFound = (what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${what} ${id} was not found`);

export const conflict = (message: string): AppError => new AppError('CONFLICT', message);
