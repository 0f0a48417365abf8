import { z } from 'zod';
import { Cursor, Empty, PageLimit, pageOf } from './common';

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditList = z
  .object({ cursor: Cursor, limit: PageLimit, entity: z.string().max(64).optional(), entityId: z.string().max(64).optional() })
  .strict();

export const AuditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.string().nullable(),
  firstBroken: z
    .object({ seq: z.number().int(), reason: z.enum(['hash', 'missing', 'order']) })
    .nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const auditChannels = {
  'audit.list': { input: AuditList, output: pageOf(AuditEntry) },
  'audit.verify': { input: Empty, output: AuditVerification },
} as const;
