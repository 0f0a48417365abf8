import { hkdfSync } from 'node:crypto';

// The keys the audit trail uses, each derived from the database key with its own label, so
// a chain MAC, an anchor signature and anything else can never pass for one another. One home:
// the vault, backups and restores all derive them here.

/** Keys the HMAC chain of audit_log. */
export const chainKeyFrom = (dbKey: Buffer): Buffer => Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'dpo-audit-chain-v1', 32));

/** Signs the anchor kept outside the database (vault.anchor, backups, evidence packs). */
export const anchorKeyFrom = (dbKey: Buffer): Buffer => Buffer.from(hkdfSync('sha256', dbKey, Buffer.alloc(0), 'dpo-audit-anchor-v1', 32));
