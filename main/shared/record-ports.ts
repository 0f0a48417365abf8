import { AppError, problem } from './errors';
import type { Session } from './session';

/**
 * What a module tells the rest of main about its records, without anyone reading its tables:
 * keeping its own copies of derived facts in step when another module changes them. The module
 * implements a port; main/ports.ts (the composition root, run by main/api.ts) installs them.
 * Every callback runs inside the caller's transaction.
 */
export interface RecordSummary {
  module: 'incidents' | 'notices' | 'transfers' | 'inbox';
  recordId: string;
  ref: string;
  title: string;
  state: { en: string; zh: string };
  nextDue: { at: string; immediate: boolean; overdue: boolean } | null;
  /** Set when the record was voided (created by mistake): kept, but out of counts and clocks. */
  voided?: { at: string; by: string; reason: string } | null;
}

export interface VoidMark {
  at: string;
  by: string;
  reason: string;
}

/** The stored void columns → the mark. */
export const voidMarkOf = (row: { voided_at?: string | null; voided_note?: string | null }): VoidMark | null =>
  row.voided_at ? { at: row.voided_at, ...(JSON.parse(row.voided_note ?? '{}') as { by: string; reason: string }) } : null;

/** Writes to a voided record are refused until it is restored. */
export function refuseIfVoided(row: { voided_at?: string | null } | undefined, ref: string): void {
  if (row?.voided_at) throw new AppError('CONFLICT', problem('voidedRecord', { ref }));
}

export interface RecordPort {
  /** The record as another record's link shows it; null when there is none with this id. */
  summary?(session: Session, recordId: string): RecordSummary | null;
  /** The record with this human reference (INC-2026-0001), if any. */
  findByRef?(session: Session, ref: string): string | null;
  /** The record's own text that may cite other records by reference (a request's subject and thread). */
  citingText?(session: Session, recordId: string): string;
  /** A link to another record was made or removed (inside the linking transaction). */
  onLinked?(session: Session, recordId: string, link: { linkId: string; role: string; other: RecordSummary }): void;
  onUnlinked?(session: Session, recordId: string, link: { linkId: string; role: string; other: RecordSummary }): void;
  /**
   * Void (mark) or restore (null) the record, inside the caller's transaction: the module takes
   * it out of its lists, counts and clocks, or puts it back. Throws CONFLICT where it cannot be voided.
   */
  setVoided?(session: Session, recordId: string, mark: VoidMark | null): void;
  /**
   * A deadline of this record changed outside the module (the DPO overrode or waived it on the
   * board): refresh what the module keeps from its deadlines (the list's "next due" sort key).
   */
  onDeadlinesChanged?(session: Session, recordId: string): void;
  /** Settings changed (the dotted names of what changed): recompute what depends on them. */
  onSettingsChanged?(session: Session, changed: string[]): void;
}

const ports = new Map<string, RecordPort>();

export function installRecordPort(module: string, port: RecordPort): void {
  ports.set(module, port);
}

export const recordPort = (module: string): RecordPort | undefined => ports.get(module);

export const allRecordPorts = (): RecordPort[] => [...ports.values()];
