import { z } from 'zod';
import { Cursor, Id, IsoDate, Language, LocalizedText, LongText, PageLimit, pageOf, RequiredText, ShortText, ShowVoided, VoidMark } from './common';
import { Deadline } from './deadlines';

// The cross-border transfer register (issue 6; RULES.md §4): one record per overseas recipient
// and transfer, holding the Standard Contract's Annex 1, the route, the Art. 39 notice and
// consent, the PIPIA and the filing lifecycle.

/** ISO 3166-1 alpha-2, the 249 officially assigned codes (names come from Intl.DisplayNames). */
export const ISO_COUNTRY_CODES: ReadonlySet<string> = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
    'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
    'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
    'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
    'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
    'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
    'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((c) => ISO_COUNTRY_CODES.has(c), 'Unknown country or region (ISO 3166-1 alpha-2 code expected)');

const Phone = z.string().trim().max(40).regex(/^[+0-9()\-\s]*$/, 'Digits, spaces, +, - and brackets only');
const Email = z.union([z.literal(''), z.email('Not a valid e-mail address').max(254)]);
const Count = z.number().int('Whole number').min(0, 'Cannot be negative').max(2_000_000_000);
const Year = z.number().int().min(2000).max(2100);
const Categories = z.array(z.string().trim().min(1).max(200)).max(200);

export const Recipient = z
  .object({
    name: RequiredText,
    address: ShortText.default(''),
    country: CountryCode,
    contactPerson: ShortText.default(''),
    contactTitle: ShortText.default(''),
    email: Email.default(''),
    phone: Phone.default(''),
    /** How and where individuals exercise their rights against the recipient (PIPL Art. 39). */
    rightsChannel: LongText.default(''),
  })
  .strict();

/** Annex 1 of the Standard Contract: the description of the transfer, item by item. */
export const Annex1 = z
  .object({
    purpose: LongText.default(''),
    processingMethod: LongText.default(''),
    individualsScale: Count.nullable().default(null),
    recordsScale: Count.nullable().default(null),
    piCategories: Categories.default([]),
    sensitivePiCategories: Categories.default([]),
    /** Sensitive PI only (PIPL Art. 30): why it is necessary and its effect on the individual. */
    sensitiveNecessity: LongText.default(''),
    onwardRecipients: LongText.default(''),
    transferMethod: LongText.default(''),
    retentionFrom: IsoDate.nullable().default(null),
    retentionTo: IsoDate.nullable().default(null),
    storageLocation: LongText.default(''),
    otherMatters: LongText.default(''),
  })
  .strict();

export const ChosenRoute = z.enum(['undecided', 'standardContract', 'certification', 'securityAssessment', 'exempt']);
export type ChosenRoute = z.infer<typeof ChosenRoute>;
/** The 2024 Provisions' exemptions: Arts. 3, 4, 5(1)–(3), 5(4) (below threshold) and 6 (a free-trade zone's negative list). */
export const ExemptScenario = z.enum(['individualContract', 'hrManagement', 'emergency', 'art3NonPersonal', 'art4Reexport', 'belowThreshold', 'ftzNegativeList']);
export type ExemptScenario = z.infer<typeof ExemptScenario>;
export const Regime = z.enum(['2024', '2023']);
export type Regime = z.infer<typeof Regime>;

export const RouteChoice = z
  .object({
    chosen: ChosenRoute.default('undecided'),
    exemptScenario: ExemptScenario.nullable().default(null),
    importantData: z.boolean().default(false),
    /** Records made under the 2023 Standard Contract Measures keep that basis. */
    regime: Regime.default('2024'),
    /** Null: the organisation's setting applies. */
    ciiOperator: z.boolean().nullable().default(null),
    /** Free-trade-zone exemption (2024 Provisions Art. 6): the pilot zone the processor is registered in, and its negative list. */
    ftzZone: ShortText.default(''),
    ftzList: ShortText.default(''),
  })
  .strict();

export const ConsentMethod = z.enum(['popup', 'email', 'inAppPage', 'checkbox', 'paper', 'other']);
export const Consent = z
  .object({
    noticeId: Id.nullable().default(null),
    method: ConsentMethod.nullable().default(null),
    liveSince: IsoDate.nullable().default(null),
    evidenceRef: ShortText.default(''),
  })
  .strict();

export const PipiaConclusion = z.enum(['acceptable', 'acceptableWithMeasures', 'notAcceptable']);
export const Pipia = z
  .object({
    date: IsoDate.nullable().default(null),
    conclusion: PipiaConclusion.nullable().default(null),
    risks: LongText.default(''),
    reportRef: ShortText.default(''),
  })
  .strict();

export const StandardContract = z
  .object({
    signedDate: IsoDate.nullable().default(null),
    effectiveDate: IsoDate.nullable().default(null),
    filingAuthority: ShortText.default(''),
    expiryDate: IsoDate.nullable().default(null),
    termNote: ShortText.default(''),
  })
  .strict();

/** The certification route (Outbound Certification Measures, in force 2026-01-01): its own record. */
export const Certification = z
  .object({
    body: ShortText.default(''),
    certificateNumber: ShortText.default(''),
    issuedDate: IsoDate.nullable().default(null),
    scope: LongText.default(''),
  })
  .strict();

