import { sayProblem, type Problem } from '../../preload/contract/problems';
import type { ErrorCode } from '../../preload/contract/result';
import { fieldMap } from './input-guard';

export type { Problem } from '../../preload/contract/problems';
export { problem, sayProblem } from '../../preload/contract/problems';

/** Field path → problem, as services and rules collect them. */
export type FieldProblems = Record<string, Problem>;

/** A failure a service means to report; main/api.ts turns it into the result envelope. */
export class AppError extends Error {
  /** Field path → English message, in a map without a prototype (a field may be named "constructor"). */
  readonly fields?: Record<string, string>;
  /** The same fields as data, said in the DPO's language by the renderer. */
  readonly problems?: Record<string, Problem>;
  /** The message as data, when it is one of the catalogue's problems. */
  readonly problem?: Problem;

  // A validation or conflict problem is always one of the catalogue's, so it reaches the DPO in
  // their language: a conflict is a problem, a validation names its fields' problems (its
  // message is their English summary). The vault's and backups' own failures may still carry a sentence.
  constructor(code: 'VALIDATION', message: string | Problem, fields: FieldProblems);
  constructor(code: 'CONFLICT', message: Problem, fields?: FieldProblems);
  constructor(code: Exclude<ErrorCode, 'VALIDATION' | 'CONFLICT'>, message: string | Problem, fields?: FieldProblems);
  constructor(
    readonly code: ErrorCode,
    message: string | Problem,
    fields?: FieldProblems,
  ) {
    super(typeof message === 'string' ? message : sayProblem(message));
    this.name = 'AppError';
    if (typeof message !== 'string') this.problem = message;
    if (fields) {
      this.fields = fieldMap(Object.entries(fields).map(([k, p]) => [k, sayProblem(p)] as const));
      this.problems = Object.assign(Object.create(null) as Record<string, Problem>, fields);
    }
  }
}

/**
 * A rule the schema cannot say was broken. The message carries the fields' own messages (a job's
 * error has no fields to show them under: "source: line 3: …", not "Invalid: source").
 */
export const invalid = (fields: FieldProblems): AppError =>
  new AppError(
    'VALIDATION',
    Object.entries(fields)
      .map(([field, p]) => `${field}: ${sayProblem(p)}`)
      .join('; '),
    fields,
  );

export const notFound = (what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${what} ${id} was not found`);

export const conflict = (p: Problem): AppError => new AppError('CONFLICT', p);

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
