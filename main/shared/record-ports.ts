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