export const TransferCreate = z
  .object({
    recipient: Recipient,
    annex1: Annex1.default(Annex1.parse({})),
    route: RouteChoice.default(RouteChoice.parse({})),
    consent: Consent.default(Consent.parse({})),
    pipia: Pipia.default(Pipia.parse({})),
    contract: StandardContract.default(StandardContract.parse({})),
    certification: Certification.default(Certification.parse({})),
  })
  .strict();
export type TransferCreate = z.infer<typeof TransferCreate>;

// A patch names only what it changes: zod 4 applies a default even inside .optional(), so the
// defaults are unwrapped first, or a patch would reset every field it does not name.
type Unwrapped<T> = T extends z.ZodDefault<infer I> ? I : T;
const partialOf = <S extends z.ZodRawShape>(o: z.ZodObject<S>) => {
  const shape = Object.fromEntries(
    Object.entries(o.shape).map(([k, v]) => [k, ((v instanceof z.ZodDefault ? v.unwrap() : v) as z.ZodType).optional()]),
  ) as { [K in keyof S]: z.ZodOptional<Unwrapped<S[K]> & z.ZodType> };
  return z.object(shape).strict();
};
export const TransferUpdate = z
  .object({
    id: Id,
    recipient: partialOf(Recipient).optional(),
    annex1: partialOf(Annex1).optional(),
    route: partialOf(RouteChoice).optional(),
    consent: partialOf(Consent).optional(),
    pipia: partialOf(Pipia).optional(),
    contract: partialOf(StandardContract).optional(),
    certification: partialOf(Certification).optional(),
    /** When a change of the Annex 1 facts happened (default: today in Beijing). */
    changeDate: IsoDate.optional(),
    changeNote: ShortText.optional(),
  })
  .strict();
export type TransferUpdate = z.infer<typeof TransferUpdate>;

export const RecommendedRoute = z.enum(['exempt', 'standardContractOrCertification', 'securityAssessment']);
export type RecommendedRoute = z.infer<typeof RecommendedRoute>;

export const Threshold = z.object({
  key: z.string(),
  label: LocalizedText,
  /** The count compared (individuals). */
  count: z.number().int(),
  limit: z.number().int(),
  /** Route required once count ≥ limit. */
  routeAtLimit: RecommendedRoute,
  reached: z.boolean(),
  /** limit − count when not reached. */
  remaining: z.number().int(),
  basis: LocalizedText,
});
export type Threshold = z.infer<typeof Threshold>;

export const Verdict = z.object({
  route: RecommendedRoute,
  exemptScenario: ExemptScenario.nullable(),
  rule: LocalizedText,
  reason: LocalizedText,
  basis: LocalizedText,
  regime: Regime,
  countingWindow: z.object({ from: z.string(), to: z.string() }),
  thresholds: z.array(Threshold),
  nextThreshold: Threshold.nullable(),
  /** Within 10% of the next threshold. */
  warning: LocalizedText.nullable(),
});
export type Verdict = z.infer<typeof Verdict>;

export const Gap = z.object({ key: z.string(), message: LocalizedText, basis: LocalizedText });
export type Gap = z.infer<typeof Gap>;

export const FilingState = z.enum(['notRequired', 'awaitingContract', 'due', 'underReview', 'supplementsRequested', 'filed', 'refused', 'refilingDue']);
export type FilingState = z.infer<typeof FilingState>;
export const FilingEventKind = z.enum(['submitted', 'supplementsRequested', 'supplementsSubmitted', 'accepted', 'refused']);
export type FilingEventKind = z.infer<typeof FilingEventKind>;

export const FilingEvent = z.object({
  id: z.string(),
  kind: FilingEventKind,
  date: z.string(),
  filingNumber: z.string().nullable(),
  reasons: z.string().nullable(),
  recordedAt: z.string(),
});
export type FilingEvent = z.infer<typeof FilingEvent>;

export const TransferChange = z.object({
  id: z.string(),
  date: z.string(),
  recordedAt: z.string(),
  /** What changed, in the Standard Contract Measures' words: purpose, scope, categories, ... */
  kinds: z.array(z.string()),
  summary: z.string(),
  triggersRefiling: z.boolean(),
});
export type TransferChange = z.infer<typeof TransferChange>;

/** noChange: assessed, the transfer goes on as it is; pipiaUpdated: the PIPIA was redone; refiling: the contract must be supplemented and re-filed. */
export const ReviewOutcome = z.enum(['noChange', 'pipiaUpdated', 'refiling']);
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

/** An incident at the recipient, and the re-assessment it opened. */
export const IncidentReview = z.object({
  id: z.string(),
  incidentId: z.string(),
  incidentRef: z.string(),
  openedOn: z.string(),
  outcome: ReviewOutcome.nullable(),
  note: z.string(),
  decidedOn: z.string().nullable(),
});
export type IncidentReview = z.infer<typeof IncidentReview>;

export const YearVolume = z.object({ year: z.number().int(), nonSensitive: z.number().int(), sensitive: z.number().int(), note: z.string() });

