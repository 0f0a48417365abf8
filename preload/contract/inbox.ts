import { z } from 'zod';
import { Cursor, Id, IsoDate, IsoInstant, Jurisdiction, LocalizedText, LongText, PageLimit, RequiredText, ShortText, ShowVoided, TranslatableLongText, TranslatableText, VoidMark } from './common';
import { Deadline } from './deadlines';

// The complaint and rights-request inbox (issue 7; RULES.md §5). Every rule and date comes
// computed from main with its basis; the renderer only shows it.

export const RequestType = z.enum([
  'complaint',
  'access',
  'copy',
  'correction',
  'supplement',
  'deletion',
  'accountClosure',
  'consentWithdrawal',
  'portability',
  'rulesExplanation',
  'automatedDecision',
  'deceasedPersonData',
  'other',
]);
export type RequestType = z.infer<typeof RequestType>;

export const IntakeChannel = z.enum(['email', 'letter', 'phone', 'webForm', 'inPerson']);
export type IntakeChannel = z.infer<typeof IntakeChannel>;

export const RequestState = z.enum(['new', 'verifying', 'inProgress', 'answered', 'refused', 'withdrawn', 'closed']);
export type RequestState = z.infer<typeof RequestState>;

export const DecisionOutcome = z.enum(['fulfilled', 'partlyFulfilled', 'refused']);
export type DecisionOutcome = z.infer<typeof DecisionOutcome>;

/** The nine lawful refusal grounds of the privacy policy §V (RULES.md §5), in its order. */
export const RefusalGround = z.enum([
  'legalObligation',
  'nationalSecurity',
  'publicInterest',
  'criminalProceedings',
  'abuseOfRights',
  'vitalInterests',
  'harmToOthers',
  'tradeSecrets',
  'otherLegal',
]);
export type RefusalGround = z.infer<typeof RefusalGround>;

export const IdentityMethod = z.enum(['idDocument', 'accountLogin', 'smsCode', 'emailLink', 'knownContact', 'inPerson', 'other']);
export const IdentityOutcome = z.enum(['verified', 'moreInfoNeeded', 'failed']);
export type IdentityOutcome = z.infer<typeof IdentityOutcome>;

export const HoldKind = z.enum(['networkLogs', 'transactions', 'backup', 'other']);
export type HoldKind = z.infer<typeof HoldKind>;

const Requester = z
  .object({ name: RequiredText, contact: RequiredText, accountId: ShortText.optional() })
  .strict();
const Guardian = z.object({ name: ShortText, contact: ShortText }).strict();
const Representative = z
  .object({ kind: z.enum(['agent', 'nextOfKin']), name: RequiredText, contact: RequiredText, relationship: ShortText.optional() })
  .strict();

export const InboxCreate = z
  .object({
    channel: IntakeChannel,
    /** Defaults to now; a different time needs `receivedAtReason`. */
    receivedAt: IsoInstant.optional(),
    receivedAtReason: ShortText.optional(),
    requester: Requester,
    /** Under 14 (PIPL Art. 28, 31): the guardian's name and contact are then required. */
    isMinor: z.boolean().default(false),
    guardian: Guardian.optional(),
    representative: Representative.optional(),
    jurisdiction: Jurisdiction,
    type: RequestType,
    subject: RequiredText,
    /** What the requester wrote; becomes the first incoming message of the thread. */
    body: LongText.optional(),
    /** An internal target earlier than the legal deadline. */
    internalTarget: IsoDate.optional(),
  })
  .strict();
export type InboxCreate = z.infer<typeof InboxCreate>;

export const InboxUpdate = z
  .object({
    id: Id,
    channel: IntakeChannel.optional(),
    receivedAt: IsoInstant.optional(),
    receivedAtReason: ShortText.optional(),
    requester: Requester.optional(),
    isMinor: z.boolean().optional(),
    guardian: Guardian.nullable().optional(),
    representative: Representative.nullable().optional(),
    jurisdiction: Jurisdiction.optional(),
    type: RequestType.optional(),
    subject: RequiredText.optional(),
    internalTarget: IsoDate.nullable().optional(),
  })
  .strict();
