export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: string;
  details: string;
  prev_hash: string;
  hash: string;
}

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The append-only guards of audit_log, as migration 1 created them. Checked at every unlock and
 * recreated when missing or altered (someone with the key can drop them; the check makes that
 * visible and undoes it). Compared with whitespace collapsed.
 */
export const AUDIT_TRIGGERS: readonly { name: string; sql: string }[] = [
  {
    name: 'audit_log_no_update',
    sql: "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
  },
  {
    name: 'audit_log_no_delete',
    sql: "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
  },
];

/**
 * The audit anchor: the last verified head of the chain, kept outside the database (beside the
 * key file, in backups, in evidence packs) and signed with a key derived from the database key.
 * A chain shorter than the anchor, or one whose entry at `seq` has another hash, was cut or
 * rewritten; the database alone cannot tell (whoever has the key can re-chain it).
 */
export interface AuditAnchor {
  format: 'dpo-audit-anchor';
  version: 1;
  /** Sequence number of the anchored entry (= entries in the chain up to it). */
  seq: number;
  /** That entry's chain hash. */
  hash: string;
  /** When it was anchored. */
  at: string;
  /** HMAC-SHA256 (anchor key) over the canonical [format, version, seq, hash, at], hex. */
  signature: string;
}

/** How the chain stands against the anchor. */
export type AnchorStatus =
  /** The anchored entry is in the chain with the anchored hash. */
  | 'matches'
  /** The chain ends before the anchored entry: entries after `lastSeq` are missing (truncated or wiped). */
  | 'missingAfter'
  /** The chain has the anchored seq, with another hash: it was rewritten (re-chained with the key). */
  | 'rewritten'
  /** The anchor file was altered, or belongs to another vault. */
  | 'badSignature'
  /** No anchor file (a vault from before anchors, or the file was removed). */
  | 'absent';