export const Transfer = z.object({
  id: z.string(),
  ref: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  recipient: Recipient,
  annex1: Annex1,
  route: RouteChoice,
  consent: Consent.extend({ noticeSentAt: z.string().nullable() }),
  pipia: Pipia,
  contract: StandardContract,
  certification: Certification,
  /** The certificate's expiry (issued + the validity the catalogue holds), when issued. */
  certificateExpiry: z.string().nullable(),
  filingState: FilingState,
  filingNumber: z.string().nullable(),
  volumes: z.array(YearVolume),
  filingEvents: z.array(FilingEvent),
  verdict: Verdict,
  routeCheck: z.object({ status: z.enum(['matches', 'mismatch', 'stricter', 'undecided']), message: LocalizedText }),
  gaps: z.array(Gap),
  deadlines: z.array(Deadline),
  reviews: z.array(IncidentReview),
  /** Voided as created by mistake: kept and audited, out of counts, totals and clocks. */
  voided: z.object({ at: z.string(), by: z.string(), reason: z.string() }).nullable(),
});
export type Transfer = z.infer<typeof Transfer>;

export const TransferListItem = z.object({
  id: z.string(),
  ref: z.string(),
  recipientName: z.string(),
  country: z.string(),
  chosenRoute: ChosenRoute,
  recommendedRoute: RecommendedRoute,
  mismatch: z.boolean(),
  filingState: FilingState,
  nextDueAt: z.string().nullable(),
  overdue: z.boolean(),
  gapCount: z.number().int(),
  updatedAt: z.string(),
  /** Set only on a voided transfer listed with "Show voided". */
  voided: VoidMark.nullable(),
});
export type TransferListItem = z.infer<typeof TransferListItem>;

export const TransferFilters = z
  .object({
    route: ChosenRoute.optional(),
    country: CountryCode.optional(),
    filingState: FilingState.optional(),
    overdue: z.boolean().optional(),
  })
  .strict();

export const CompanyTotals = z.object({
  year: z.number().int(),
  nonSensitive: z.number().int(),
  sensitive: z.number().int(),
  duplicateNonSensitive: z.number().int(),
  duplicateSensitive: z.number().int(),
  processedTotal: z.number().int().nullable(),
  note: z.string(),
  /** The year's 100 largest volumes, and whether each counts toward the thresholds. */
  byTransfer: z.array(z.object({ id: z.string(), ref: z.string(), recipientName: z.string(), nonSensitive: z.number().int(), sensitive: z.number().int(), counted: z.boolean() })),
});
export type CompanyTotals = z.infer<typeof CompanyTotals>;

export const transfersChannels = {
  'transfers.create': { input: TransferCreate, output: Transfer },
  'transfers.update': { input: TransferUpdate, output: Transfer },
  'transfers.get': { input: z.object({ id: Id }).strict(), output: Transfer },
  'transfers.list': {
    input: TransferFilters.extend({ showVoided: ShowVoided, cursor: Cursor, limit: PageLimit }).strict(),
    output: pageOf(TransferListItem),
  },
  'transfers.recordFiling': {
    input: z
      .object({
        id: Id,
        kind: FilingEventKind,
        date: IsoDate,
        filingNumber: z.string().trim().max(100).optional(),
        reasons: z.string().trim().max(5000).optional(),
      })
      .strict(),
    output: Transfer,
  },
  'transfers.recordVolumes': {
    input: z.object({ id: Id, year: Year, nonSensitiveIndividuals: Count, sensitiveIndividuals: Count, note: ShortText.default('') }).strict(),
    output: Transfer,
  },
  /** Company-wide figures of a year: people counted under two recipients, and (2023 basis) the total processed. */
  'transfers.recordCompanyYear': {
    input: z
      .object({ year: Year, duplicateNonSensitive: Count, duplicateSensitive: Count, processedTotal: Count.nullable().default(null), note: ShortText.default('') })
      .strict(),
    output: CompanyTotals,
  },
  'transfers.recordChange': {
    input: z.object({ id: Id, kind: z.enum(['destinationLaw', 'recipientUse', 'other']), date: IsoDate, description: RequiredText }).strict(),
    output: Transfer,
  },
  /** The outcome of the re-assessment an incident at the recipient opened (closes its deadline). */
  'transfers.recordReview': {
    input: z.object({ id: Id, reviewId: Id, outcome: ReviewOutcome, note: z.string().trim().min(1, 'Required').max(5000), date: IsoDate.optional() }).strict(),
    output: Transfer,
  },
  'transfers.changes': { input: z.object({ id: Id }).strict(), output: z.object({ items: z.array(TransferChange) }) },
  /** With an id: that transfer's verdict. Without: the company's, on this year's totals. */
  'transfers.classify': {
    input: z.object({ id: Id.optional(), year: Year.optional() }).strict(),
    output: z.object({ verdict: Verdict, totals: CompanyTotals }),
  },
  'transfers.exportCsv': {
    input: TransferFilters.extend({ language: Language.default('zh-CN') }).strict(),
    output: z.object({ filename: z.string(), csv: z.string(), rows: z.number().int() }),
  },
} as const;
