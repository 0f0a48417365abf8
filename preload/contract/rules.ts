import { z } from 'zod';
import { IsoDate, LocalizedText, ModuleName, RequiredText } from './common';

// The rule catalogue (issue 14): every rule the engines apply, as dated, versioned data the DPO
// can see on Settings → Rules, edit with a reason, and exchange as signed rule packs.

export const PeriodKind = z.enum(['hours', 'immediate', 'calendarDays', 'workingDays', 'businessDays', 'months', 'years', 'fixedDate']);
export type PeriodKind = z.infer<typeof PeriodKind>;

const Amount = z.number().int('Whole number').min(1, 'A period of 0 is not a period').max(10_000);

/**
 * How a period is counted. businessDays count on the US federal-holiday calendar (CCPA);
 * workingDays on the country's official schedule (PRC).
 */
export const Period = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hours'), hours: Amount }).strict(),
  z.object({ kind: z.literal('immediate') }).strict(),
  z.object({ kind: z.literal('calendarDays'), days: Amount, rollOver: z.boolean() }).strict(),
  z.object({ kind: z.literal('workingDays'), days: Amount }).strict(),
  z.object({ kind: z.literal('businessDays'), days: Amount }).strict(),
  z.object({ kind: z.literal('months'), months: Amount, rollOver: z.boolean() }).strict(),
  z.object({ kind: z.literal('years'), years: Amount, rollOver: z.boolean() }).strict(),
  z.object({ kind: z.literal('fixedDate') }).strict(),
]);
export type Period = z.infer<typeof Period>;

export const SourceKind = z.enum(['official', 'commentary']);
export type SourceKind = z.infer<typeof SourceKind>;

export const RuleSource = z
  .object({
    instrument: LocalizedText,
    /** The article, paragraph or section, e.g. "Art. 23(3)". */
    article: z.string().max(200),
    /** Official text, or only commentary (a draft, a Q&A, a law firm's note). */
    kind: SourceKind,
    note: LocalizedText.optional(),
  })
  .strict();
export type RuleSource = z.infer<typeof RuleSource>;

export const RegimeCode = z.enum(['CN', 'EU', 'UK', 'US', 'US-CA', 'US-NY', 'US-TX', 'US-CO', 'US-WA', 'US-FL', 'policy']);
export type RegimeCode = z.infer<typeof RegimeCode>;

export const RuleKindName = z.enum(['deadline', 'bands', 'threshold', 'elements', 'grounds', 'requirement', 'holidays']);
export type RuleKindName = z.infer<typeof RuleKindName>;

export const VersionOrigin = z.enum(['shipped', 'edited', 'imported']);
export type VersionOrigin = z.infer<typeof VersionOrigin>;

/** A parameter value: numbers, flags, texts, periods, and lists of rows of those. */
export type ParamValue = number | boolean | string | LocalizedText | Period | ParamValue[] | { [k: string]: ParamValue };

const Unit = z.enum(['people', 'rmb', 'days', 'hours', 'count']);
interface ScalarSpecBase {
  label: LocalizedText;
}
export type ScalarSpec =
  | (ScalarSpecBase & { type: 'period'; kinds?: PeriodKind[] })
  | (ScalarSpecBase & { type: 'int'; min: number; max: number; unit?: z.infer<typeof Unit> })
  | (ScalarSpecBase & { type: 'bool' })
  | (ScalarSpecBase & { type: 'sourceKind' })
  | (ScalarSpecBase & { type: 'text' })
  | (ScalarSpecBase & { type: 'string'; max: number; pattern?: string })
  | (ScalarSpecBase & { type: 'enum'; values: string[] });
/** A list of rows; `keyField` names the field that identifies a row (unique); `fixedKeys`: rows cannot be added or removed. */
export type ParamSpec = ScalarSpec | (ScalarSpecBase & { type: 'list'; item: Record<string, ScalarSpec>; keyField?: string; fixedKeys?: boolean; minItems?: number });

const ScalarSpecSchema: z.ZodType<ScalarSpec> = z.union([
  z.object({ type: z.literal('period'), label: LocalizedText, kinds: z.array(PeriodKind).optional() }),
  z.object({ type: z.literal('int'), label: LocalizedText, min: z.number(), max: z.number(), unit: Unit.optional() }),
  z.object({ type: z.literal('bool'), label: LocalizedText }),
  z.object({ type: z.literal('sourceKind'), label: LocalizedText }),
  z.object({ type: z.literal('text'), label: LocalizedText }),
  z.object({ type: z.literal('string'), label: LocalizedText, max: z.number(), pattern: z.string().optional() }),
  z.object({ type: z.literal('enum'), label: LocalizedText, values: z.array(z.string()) }),
]);
export const ParamSpecSchema: z.ZodType<ParamSpec> = z.union([
  ScalarSpecSchema,
  z.object({
    type: z.literal('list'),
    label: LocalizedText,
    item: z.record(z.string(), ScalarSpecSchema),
    keyField: z.string().optional(),
    fixedKeys: z.boolean().optional(),
    minItems: z.number().optional(),
  }),
]);

const Params = z.record(z.string(), z.unknown());