export type InboxUpdate = z.infer<typeof InboxUpdate>;

/**
 * The one size limit of an .eml file, per file (main refuses a larger one with TOO_LARGE and
 * imports the others; the UI states it). Everything else is derived from it: the base64 the
 * renderer may send for one file and, in main/host/http.ts, the HTTP body limit.
 */
export const EML_MAX_BYTES = 25 * 1024 * 1024;
/** A file a little over the limit still reaches main, so it gets the per-file TOO_LARGE. */
export const EML_SIZE_SLACK = 1024 * 1024;
export const base64Length = (bytes: number): number => 4 * Math.ceil(bytes / 3);
export const EML_MAX_BASE64_CHARS = base64Length(EML_MAX_BYTES + EML_SIZE_SLACK);

/**
 * One file: its content as base64, or (for a file the renderer already knows is too large to
 * send) only its size, so main can answer TOO_LARGE for that file without receiving it.
 */
export const EmlFile = z
  .object({
    name: z.string().trim().min(1).max(255),
    base64: z.string().max(EML_MAX_BASE64_CHARS, `Larger than ${EML_MAX_BYTES / 1024 / 1024} MB: send only its size`).optional(),
    size: z.number().int().min(0).optional(),
  })
  .strict()
  .refine((f) => f.base64 !== undefined || f.size !== undefined, { message: 'Send the content (base64) or the size', path: ['base64'] });

/** What was wrong with a message file that was imported all the same. */
export const EmlProblemCode = z.enum(['truncated', 'unknownCharset', 'undecodableText', 'brokenMime', 'brokenEncoding', 'rawHeaderBytes']);
export type EmlProblemCode = z.infer<typeof EmlProblemCode>;
export const EmlProblem = z.object({ code: EmlProblemCode, detail: z.string() });
export type EmlProblem = z.infer<typeof EmlProblem>;

export const ImportResult = z.union([
  z.object({ name: z.string(), ok: z.literal(true), requestId: z.string(), ref: z.string(), problems: z.array(EmlProblem) }),
  z.object({ name: z.string(), ok: z.literal(false), error: z.object({ code: z.enum(['DUPLICATE', 'MALFORMED', 'TOO_LARGE']), message: z.string() }) }),
]);
export type ImportResult = z.infer<typeof ImportResult>;

export const Message = z.object({
  id: z.string(),
  direction: z.enum(['in', 'out']),
  at: z.string(),
  channel: IntakeChannel,
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  /** Plain text (HTML bodies were turned into text on import); render as text. */
  body: z.string(),
  attachments: z.array(z.object({ filename: z.string(), mimeType: z.string(), size: z.number().int() })),
  /** Set when the original message file is kept in the vault. */
  hasRaw: z.boolean(),
  /** For an imported file: what was wrong with it (truncated, a charset, the MIME structure); empty when nothing. */
  problems: z.array(EmlProblem),
});

export const IdentityCheck = z.object({
  id: z.string(),
  method: IdentityMethod,
  verifiedBy: z.string(),
  verifiedAt: z.string(),
  outcome: IdentityOutcome,
  accountChecked: z.boolean(),
  note: z.string(),
});

export const ClockPause = z.object({ startedAt: z.string(), endedAt: z.string().nullable(), reason: z.string(), kind: z.enum(['identity', 'stopClock']) });

export const Hold = z.object({
  id: z.string(),
  kind: HoldKind,
  description: z.string(),
  from: z.string().nullable(),
  until: z.string().nullable(),
  clearedAt: z.string().nullable(),
  basis: LocalizedText,
  /** The final-deletion deadline from the engine. */
  deadline: Deadline.nullable(),
});

/** `action` + `params`: what happened, as data the screen says in the DPO's language; `text`: the English line (older entries have only it). */
export const TimelineEntry = z.object({ at: z.string(), actor: z.string(), kind: z.string(), text: z.string(), action: z.string().nullable(), params: z.record(z.string(), z.unknown()).nullable() });

