import { z } from 'zod';
import { Cursor, Empty, Id, IsoInstant, Language, PageLimit, pageOf } from './common';
import { JobInfo } from './jobs';

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The stored English line (kept in the chain); screens render `action` + `params` instead. */
  summary: z.string(),
  /** The reference of the record it concerns (INC-2026-0001), read from its module. */
  ref: z.string().nullable(),
  /** The entry's stored facts (codes, states, counts): what the screen turns into words. */
  params: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditList = z
  .object({ cursor: Cursor, limit: PageLimit, entity: z.string().max(64).optional(), entityId: z.string().max(64).optional() })
  .strict();

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'A 64-character hex hash');

/**
 * How the chain stands against the anchor kept outside the vault (main/audit/anchor.ts):
 * matches; missingAfter (the chain ends at lastSeq, before the anchored seq: truncated or wiped);
 * rewritten (the anchored seq has another hash); badSignature (the anchor file was altered or is
 * another vault's); absent (no anchor file).
 */
export const AnchorStatus = z.enum(['matches', 'missingAfter', 'rewritten', 'badSignature', 'absent']);
export type AnchorStatus = z.infer<typeof AnchorStatus>;

export const AnchorCheck = z.object({
  status: AnchorStatus,
  anchoredSeq: z.number().int().nullable(),
  anchoredHash: z.string().nullable(),
  anchoredAt: z.string().nullable(),
  /** The chain's last seq (0 when empty). */
  lastSeq: z.number().int(),
});
export type AnchorCheck = z.infer<typeof AnchorCheck>;

/**
 * full: every link from the first entry (on worker threads for a long log); sinceAnchor: the
 * anchored head is still in the chain and the entries appended after it link to it (the daily
 * check; the entries up to the anchor were verified when it was set).
 */
export const VerifyScope = z.enum(['full', 'sinceAnchor']);
export type VerifyScope = z.infer<typeof VerifyScope>;

export const AuditVerification = z.object({
  /** The chain verifies, and it still holds the anchored head (and the receipt's, when given). */
  ok: z.boolean(),
  scope: VerifyScope,
  /** Entries the chain holds up to where the check ended (the anchored ones included for sinceAnchor). */
  entries: z.number().int(),
  /** Entries whose links this check read. */
  checked: z.number().int(),
  head: z.string().nullable(),
  firstBroken: z
    .object({ seq: z.number().int(), reason: z.enum(['hash', 'missing', 'order']) })
    .nullable(),
  anchor: AnchorCheck,
  /** A receipt's head checked against the chain: found, differs (another hash at that seq), missing (the chain is shorter). */
  receipt: z.enum(['found', 'differs', 'missing']).nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const AuditVerify = z
  .object({ receipt: z.object({ seq: z.number().int().min(1), hash: Hash }).strict().optional(), scope: VerifyScope.default('full') })
  .strict()
  .default({ scope: 'full' });

/** The kind of the session job that verifies the chain (audit.verifyStart); its result is an AuditVerification. */
export const VERIFY_JOB_KIND = 'audit.verify';

/** What the last unlock found and did about the log's protections. */
export const AuditIntegrity = z.object({
  anchor: AnchorCheck.extend({ held: z.boolean() }),
  atOpen: z
    .object({
      checkedAt: z.string(),
      triggersRestored: z.array(z.string()),
      anchorAtOpen: AnchorStatus,
      anchoredSeqAtOpen: z.number().int().nullable(),
      lastSeqAtOpen: z.number().int(),
      anchorCreated: z.boolean(),
      /** No anchor and a long log: the full check runs as a job after the unlock (null: the unlock did it). */
      deferredCheck: z
        .object({
          state: z.enum(['running', 'passed', 'broken', 'stopped']),
          throughSeq: z.number().int(),
          firstBroken: z.number().int().nullable(),
          jobId: z.string().nullable(),
        })
        .nullable(),
    })
    .nullable(),
});
export type AuditIntegrity = z.infer<typeof AuditIntegrity>;

/** A head, count and time the DPO prints or saves to keep outside the computer. */
export const AuditReceipt = z.object({
  organisation: z.string(),
  dpo: z.string(),
  seq: z.number().int(),
  hash: z.string(),
  count: z.number().int(),
  at: z.string(),
  /** HMAC with the anchor key: this vault can tell its own receipts. */
  signature: z.string(),
});
export type AuditReceipt = z.infer<typeof AuditReceipt>;

export const AuditExportFormat = z.enum(['jsonl', 'csv']);
export type AuditExportFormat = z.infer<typeof AuditExportFormat>;

export const AuditExport = z
  .object({
    format: AuditExportFormat,
    /** Entries at or after this instant; absent = from the first. */
    from: IsoInstant.optional(),
    /** Entries before this instant; absent = to the last. */
    to: IsoInstant.optional(),
    grantId: Id,
    language: Language.default('zh-CN'),
  })
  .strict();

export const ExportCheck = z.object({
  /** Every entry in the file is in the vault, unchanged, linked; and the file's head is in the chain. */
  ok: z.boolean(),
  format: AuditExportFormat,
  entries: z.number().int(),
  matching: z.number().int(),
  firstProblem: z
    .object({
      seq: z.number().int().nullable(),
      /** badMac: the entry was edited in the file; notInVault: the vault has no such entry (cut); differs: the vault's entry has another hash; badLink: entries of the file do not chain; unreadable: not an audit export. */
      reason: z.enum(['badMac', 'notInVault', 'differs', 'badLink', 'unreadable']),
      line: z.number().int(),
    })
    .nullable(),
  /** The chain head the file says the vault had when it was exported. */
  fileHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  /** Whether the vault's chain still holds that head. */
  fileHeadInVault: z.boolean().nullable(),
  exportedAt: z.string().nullable(),
});
export type ExportCheck = z.infer<typeof ExportCheck>;

export const auditChannels = {
  'audit.list': { input: AuditList, output: pageOf(AuditEntry) },
  'audit.verify': { input: AuditVerify, output: AuditVerification },
  /** The same check as a session job, with progress and cancel (jobs.status / jobs.cancel; lock stops it). */
  'audit.verifyStart': { input: AuditVerify, output: JobInfo },
  'audit.integrity': { input: Empty, output: AuditIntegrity },
  'audit.receipt': { input: Empty, output: AuditReceipt },
  /** The DPO accepts the chain as it is (after a restore, say): the old anchor goes to the audit log with the reason. */
  'audit.resetAnchor': { input: z.object({ reason: z.string().trim().min(1, 'Required').max(2000) }).strict(), output: AnchorCheck },
  /** Writes the log (or a time range) as JSON Lines or CSV with every MAC and the chain head: a session job. */
  'audit.export': { input: AuditExport, output: JobInfo },
  /** Checks an exported file (JSON Lines or CSV) against the vault. */
  'audit.verifyExport': { input: z.object({ grantId: Id }).strict(), output: ExportCheck },
} as const;
