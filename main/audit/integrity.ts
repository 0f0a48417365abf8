import { AUDIT_TRIGGERS, GENESIS_HASH, type AnchorStatus } from './model';
import type { AnchorKeeper } from './anchor-keeper';
import type { AuditRepo } from './repo';
import { checkSegment } from './verify';

/**
 * Up to this many entries the unlock checks a log that has no anchor itself (a few milliseconds);
 * a longer one is checked by a session job right after the unlock, with progress (issue 16:
 * everything after the key ≤ 100 ms at 1,000,000 records; the whole chain takes seconds).
 */
export const OPEN_CHECK_MAX_ENTRIES = 2_000;

/** The full check of a log found without an anchor, when it runs after the unlock. */
export interface DeferredCheck {
  state: 'running' | 'passed' | 'broken' | 'stopped';
  /** The entries it checks: #1 to this one (the head at unlock). */
  throughSeq: number;
  firstBroken: number | null;
  /** The session job that runs it (jobs.status: progress, Stop). */
  jobId: string | null;
}

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
  /** No anchor and a long log: the full check left to a job (null when the unlock did it). */
  deferredCheck: DeferredCheck | null;
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
 * when there is none (a long chain's check is left to a job: AuditService.startDeferredCheck).
 * The caller appends audit entries for what the report says.
 */
export function checkAtOpen(repo: AuditRepo, keeper: AnchorKeeper, chainKey: Buffer, now: Date): OpenReport {
  const triggersRestored = restoreTriggers(repo);
  const state = keeper.refresh();
  let anchorCreated = false;
  let deferredCheck: DeferredCheck | null = null;
  const lastSeq = repo.last()?.seq ?? 0;
  if (state.status === 'absent' && lastSeq > OPEN_CHECK_MAX_ENTRIES) {
    deferredCheck = { state: 'running', throughSeq: lastSeq, firstBroken: null, jobId: null };
  } else if (state.status === 'absent') {
    const check = checkSegment(repo, chainKey, { seq: 0, hash: GENESIS_HASH }, lastSeq);
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
    deferredCheck,
  };
}
