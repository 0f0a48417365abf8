import { z } from 'zod';
import { Cursor, Id, IsoInstant, Language, LocalizedText, PageLimit, pageOf, ShowVoided, VoidMark } from './common';
import { GrantRef } from './files';
import { JobInfo } from './jobs';

// ---------------------------------------------------------------------------------------------
// Kinds, links, content
// ---------------------------------------------------------------------------------------------

/** The notices a DPO sends (RULES.md §3). Other modules create notices by these names. */
export const NoticeKind = z.enum([
  'incident.individuals',
  'incident.cac',
  'gdpr.art33',
  'gdpr.art34',
  'ca.breach',
  'transfer.separateConsent',
  'entrusted.processing',
  'policy.change',
  'reply',
]);
export type NoticeKind = z.infer<typeof NoticeKind>;

export const NoticeState = z.enum(['draft', 'inReview', 'approved', 'dispatched']);
export type NoticeState = z.infer<typeof NoticeState>;

export const LinkModule = z.enum(['incidents', 'transfers', 'inbox']);
export type LinkModule = z.infer<typeof LinkModule>;
export const NoticeLink = z.object({ module: LinkModule, recordId: Id }).strict();
export type NoticeLink = z.infer<typeof NoticeLink>;

/** Circumstances that make an element required (e.g. sensitive PI under PIPL Art. 30). */
export const NoticeCondition = z.enum(['sensitivePi', 'lateNotice', 'refusal', 'ssnOrId', 'firstReport']);
export type NoticeCondition = z.infer<typeof NoticeCondition>;

export const DispatchChannel = z.enum(['email', 'letter', 'sms', 'push', 'announcement', 'portal', 'phone']);
export type DispatchChannel = z.infer<typeof DispatchChannel>;

const Para = z.string().max(20_000);
/** User text in both languages of the studio, keyed by language. */
export const BilingualText = z.object({ 'zh-CN': Para, en: Para });
export type BilingualText = z.infer<typeof BilingualText>;
const BilingualPatch = z.object({ 'zh-CN': Para.optional(), en: Para.optional() }).strict();

const ElementKey = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,40}$/, 'Not a section of this notice');

export const NoticeContent = z.object({
  /** Languages the notice is sent in; each required element must be filled in each. */
  languages: z.array(Language).min(1).max(2),
  subject: BilingualText,
  sections: z.array(z.object({ key: z.string(), text: BilingualText })),
  waivers: z.record(z.string(), z.string()),
  conditions: z.record(z.string(), z.boolean()),
  /** Short forms for SMS and push; the e-mail and letter use subject + sections. */
  sms: BilingualText,
  pushTitle: BilingualText,
  pushBody: BilingualText,
});
export type NoticeContent = z.infer<typeof NoticeContent>;

// ---------------------------------------------------------------------------------------------
// Checklist (computed in main, every result with its rule and basis)
// ---------------------------------------------------------------------------------------------

export const ElementStatus = z.enum(['covered', 'missing', 'waived', 'notRequired']);
export const ChecklistElement = z.object({
  key: z.string(),
  rule: LocalizedText,
  basis: LocalizedText,
  status: ElementStatus,
  missingLanguages: z.array(Language),
  waiverReason: z.string().nullable(),
  condition: z.object({ key: NoticeCondition, label: LocalizedText, on: z.boolean() }).nullable(),
});
export type ChecklistElement = z.infer<typeof ChecklistElement>;

