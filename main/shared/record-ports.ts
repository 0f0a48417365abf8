import type { Session } from './session';

/**
 * What a module tells the rest of main about its records, without anyone reading its tables:
 * keeping its own copies of derived facts in step when another module changes them. The module
 * implements a port; main/ports.ts (the composition root, run by main/api.ts) installs them.
 * Every callback runs inside the caller's transaction.
 */
export interface RecordPort {
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
