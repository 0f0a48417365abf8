import { z } from 'zod';
import { Id, ModuleName } from './common';
import { JobInfo } from './jobs';

/** What a file is to its record; which roles a record offers is fixed per module below. */
export const AttachmentRole = z.enum([
  'evidence',
  'report',
  'correspondence',
  'signedContract',
  'pipiaReport',
  'filingReceipt',
  'consentProof',
  'idEvidence',
  'letter',
  'deliveryProof',
  'other',
]);
export type AttachmentRole = z.infer<typeof AttachmentRole>;

/**
 * The roles each kind of record offers. Transfers: the signed Standard Contract, the PIPIA
 * report (PIPL Art. 55–56), the CAC filing receipt, the separate-consent proof (PIPL Art. 39).
 * Requests: the ID check evidence and the requester's letter.
 */
export const ROLES_BY_MODULE: Record<ModuleName, readonly AttachmentRole[]> = {
  incidents: ['evidence', 'report', 'correspondence', 'other'],
  notices: ['deliveryProof', 'correspondence', 'other'],
  transfers: ['signedContract', 'pipiaReport', 'filingReceipt', 'consentProof', 'other'],
  inbox: ['idEvidence', 'letter', 'correspondence', 'other'],
  // The PI protection officer's report to the cyberspace administration and its receipt.
  governance: ['report', 'filingReceipt', 'other'],
};

/** A file name as it came (no folders, no control characters). */
export const AttachmentName = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(255, 'At most 255 characters')
  .refine((n) => !/[\\/\u0000-\u001f\u007f]/.test(n), 'A file name, without folders or control characters');

/** The record a file belongs to; subjectId names a part of it (an incident's timeline entry). */
export const AttachmentOwner = z
  .object({ module: ModuleName, recordId: Id, subjectId: z.string().min(1).max(64).nullable().default(null) })
  .strict();

export const PreviewKind = z.enum(['pdf', 'image', 'text', 'eml', 'none']);
export type PreviewKind = z.infer<typeof PreviewKind>;

export const Attachment = z.object({
  id: z.string(),
  module: ModuleName,
  recordId: z.string(),
  subjectId: z.string().nullable(),
  role: AttachmentRole,
  name: z.string(),
  size: z.number().int(),
  /** Sniffed from the bytes (not the name), e.g. application/pdf. */
  type: z.string(),
  sha256: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
  chunks: z.number().int(),
  previewKind: PreviewKind,
  state: z.enum(['stored', 'removed']),
  removed: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type Attachment = z.infer<typeof Attachment>;

/** Base64 of one chunk (at most 4 MiB of bytes). */
const ChunkData = z
  .string()
  .max(Math.ceil((4 * 1024 * 1024) / 3) * 4, 'A chunk is at most 4 MiB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Not base64');

export const AttachmentPreview = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string(), truncated: z.boolean() }),
  z.object({
    kind: z.literal('eml'),
    subject: z.string(),
    from: z.string(),
    to: z.string(),
    date: z.string().nullable(),
    /** The text part; an HTML-only body comes as text (tags, scripts and styles dropped), never as HTML. */
    text: z.string(),
    attachments: z.array(z.string()),
  }),
  /** Bytes to fetch with attachments.readChunk and show as an image or a PDF rendered without its scripts. */
  z.object({ kind: z.enum(['image', 'pdf']), type: z.string(), size: z.number().int(), chunks: z.number().int() }),
  z.object({ kind: z.literal('none'), reason: z.enum(['type', 'size', 'removed']) }),
]);
export type AttachmentPreview = z.infer<typeof AttachmentPreview>;

const Reason = z.string().trim().min(1, 'Required').max(2000);

export const attachmentsChannels = {
  'attachments.list': {
    input: z.object({ module: ModuleName, recordId: Id }).strict(),
    output: z.object({ items: z.array(Attachment), maxBytes: z.number().int(), roles: z.array(AttachmentRole) }),
  },
  /** A drop in the window: the renderer sends the bytes in chunks (never the whole file at once). */
  'attachments.beginUpload': {
    input: z.object({ owner: AttachmentOwner, role: AttachmentRole, name: AttachmentName, size: z.number().int().min(0) }).strict(),
    output: z.object({ uploadId: z.string(), chunkSize: z.number().int(), maxBytes: z.number().int() }),
  },
  'attachments.uploadChunk': {
    input: z.object({ uploadId: Id, index: z.number().int().min(0), data: ChunkData }).strict(),
    output: z.object({ received: z.number().int() }),
  },
  'attachments.finishUpload': { input: z.object({ uploadId: Id }).strict(), output: Attachment },
  'attachments.cancelUpload': { input: z.object({ uploadId: Id }).strict(), output: z.object({ cancelled: z.boolean() }) },
  /** A file chosen through a grant (purpose 'attachment'): main streams it in; the job's result is the Attachment. */
  'attachments.addFromFile': {
    input: z.object({ owner: AttachmentOwner, role: AttachmentRole, grantId: Id }).strict(),
    output: JobInfo,
  },
  'attachments.readChunk': {
    input: z.object({ id: Id, index: z.number().int().min(0) }).strict(),
    output: z.object({ index: z.number().int(), chunks: z.number().int(), data: z.string() }),
  },
  'attachments.preview': { input: z.object({ id: Id }).strict(), output: AttachmentPreview },
  /** Writes the file to a grant (purpose 'attachment', mode 'save'); the job's result is { path, size }. */
  'attachments.saveAs': { input: z.object({ id: Id, grantId: Id }).strict(), output: JobInfo },
  /** Removes the bytes; the record keeps the name, SHA-256, who, when and why. */
  'attachments.remove': { input: z.object({ id: Id, reason: Reason }).strict(), output: Attachment },
} as const;