export const ChannelName = z.enum(['email', 'sms', 'push', 'letter']);
export type ChannelName = z.infer<typeof ChannelName>;
export const ChannelCheck = z.object({
  channel: ChannelName,
  language: Language,
  rule: LocalizedText,
  basis: LocalizedText,
  severity: z.enum(['ok', 'warning', 'error']),
  message: LocalizedText,
  metrics: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ChannelCheck = z.infer<typeof ChannelCheck>;

export const MergeFieldProblem = z.object({ name: z.string(), where: z.string(), message: LocalizedText });
/**
 * A free-text fact this language version prints as typed in the other language (its translation
 * is missing on the record): a warning, never silent, for the merge fields the notice uses.
 */
export const TextFallback = z.object({ language: Language, name: z.string(), label: LocalizedText, message: LocalizedText });
export type TextFallback = z.infer<typeof TextFallback>;
export const Checklist = z.object({
  elements: z.array(ChecklistElement),
  mergeFieldProblems: z.array(MergeFieldProblem),
  textFallbacks: z.array(TextFallback),
  channels: z.array(ChannelCheck),
  canApprove: z.boolean(),
});
export type Checklist = z.infer<typeof Checklist>;

// ---------------------------------------------------------------------------------------------
// DTOs
// ---------------------------------------------------------------------------------------------

export const SectionMeta = z.object({
  key: z.string(),
  label: LocalizedText,
  basis: LocalizedText.nullable(),
  required: z.boolean(),
  /** The heading printed above the section (CA: the statutory headings). */
  heading: LocalizedText.nullable(),
});
export const Approval = z.object({ by: z.string(), at: z.string() });
export const Dispatch = z.object({
  channel: DispatchChannel,
  dispatchedAt: z.string(),
  recipientsCount: z.number().int(),
  outputId: z.string().nullable(),
  fileName: z.string().nullable(),
  sha256: z.string().nullable(),
  recordedBy: z.string(),
});
export const LinkedRecord = z.object({ module: LinkModule, recordId: z.string(), ref: z.string(), title: z.string(), found: z.boolean() });
export const MergeField = z.object({ name: z.string(), value: z.string() });

export const NoticeDto = z.object({
  id: z.string(),
  ref: z.string(),
  kind: NoticeKind,
  kindLabel: LocalizedText,
  kindBasis: LocalizedText,
  language: Language,
  state: NoticeState,
  version: z.number().int(),
  /** True when this is an older version read from the history (read-only). */
  historical: z.boolean(),
  links: z.array(LinkedRecord),
  content: NoticeContent,
  sectionMeta: z.array(SectionMeta),
  /** lockedBy: the linked record that sets the condition (a refusal recorded on the request); the DPO cannot turn it off. */
  conditionMeta: z.array(z.object({ key: NoticeCondition, label: LocalizedText, basis: LocalizedText, lockedBy: z.string().nullable().default(null) })),
  approval: Approval.nullable(),
  dispatch: Dispatch.nullable(),
  checklist: Checklist,
  mergeFields: z.array(MergeField),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Voided as created by mistake (drafts only): kept and audited, out of the list. */
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type NoticeDto = z.infer<typeof NoticeDto>;

export const NoticeSummary = z.object({
  id: z.string(),
  ref: z.string(),
  kind: NoticeKind,
  kindLabel: LocalizedText,
  language: Language,
  state: NoticeState,
  version: z.number().int(),
  subject: z.string(),
  links: z.array(NoticeLink),
  updatedAt: z.string(),
  /** Set only on a voided draft listed with "Show voided". */
  voided: VoidMark.nullable(),
});
export type NoticeSummary = z.infer<typeof NoticeSummary>;

export const VersionSummary = z.object({
  version: z.number().int(),
  state: NoticeState,
  createdAt: z.string(),
  approval: Approval.nullable(),
  dispatch: Dispatch.nullable(),
});
export const DiffPart = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() });
export const SectionDiff = z.object({ key: z.string(), label: LocalizedText, language: Language, changed: z.boolean(), parts: z.array(DiffPart) });

export const KindInfo = z.object({
  kind: NoticeKind,
  label: LocalizedText,
  basis: LocalizedText,
  sections: z.array(SectionMeta),
  conditions: z.array(z.object({ key: NoticeCondition, label: LocalizedText, basis: LocalizedText })),
});

export const Template = z.object({
  kind: NoticeKind,
  version: z.number().int(),
  builtIn: z.boolean(),
  subject: BilingualText,
  sections: z.array(z.object({ key: z.string(), text: BilingualText })),
  sms: BilingualText,
  pushTitle: BilingualText,
  pushBody: BilingualText,
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type Template = z.infer<typeof Template>;

/** A file made in main and handed to the renderer, which saves it through a download link. */
export const FileOutput = z.object({
  outputId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
});

export const ChannelPreview = z.object({
  channel: ChannelName,
  language: Language,
  subject: z.string(),
  /** Rendered blocks in order (heading may be null); the renderer shows them as text. */
  blocks: z.array(z.object({ heading: z.string().nullable(), text: z.string() })),
  text: z.string(),
  letterhead: z.object({ legalName: z.string(), address: z.string(), phone: z.string(), email: z.string(), dpoName: z.string() }),
  date: z.string(),
  checks: z.array(ChannelCheck),
});

// ---------------------------------------------------------------------------------------------
// Mail-merge jobs
// ---------------------------------------------------------------------------------------------

export const MergeFormat = z.enum(['mbox', 'emlFolder', 'smsText', 'pushText']);
export type MergeFormat = z.infer<typeof MergeFormat>;

export const RecipientProblem = z.object({ line: z.number().int(), column: z.string().nullable(), problem: z.string(), message: LocalizedText });
/**
 * A mail-merge run's own facts: the `result` of its session job (kind "notices.mailMerge"),
 * live while it runs. State, progress, error and "cancelled by lock" are the job's (jobs.status).
 */
export const MergeResult = z.object({
  noticeId: z.string(),
  noticeRef: z.string(),
  language: Language,
  dryRun: z.boolean(),
  format: MergeFormat,
  rowsRead: z.number().int(),
  written: z.number().int(),
  badRows: z.number().int(),
  /** The first bad rows (line numbers from the CSV, header = line 1). */
  problems: z.array(RecipientProblem),
  /** Where the output goes, for display (the grant's path); null for a check. */
  outputPath: z.string().nullable(),
  outputId: z.string().nullable(),
  sha256: z.string().nullable(),
  bytes: z.number().int(),
  messagesPerSecond: z.number(),
});
export type MergeResult = z.infer<typeof MergeResult>;
export const MERGE_JOB_KIND = 'notices.mailMerge';

// ---------------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------------

const ById = z.object({ id: Id }).strict();
const SectionPatch = z.object({ key: ElementKey, text: BilingualPatch }).strict();

export const NoticeCreate = z
  .object({
    kind: NoticeKind,
    /** The notice's first language; absent: the organisation's language (Settings). */
    language: Language.optional(),
    links: z.array(NoticeLink).max(20).default([]),
    languages: z.array(Language).min(1).max(2).optional(),
  })
  .strict();
export const NoticeUpdate = z
  .object({
    id: Id,
    languages: z.array(Language).min(1).max(2).optional(),
    subject: BilingualPatch.optional(),
    sections: z.array(SectionPatch).max(40).optional(),
    /** element key → reason (at least a few words), or null to take the waiver back. */
    waivers: z.record(ElementKey, z.string().trim().max(2000).nullable()).optional(),
    conditions: z.partialRecord(NoticeCondition, z.boolean()).optional(),
    sms: BilingualPatch.optional(),
    pushTitle: BilingualPatch.optional(),
    pushBody: BilingualPatch.optional(),
  })
  .strict();
export type NoticeUpdate = z.infer<typeof NoticeUpdate>;

export const NoticeListInput = z
  .object({
    link: NoticeLink.optional(),
    state: NoticeState.optional(),
    kind: NoticeKind.optional(),
    showVoided: ShowVoided,
    cursor: Cursor,
    limit: PageLimit,
  })
  .strict();

export const MarkDispatched = z
  .object({
    id: Id,
    channel: DispatchChannel,
    dispatchedAt: IsoInstant,
    recipientsCount: z.number().int().min(0).max(2_000_000_000),
    outputId: Id.nullable().default(null),
  })
  .strict();

/** Recipients: a CSV file the DPO chose (a `recipients` grant), or CSV text pasted in. */
export const RecipientSource = z.union([GrantRef, z.object({ csv: z.string().max(5_000_000) }).strict()]);
export type RecipientSource = z.infer<typeof RecipientSource>;

export const MailMergeStart = z
  .object({
    id: Id,
    language: Language,
    format: MergeFormat,
    source: RecipientSource,
    /**
     * Where to write: a `mergeOutput` grant (a new .mbox/.csv file, or a new folder for
     * emlFolder). Required unless dryRun: the output is plaintext personal data, so it goes only
     * where the DPO chose (never silently beside the vault). Never overwrites.
     */
    output: GrantRef.optional(),
    /** Check the recipients only (bad rows, counts) without writing anything. */
    dryRun: z.boolean().default(false),
  })
  .strict();

export const noticesChannels = {
  'notices.kinds': { input: z.object({}).strict().default({}), output: z.array(KindInfo) },
  'notices.create': { input: NoticeCreate, output: NoticeDto },
  'notices.get': { input: z.object({ id: Id, version: z.number().int().min(1).optional() }).strict(), output: NoticeDto },
  'notices.list': { input: NoticeListInput, output: pageOf(NoticeSummary) },
  'notices.update': { input: NoticeUpdate, output: NoticeDto },
  'notices.check': { input: ById, output: Checklist },
  /** The checklist of an unsaved edit (the studio asks while the DPO types); nothing is written. */
  'notices.checkDraft': { input: NoticeUpdate, output: Checklist },
  'notices.submitForReview': { input: ById, output: NoticeDto },
  'notices.returnToDraft': { input: ById, output: NoticeDto },
  'notices.approve': { input: ById, output: NoticeDto },
  'notices.markDispatched': { input: MarkDispatched, output: NoticeDto },
  'notices.versions': { input: ById, output: z.array(VersionSummary) },
  'notices.diff': {
    input: z.object({ id: Id, from: z.number().int().min(1), to: z.number().int().min(1) }).strict(),
    output: z.array(SectionDiff),
  },
  'notices.preview': {
    input: z.object({ id: Id, channel: ChannelName, language: Language, recipient: z.record(z.string(), z.string()).optional() }).strict(),
    output: ChannelPreview,
  },
  'notices.exportEml': {
    input: z
      .object({ id: Id, language: Language, to: z.object({ name: z.string().trim().max(200).default(''), address: z.email().max(254) }).strict().optional() })
      .strict(),
    output: FileOutput,
  },
  'notices.exportText': { input: z.object({ id: Id, language: Language, channel: z.enum(['sms', 'push']) }).strict(), output: FileOutput },
  'notices.outputs': {
    input: ById,
    output: z.array(z.object({ outputId: z.string(), version: z.number().int(), format: z.string(), language: Language, fileName: z.string(), path: z.string().nullable(), sha256: z.string(), bytes: z.number().int(), messages: z.number().int(), createdAt: z.string() })),
  },
  'notices.recordPrint': { input: z.object({ id: Id, language: Language }).strict(), output: z.object({ outputId: z.string(), sha256: z.string() }) },
  'notices.templates': { input: z.object({ kind: NoticeKind }).strict(), output: z.array(Template) },
  'notices.templateUpdate': {
    input: z
      .object({
        kind: NoticeKind,
        subject: BilingualText,
        sections: z.array(z.object({ key: ElementKey, text: BilingualText }).strict()).max(40),
        sms: BilingualText,
        pushTitle: BilingualText,
        pushBody: BilingualText,
      })
      .strict(),
    output: Template,
  },
  'notices.mergePreview': {
    input: z.object({ id: Id, language: Language, source: RecipientSource, line: z.number().int().min(2) }).strict(),
    output: z.object({ line: z.number().int(), recipient: z.record(z.string(), z.string()), preview: ChannelPreview }),
  },
  /** Starts the run as a session job: poll jobs.status (result: MergeResult), cancel with jobs.cancel. */
  'notices.mailMergeStart': { input: MailMergeStart, output: JobInfo },
  /** A file (or folder) name for the output, unique up front: ref, version, language, time and a random tag. */
  'notices.mergeOutputName': {
    input: z.object({ id: Id, language: Language, format: MergeFormat }).strict(),
    output: z.object({ name: z.string() }),
  },
} as const;