export const RuleVersionDto = z.object({
  id: z.string(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  /** With the parameters filled in, as the engines show them. */
  name: LocalizedText,
  basis: LocalizedText,
  /** As stored, with `{param}` placeholders. */
  nameTemplate: LocalizedText,
  basisTemplate: LocalizedText,
  source: RuleSource,
  params: Params,
  revision: z.number().int(),
  origin: VersionOrigin,
  reason: z.string(),
  changedAt: z.string(),
  changedBy: z.string(),
  /** In force today (Beijing date). */
  current: z.boolean(),
});
export type RuleVersionDto = z.infer<typeof RuleVersionDto>;

export const RuleDto = z.object({
  key: z.string(),
  kind: RuleKindName,
  regime: RegimeCode,
  usedBy: z.array(ModuleName),
  zone: z.string().nullable(),
  country: z.string().nullable(),
  /** The parameters' shape: the Rules page builds its form from it. */
  fields: z.record(z.string(), ParamSpecSchema),
  versions: z.array(RuleVersionDto),
});
export type RuleDto = z.infer<typeof RuleDto>;

/** A version's content as the DPO or a pack gives it. */
const VersionContent = z
  .object({
    name: LocalizedText.optional(),
    basis: LocalizedText.optional(),
    source: RuleSource.optional(),
    params: Params.optional(),
  })
  .strict();

/** Correct a version in place (a wrong number, a better basis); it keeps its dates. */
const EditVersion = VersionContent.extend({ kind: z.literal('edit'), versionId: z.string().min(1).max(64), effectiveTo: IsoDate.nullable().optional() }).strict();
/** A new version from a date: the version in force the day before ends then. */
const AddVersion = VersionContent.extend({ kind: z.literal('add'), key: z.string().min(1).max(100), effectiveFrom: IsoDate }).strict();
export const RuleChange = z.discriminatedUnion('kind', [EditVersion, AddVersion]);
export type RuleChange = z.infer<typeof RuleChange>;
/** A change with the reason the audit log keeps. */
export const RuleApply = z.discriminatedUnion('kind', [EditVersion.extend({ reason: RequiredText }).strict(), AddVersion.extend({ reason: RequiredText }).strict()]);

export const DeadlineShift = z.object({
  deadlineId: z.string(),
  module: ModuleName,
  recordId: z.string(),
  recordRef: z.string(),
  recordTitle: z.string(),
  key: z.string(),
  rule: LocalizedText,
  state: z.enum(['open', 'met', 'waived']),
  change: z.enum(['moved', 'added', 'removed', 'versionOnly']),
  beforeDueAt: z.string().nullable(),
  afterDueAt: z.string().nullable(),
  /** afterDueAt − beforeDueAt in minutes (moved only). */
  shiftMinutes: z.number().int().nullable(),
  beforeVersion: z.string().nullable(),
  afterVersion: z.string().nullable(),
});
export type DeadlineShift = z.infer<typeof DeadlineShift>;

export const RecomputeEffects = z.object({
  /** Open deadlines that move, appear or disappear (met and waived ones are counted below). */
  deadlines: z.array(DeadlineShift),
  /** Further changed open deadlines not listed (the list stops at 1,000). */
  more: z.number().int(),
  closedDeadlinesChanged: z.number().int(),
  grades: z.array(z.object({ recordId: z.string(), ref: z.string(), title: z.string(), before: z.string(), after: z.string() })),
  routes: z.array(z.object({ recordId: z.string(), ref: z.string(), title: z.string(), before: z.string(), after: z.string() })),
  /** Records looked at. */
  checked: z.number().int(),
});
export type RecomputeEffects = z.infer<typeof RecomputeEffects>;

export const ChangeResult = z.object({ effects: RecomputeEffects, rules: z.array(RuleDto) });

export const PackInspection = z.object({
  sha256: z.string(),
  publisher: z.string().nullable(),
  createdAt: z.string().nullable(),
  signature: z.object({
    state: z.enum(['unsigned', 'valid', 'untrusted', 'broken']),
    /** SHA-256 of the signing key, as Settings lists trusted keys. */
    keyFingerprint: z.string().nullable(),
    publisherName: z.string().nullable(),
  }),
  rules: z.array(z.object({ key: z.string(), versions: z.number().int(), change: z.enum(['new', 'changed', 'same']) })),
  /** Set when the pack is refused: the first bad entry, named. */
  problem: z.object({ path: z.string(), message: z.string() }).nullable(),
  effects: RecomputeEffects.nullable(),
});
export type PackInspection = z.infer<typeof PackInspection>;

const PackText = z.string().min(1, 'The file is empty').max(2_000_000);

export const Publisher = z.object({ fingerprint: z.string(), name: z.string(), publicKey: z.string(), addedAt: z.string() });

export const rulesChannels = {
  'rules.list': { input: z.object({}).strict().default({}), output: z.object({ rules: z.array(RuleDto), today: z.string() }) },
  /** What the change would recompute, and by how much; nothing is stored. */
  'rules.preview': { input: RuleChange, output: RecomputeEffects },
  'rules.apply': { input: RuleApply, output: ChangeResult },
  'rules.exportPack': {
    input: z.object({ keys: z.array(z.string().min(1).max(100)).max(500).optional(), publisher: z.string().trim().max(200).optional() }).strict(),
    output: z.object({ filename: z.string(), json: z.string(), sha256: z.string(), rules: z.number().int() }),
  },
  'rules.inspectPack': { input: z.object({ text: PackText }).strict(), output: PackInspection },
  /** `sha256` must be the digest shown by inspectPack: what is applied is what was inspected. */
  'rules.importPack': {
    input: z.object({ text: PackText, sha256: z.string().regex(/^[0-9a-f]{64}$/, 'A SHA-256 in hex'), reason: RequiredText }).strict(),
    output: ChangeResult,
  },
  'rules.publishers': { input: z.object({}).strict().default({}), output: z.object({ publishers: z.array(Publisher) }) },
  'rules.addPublisher': {
    input: z.object({ name: RequiredText, publicKey: z.string().trim().min(1, 'Required').max(2000) }).strict(),
    output: z.object({ publishers: z.array(Publisher) }),
  },
  'rules.removePublisher': {
    input: z.object({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/), reason: RequiredText }).strict(),
    output: z.object({ publishers: z.array(Publisher) }),
  },
} as const;
