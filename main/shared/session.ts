import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { FileAccess } from '../files/access';
import type { JobRegistry } from '../jobs/registry';

export interface AuditInput {
  /** Channel-like verb, e.g. "incidents.create". */
  action: string;
  /** Entity kind, e.g. "incident". */
  entity: string;
  entityId?: string | null;
  /** One line a DPO can read in the audit list. */
  summary: string;
  /** Structured facts of the change (before/after, reasons). Part of the HMAC. */
  details?: unknown;
}

export interface AuditWriter {
  /** Appends one chained entry. Call it inside the transaction that makes the change. */
  append(entry: AuditInput): void;
}

/**
 * What an unlocked vault gives a service: the open database, the audit chain, the clock and
 * the actor. Services validate, then write the change and its audit entry in one `tx`.
 */
export interface Session {
  readonly db: Database;
  readonly audit: AuditWriter;
  /** The clock, injectable so rules and tests never read the wall time themselves. */
  now(): Date;
  /** Who acts: the DPO named in the profile. */
  actor(): string;
  /** Runs fn in one IMMEDIATE transaction (nested calls become savepoints). */
  tx<T>(fn: () => T): T;
  /** The only way to a file: `files.resolve(grantId, …)` gives the checked path of a grant. */
  readonly files: Pick<FileAccess, 'resolve'>;
  /** Long work of the session; lock cancels it and removes its partial output. */
  readonly jobs: JobRegistry;
}
