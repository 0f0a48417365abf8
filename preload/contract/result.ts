import type { Problem } from './problems';

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
  /** vault.db is missing or empty beside an existing vault.key: never opened as a new vault. */
  | 'VAULT_DB_MISSING'
  /** vault.db is truncated or corrupt. */
  | 'VAULT_DB_DAMAGED'
  /** vault.db belongs to another vault than vault.key. */
  | 'VAULT_DB_FOREIGN'
  /** vault.key is not the JSON this app writes. */
  | 'VAULT_KEY_MALFORMED'
  /** vault.key's parameters are unreadable or outside the range this app writes (refused before deriving). */
  | 'VAULT_KEY_PARAMS'
  /** The disk is full (SQLITE_FULL, ENOSPC): nothing was half-written. */
  | 'DISK_FULL'
  /** Over a size limit (the message names it). */
  | 'TOO_LARGE'
  /** Unlock refused for now after repeated failures; wait and try again. */
  | 'TOO_MANY_ATTEMPTS'
  /** Unlocked with the recovery code: a new passphrase must be chosen first. */
  | 'RECOVERY_PENDING'
  /** Not a backup of this app, damaged, or it failed verification (the message says why). */
  | 'BACKUP_INVALID'
  /** The backup was written by a newer version of the app. */
  | 'BACKUP_NEWER'
  | 'INTERNAL';

export interface AppErrorDto {
  code: ErrorCode;
  message: string;
  /** For VALIDATION: dotted field path → what is wrong with it, in English (logs, tests). */
  fields?: Record<string, string>;
  /** The same, as data the renderer says in the DPO's language (preload/contract/problems.ts). */
  problems?: Record<string, Problem>;
  /** The message as data, when it is a problem of the catalogue (a conflict, a refusal). */
  problem?: Problem;
}

/**
 * `wrote`: the call appended to the audit log, i.e. changed the vault. Every write is audited, so
 * this is how the renderer knows to refresh what it shows (alerts, counts, list columns).
 */
export type Result<T> = { ok: true; value: T; wrote?: true } | { ok: false; error: AppErrorDto };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppErrorDto): Result<never> => ({ ok: false, error });
