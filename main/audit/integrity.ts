import { AUDIT_TRIGGERS, GENESIS_HASH, type AnchorStatus } from './model';
import type { AnchorKeeper } from './anchor-keeper';
import type { AuditRepo } from './repo';
import { checkSegment } from './verify';

/** What the unlock found about the audit log's protections, for the DPO to read (audit.integrity). */
export interface OpenReport {
  checkedAt: string;
  /** Append-only triggers that were missing or altered and have been recreated. */
  triggersRestored: string[];
  /** The anchor against the chain as found, before this session wrote anything. */
  anchorAtOpen: AnchorStatus;
  anchoredSeqAtOpen: number | null;
  lastSeqAtOpen: number;
  /** True when no anchor existed and one was made from the fully verified chain. */
  anchorCreated: boolean;
}

const collapse = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

/** Recreates every append-only trigger that is missing or differs from migration 1's. Returns the names restored. */
export function restoreTriggers(repo: AuditRepo): string[] {
  const present = repo.triggers();
  const restored: string[] = [];
  for (const t of AUDIT_TRIGGERS) {
    const sql = present.get(t.name);
    if (sql !== undefined && collapse(sql) === collapse(t.sql)) continue;
    repo.replaceTrigger(t.name, t.sql);
    restored.push(t.name);
  }
  return restored;
}

/**
 * Runs at unlock, inside the unlock's transaction and before anything is appended: restores the
 * triggers, compares the chain with the anchor, and makes an anchor from a fully verified chain
 * when there is none. The caller appends audit entries for what the report says.
 */
export function checkAtOpen(repo: AuditRepo, keeper: AnchorKeeper, chainKey: Buffer, now: Date): OpenReport {
  const triggersRestored = restoreTriggers(repo);
  const state = keeper.refresh();
  let anchorCreated = false;
  if (state.status === 'absent') {
    const check = checkSegment(repo, chainKey, { seq: 0, hash: GENESIS_HASH }, repo.last()?.seq ?? 0);
    if (check.ok) {
      const last = repo.last();
      keeper.anchorVerified(last ?? { seq: 0, hash: GENESIS_HASH });
      anchorCreated = true;
    }
  }
  return {
    checkedAt: now.toISOString(),
    triggersRestored,
    anchorAtOpen: state.status,
    anchoredSeqAtOpen: state.anchor?.seq ?? null,
    lastSeqAtOpen: state.lastSeq,
    anchorCreated,
  };
}
