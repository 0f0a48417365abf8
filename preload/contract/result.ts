// Results cross every process boundary as values: Electron's invoke drops custom error
// fields, and the HTTP host must answer with the same shape.
export type ErrorCode =
  | 'VALIDATION'
  | 'LOCKED'
  | 'WRONG_PASSPHRASE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  /** Refused on principle: a path outside the granted folders, a call from a foreign frame. */
  | 'FORBIDDEN'
  | 'INTERNAL';

export interface AppErrorDto {
  code: ErrorCode;
  message: string;
  /** For VALIDATION: dotted field path → what is wrong with it. */
  fields?: Record<string, string>;
}

/**
 * `wrote`: the call appended to the audit log, i.e. changed the vault. Every write is audited, so
 * this is how the renderer knows to refresh what it shows (alerts, counts, list columns).
 */
export type Result<T> = { ok: true; value: T; wrote?: true } | { ok: false; error: AppErrorDto };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorDto): Result<never> => ({ ok: false, error });