export const Decision = z.object({
  outcome: DecisionOutcome,
  /** Typed once in either language, with an optional translation (issue 13). */
  actionsTaken: TranslatableText,
  refusalGround: RefusalGround.nullable(),
  /** The ground's wording in the privacy policy §V. */
  refusalGroundText: LocalizedText.nullable(),
  refusalReasons: TranslatableText,
  decidedAt: z.string(),
  decidedBy: z.string(),
  /** A minor's or guardian's request refused: in writing with reasons (Minors Regulations Art. 34(3)). */
  writtenRefusal: z.object({ rule: LocalizedText, basis: LocalizedText }).nullable(),
});

export const ReplyDueState = z.enum(['open', 'dueSoon', 'overdue', 'met', 'waived']);

export const RequestSummary = z.object({
  id: z.string(),
  ref: z.string(),
  subject: z.string(),
  requesterName: z.string(),
  type: RequestType,
  state: RequestState,
  jurisdiction: Jurisdiction,
  channel: IntakeChannel,
  receivedAt: z.string(),
  /** The earliest open legal reply deadline (policy or GDPR). */
  dueAt: z.string().nullable(),
  dueState: ReplyDueState,
  /** Voided as created by mistake: kept and audited, out of counts and clocks. */
  voided: VoidMark.nullable(),
});
export type RequestSummary = z.infer<typeof RequestSummary>;

