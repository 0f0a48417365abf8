import { z } from 'zod';
import { ProblemData } from './problems';
import { Empty, Id, IsoInstant, Jurisdiction, LocalizedText, LongText } from './common';
import { GdprRisk, Incident, IncidentFactFields, IncidentObligation } from './incidents';

// The guided breach assessment (issue 17): the questions that decide who must be told, one
// screen each, saved as a draft as it goes. The answers are the DPO's words; main turns them into
// the incident's facts and runs the incident rules on them (preview: nothing written), and
// "Log the incident" creates the incident with every fact, its clocks started at the discovery.

export const AssessmentStep = z.enum(['what', 'categories', 'people', 'protection', 'containment', 'cii', 'review']);
export type AssessmentStep = z.infer<typeof AssessmentStep>;

const Count = z.number().int('Whole number').min(0, 'Cannot be negative').max(10_000_000_000);
const Term = z.string().trim().min(1, 'Required').max(100);

/** Every answer is optional until "Log the incident"; what is missing then is named by field. */
export const AssessmentAnswers = z
  .object({
    title: z.string().trim().max(500),
    description: LongText,
    discoveredAt: IsoInstant.nullable(),
    occurredAt: IsoInstant.nullable(),
    /** Categories picked from the vocabulary (its name in either language); main knows which are sensitive. */
    categories: z.array(Term).max(100),
    /** Categories the vocabulary does not list, each with whether it is sensitive PI (PIPL Art. 28). */
    otherCategories: z.array(z.object({ term: Term, sensitive: z.boolean() }).strict()).max(50),
    /** People affected in each jurisdiction (each person counted once, where they are). */
    people: z.partialRecord(Jurisdiction, Count),
    /** Minors among them (0 = none). */
    minors: Count.nullable(),
    /** People whose sensitive PI is involved; null = everyone, when sensitive categories are picked. */
    sensitivePeople: Count.nullable(),
    estimated: z.boolean(),
    /** New York: a covered entity under the NYDFS Cybersecurity Regulation (23 NYCRR Part 500). */
    nyDfsCovered: z.boolean(),
    /** Was the data encrypted or otherwise unintelligible to whoever got it? */
    unintelligible: z.enum(['yes', 'no', 'partly']).nullable(),
    unintelligibleHow: LongText,
    contained: z.boolean().nullable(),
    containedAt: IsoInstant.nullable(),
    measuresTaken: LongText,
    harmAvoided: z.boolean().nullable(),
    harmAvoidedReason: LongText,
    gdprRisk: GdprRisk.nullable(),
    gdprRiskReason: LongText,
    /** yes / no, or follow the Settings default. */
    ciiOperator: z.enum(['yes', 'no', 'settings']).nullable(),
  })
  .partial()
  .strict();
export type AssessmentAnswers = z.infer<typeof AssessmentAnswers>;

export const AssessmentPreview = z.object({
  /** The facts the incident would be logged with, as main reads the answers. */
  facts: IncidentFactFields.extend({ title: z.string(), discoveredAt: z.string().nullable(), jurisdictions: z.array(Jurisdiction) }),
  grade: Incident.shape.grade,
  auditOrderFlag: Incident.shape.auditOrderFlag,
  ciiOperator: Incident.shape.ciiOperator,
  /** Each obligation as main computes it now, each clock with its due time and why. */
  obligations: z.array(IncidentObligation),
  /** false until the discovery time is given: no clock can start before it. */
  clocksStarted: z.boolean(),
  /** What must still be answered (or corrected) before the incident can be logged: answer field → problem. */
  missing: z.record(z.string(), ProblemData),
});
export type AssessmentPreview = z.infer<typeof AssessmentPreview>;

export const AssessmentDraft = z.object({
  id: z.string(),
  title: z.string(),
  step: AssessmentStep,
  answers: AssessmentAnswers,
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  /** Set once logged: the incident it became. */
  incident: z.object({ id: z.string(), ref: z.string(), at: z.string() }).nullable(),
});
export type AssessmentDraft = z.infer<typeof AssessmentDraft>;

export const GuideBasis = z.object({ rule: LocalizedText, basis: LocalizedText });

export const AssessmentGuide = z.object({
  /** The legal basis behind each question, from the rule catalogue in force today. */
  steps: z.array(z.object({ step: AssessmentStep, basis: z.array(GuideBasis) })),
  /** The bilingual PI-category vocabulary (GB/T 45574-2025 / PIPL Art. 28 sensitive ones flagged). */
  vocabulary: z.array(z.object({ en: z.string(), zh: z.string(), sensitive: z.boolean() })),
  /** The jurisdictions asked for: China, the EU, the UK, each US state the rules know, elsewhere. */
  jurisdictions: z.array(z.object({ code: Jurisdiction, name: LocalizedText })),
  /** The Settings default for "CII operator". */
  ciiDefault: z.boolean(),
});

export const assessmentChannels = {
  'assessment.guide': { input: Empty, output: AssessmentGuide },
  /** Runs the incident rules on the answers as they are: grade, obligations, clocks. Writes nothing. */
  'assessment.preview': { input: z.object({ answers: AssessmentAnswers }).strict(), output: AssessmentPreview },
  /** Creates (no id) or updates a draft with the step reached. */
  'assessment.saveDraft': { input: z.object({ id: Id.optional(), step: AssessmentStep, answers: AssessmentAnswers }).strict(), output: AssessmentDraft },
  /** Drafts not yet logged, last worked on first. */
  'assessment.listDrafts': { input: Empty, output: z.object({ items: z.array(AssessmentDraft.omit({ answers: true })) }) },
  'assessment.getDraft': { input: z.object({ id: Id }).strict(), output: AssessmentDraft },
  'assessment.discardDraft': { input: z.object({ id: Id }).strict(), output: z.object({ discarded: z.literal(true) }) },
  /** Creates the incident with every fact; its clocks start at the discovery time. */
  'assessment.log': { input: z.object({ id: Id }).strict(), output: Incident },
} as const;