export const InboxRequest = RequestSummary.extend({
  receivedAtReason: z.string(),
  requester: z.object({ name: z.string(), contact: z.string(), accountId: z.string() }),
  isMinor: z.boolean(),
  guardian: z.object({ name: z.string(), contact: z.string() }).nullable(),
  representative: z.object({ kind: z.enum(['agent', 'nextOfKin']), name: z.string(), contact: z.string(), relationship: z.string() }).nullable(),
  internalTarget: z.string().nullable(),
  messageId: z.string().nullable(),
  decision: Decision.nullable(),
  identityChecks: z.array(IdentityCheck),
  pauses: z.array(ClockPause),
  /** Whether the reply clock pauses while identity proof is awaited (Settings). */
  pauseClockForIdentity: z.boolean(),
  /** Stop the clock: whether the request's regime allows it (UK GDPR as amended), and the stop now running. */
  clockStop: z.object({ allowed: z.boolean(), open: z.object({ startedAt: z.string(), reason: z.string() }).nullable() }),
  /** Whether the reply time can still be extended with notice (GDPR, UK GDPR, CCPA), and under which provision. */
  extension: z.object({ noticeSentAt: z.string(), reasons: z.string() }).nullable(),
  extendable: z.object({ basis: z.string() }).nullable(),
  replySentAt: z.string().nullable(),
  holds: z.array(Hold),
  messages: z.array(Message),
  deadlines: z.array(Deadline),
  timeline: z.array(TimelineEntry),
  /** States the DPO may move to from here (reopen needs a reason). */
  nextStates: z.array(RequestState),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type InboxRequest = z.infer<typeof InboxRequest>;

export const StateCounts = z.record(RequestState, z.number().int());

export const InboxList = z
  .object({
    state: RequestState.optional(),
    type: RequestType.optional(),
    jurisdiction: Jurisdiction.optional(),
    /** Open requests past their reply deadline. */
    overdue: z.boolean().optional(),
    /** Open requests due within this many days from now. */
    dueWithinDays: z.number().int().min(0).max(366).optional(),
    /** Received at or after / before these instants (a month of the overview). */
    receivedFrom: IsoInstant.optional(),
    receivedBefore: IsoInstant.optional(),
    /** Answered (reply sent) at or after / before these instants. */
    answeredFrom: IsoInstant.optional(),
    answeredBefore: IsoInstant.optional(),
    /** Answered by the reply deadline (true) or after it (false). */
    answeredOnTime: z.boolean().optional(),
    showVoided: ShowVoided,
    cursor: Cursor,
    limit: PageLimit,
  })
  .strict();

const IdInput = z.object({ id: Id }).strict();

export const QuarterStats = z.object({
  quarter: z.string(),
  from: z.string(),
  to: z.string(),
  received: z.number().int(),
  replied: z.number().int(),
  repliedOnTime: z.number().int(),
  /** null when nothing received in the quarter has been replied to yet. */
  onTimePercent: z.number().nullable(),
  stillOpen: z.number().int(),
  refusedByGround: z.array(z.object({ ground: RefusalGround, text: LocalizedText, count: z.number().int() })),
  byType: z.array(z.object({ type: RequestType, count: z.number().int() })),
});
export type QuarterStats = z.infer<typeof QuarterStats>;

export const inboxChannels = {
  'inbox.create': { input: InboxCreate, output: InboxRequest },
  'inbox.importEml': {
    input: z.object({ files: z.array(EmlFile).min(1).max(500) }).strict(),
    output: z.object({ results: z.array(ImportResult) }),
  },
  'inbox.update': { input: InboxUpdate, output: InboxRequest },
  'inbox.get': { input: IdInput, output: InboxRequest },
  'inbox.list': {
    input: InboxList,
    output: z.object({
      items: z.array(RequestSummary),
      nextCursor: z.string().nullable(),
      total: z.number().int(),
      /** True when a filtered total passed 1,000 and was not counted further ("1,000+"). */
      totalIsAtLeast: z.boolean(),
      counts: StateCounts,
    }),
  },
  'inbox.verifyIdentity': {
    input: z
      .object({
        id: Id,
        method: IdentityMethod,
        verifiedBy: ShortText.optional(),
        verifiedAt: IsoInstant.optional(),
        outcome: IdentityOutcome,
        /** Account closure: whether the account itself was checked (privacy policy §V). */
        accountChecked: z.boolean().default(false),
        note: ShortText.optional(),
      })
      .strict(),
    output: InboxRequest,
  },
  'inbox.decide': {
    input: z
      .object({
        id: Id,
        outcome: DecisionOutcome,
        actionsTaken: TranslatableLongText.optional(),
        refusalGround: RefusalGround.optional(),
        refusalReasons: TranslatableLongText.optional(),
      })
      .strict(),
    output: InboxRequest,
  },
  'inbox.addMessage': {
    input: z
      .object({
        id: Id,
        direction: z.enum(['in', 'out']),
        at: IsoInstant.optional(),
        channel: IntakeChannel.optional(),
        subject: ShortText.optional(),
        body: LongText.pipe(z.string().trim().min(1, 'Required')),
      })
      .strict(),
    output: InboxRequest,
  },
  'inbox.recordHold': {
    input: z
      .object({
        id: Id,
        kind: HoldKind,
        description: RequiredText,
        /** Network logs / transactions: the date the legal keeping period runs from. */
        from: IsoDate.optional(),
        /** Backups and other holds: the date the data clears. */
        until: IsoDate.optional(),
      })
      .strict(),
    output: InboxRequest,
  },
  'inbox.clearHold': {
    input: z.object({ id: Id, holdId: Id, clearedAt: IsoInstant.optional(), note: ShortText.optional() }).strict(),
    output: InboxRequest,
  },
  'inbox.transition': {
    input: z.object({ id: Id, to: RequestState, reason: ShortText.optional(), at: IsoInstant.optional() }).strict(),
    output: InboxRequest,
  },
  'inbox.extend': {
    input: z.object({ id: Id, noticeSentAt: IsoInstant.optional(), reasons: RequiredText }).strict(),
    output: InboxRequest,
  },
  /** Stops the clocks the regime lets stop while clarification or ID is awaited; one stop at a time, with its reason. */
  'inbox.stopClock': {
    input: z.object({ id: Id, reason: RequiredText, at: IsoInstant.optional() }).strict(),
    output: InboxRequest,
  },
  'inbox.resumeClock': {
    input: z.object({ id: Id, at: IsoInstant.optional(), note: ShortText.optional() }).strict(),
    output: InboxRequest,
  },
  /** The nine grounds with their policy wording, for the decision's ground picker. */
  'inbox.refusalGrounds': {
    input: z.object({}).strict().default({}),
    output: z.object({ grounds: z.array(z.object({ ground: RefusalGround, n: z.number().int(), text: LocalizedText })), basis: LocalizedText }),
  },
  'inbox.stats': {
    input: z.object({ quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'Like 2026-Q4') }).strict(),
    output: QuarterStats,
  },
} as const;
