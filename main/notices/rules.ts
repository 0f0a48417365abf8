import type { LocalizedText } from '../../preload/contract/common';
import type { Language } from '../../preload/contract/common';
import type { Checklist, ChecklistElement, NoticeCondition, NoticeContent, NoticeKind, TextFallback } from '../../preload/contract/notices';
import { CLOSING, CONDITIONS, MIN_WAIVER_REASON, OPENING, type ElementSpec, type KindSpec } from './model';
import { fieldMap } from '../shared/input-guard';
import { type Problem, problem } from '../shared/errors';

// Pure rules of the studio: no I/O, no clock (`now` is a parameter).

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;
const FIELD_NAME = /^(org|incident|transfer|request|recipient)\.[A-Za-z0-9_]+$/;

/** Every `{{name}}` in a text, in order (names trimmed, duplicates kept once). */
export function mergeFieldsIn(text: string): string[] {
  return [...new Set([...text.matchAll(FIELD)].map((m) => m[1]))];
}

/**
 * Fills `{{name}}` from values. An unknown name is an error, never a blank: a notice that says
 * "the categories involved are ." misinforms the people it must inform (PIPL Art. 57).
 * `keep` leaves names with a given prefix in place (recipient fields before a mail-merge).
 */
export function fillMergeFields(text: string, values: Record<string, string>, keep?: string): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const out = text.replace(FIELD, (whole, name: string) => {
    if (keep && name.startsWith(keep)) return whole;
    const value = FIELD_NAME.test(name) ? values[name] : undefined;
    if (value === undefined) {
      unknown.push(name);
      return whole;
    }
    return value;
  });
  return { text: out, unknown: [...new Set(unknown)] };
}

/** A compiled text: literal pieces and field names alternate, for filling a million times fast. */
export interface CompiledText {
  literals: string[];
  fields: string[];
}

export function compileText(text: string): CompiledText {
  const literals: string[] = [];
  const fields: string[] = [];
  let last = 0;
  for (const m of text.matchAll(FIELD)) {
    literals.push(text.slice(last, m.index));
    fields.push(m[1]);
    last = m.index + m[0].length;
  }
  literals.push(text.slice(last));
  return { literals, fields };
}

export function fillCompiled(c: CompiledText, values: Record<string, string>): string {
  if (c.fields.length === 0) return c.literals[0];
  let out = c.literals[0];
  for (let i = 0; i < c.fields.length; i++) out += (values[c.fields[i]] ?? '') + c.literals[i + 1];
  return out;
}

export const isBlank = (s: string | undefined): boolean => !s || s.trim().length === 0;

/** Elements of a kind, with whether each is required under the notice's conditions. */
export function elementsOf(kind: KindSpec, conditions: Record<string, boolean>): { spec: ElementSpec; required: boolean }[] {
  return kind.elements.map((spec) => ({ spec, required: (!spec.when || conditions[spec.when] === true) && !(spec.unless && conditions[spec.unless] === true) }));
}

/** Section order of a draft: opening, one per element (RULES.md §3), closing. */
export const sectionKeys = (kind: KindSpec): string[] => [OPENING.key, ...kind.elements.map((e) => e.key), CLOSING.key];

/**
 * The checklist (RULES.md §3): each required element is covered when its section has text in
 * every language the notice is sent in, or waived with a reason; otherwise it is missing.
 */
export function checkElements(kind: KindSpec, content: NoticeContent): ChecklistElement[] {
  const byKey = new Map(content.sections.map((s) => [s.key, s.text]));
  return elementsOf(kind, content.conditions).map(({ spec, required }) => {
    const text = byKey.get(spec.key);
    const missingLanguages = content.languages.filter((lang) => isBlank(text?.[lang]));
    const waiverReason = content.waivers[spec.key] ?? null;
    const cond = spec.when ?? spec.unless;
    const condition = cond ? { key: cond, label: CONDITIONS[cond].label, on: content.conditions[cond] === true } : null;
    let status: ChecklistElement['status'];
    if (!required) status = 'notRequired';
    else if (missingLanguages.length === 0) status = 'covered';
    else if (waiverReason && waiverReason.trim().length >= MIN_WAIVER_REASON) status = 'waived';
    else status = 'missing';
    return { key: spec.key, rule: spec.label, basis: spec.basis, status, missingLanguages: status === 'missing' ? missingLanguages : [], waiverReason, condition };
  });
}

/** Every place a merge field appears, for the languages the notice is sent in. */
export function mergeFieldUses(content: NoticeContent): { name: string; where: string }[] {
  const uses: { name: string; where: string }[] = [];
  for (const lang of content.languages) {
    const texts: [string, string][] = [
      [`subject.${lang}`, content.subject[lang]],
      ...content.sections.map((s): [string, string] => [`sections.${s.key}.${lang}`, s.text[lang]]),
      [`sms.${lang}`, content.sms[lang]],
      [`pushTitle.${lang}`, content.pushTitle[lang]],
      [`pushBody.${lang}`, content.pushBody[lang]],
    ];
    for (const [where, text] of texts) for (const name of mergeFieldsIn(text)) uses.push({ name, where });
  }
  return uses;
}

/**
 * The merge fields each language version prints as typed in the other language (issue 13): only
 * those the notice uses, in the languages it is sent in, once per language and field.
 */
export function textFallbacksOf(content: NoticeContent, fallbacks: Partial<Record<Language, Record<string, LocalizedText>>>): TextFallback[] {
  const out: TextFallback[] = [];
  const seen = new Set<string>();
  for (const use of mergeFieldUses(content)) {
    const language = content.languages.find((l) => use.where.endsWith(`.${l}`));
    const label = language ? fallbacks[language]?.[use.name] : undefined;
    if (!language || !label || seen.has(`${language} ${use.name}`)) continue;
    seen.add(`${language} ${use.name}`);
    out.push({
      language,
      name: use.name,
      label,
      message:
        language === 'en'
          ? { en: `${label.en}: the English version prints it as typed in Chinese — add the English version on the record`, zh: `${label.zh}：英文版按中文原文打印——请在记录中补充英文版本` }
          : { en: `${label.en}: the Chinese version prints it as typed in English — add the Chinese version on the record`, zh: `${label.zh}：中文版按英文原文打印——请在记录中补充中文版本` },
    });
  }
  return out;
}

/** Merge fields that nothing can fill. Recipient fields are filled by a mail-merge, so they pass here. */
export function mergeFieldProblems(content: NoticeContent, known: Record<string, string>): Checklist['mergeFieldProblems'] {
  return mergeFieldUses(content)
    .filter((u) => !(FIELD_NAME.test(u.name) && (u.name.startsWith('recipient.') || known[u.name] !== undefined)))
    .map((u) => ({
      ...u,
      message: {
        en: `Unknown merge field {{${u.name}}}: no linked record or profile provides it`,
        zh: `未知的合并字段 {{${u.name}}}：关联记录和机构信息均未提供`,
      },
    }));
}

/** VALIDATION fields for approval: one per missing element (named), one per unknown merge field. */
export function approvalBlockers(elements: ChecklistElement[], problems: Checklist['mergeFieldProblems']): Record<string, Problem> {
  const fields = fieldMap<Problem>();
  for (const e of elements) {
    if (e.status === 'missing') fields[`elements.${e.key}`] = problem('elementMissing', { rule: e.rule, languages: e.missingLanguages.join(', '), basis: e.basis });
  }
  for (const p of problems) fields[`mergeFields.${p.name}`] = problem('unknownMergeFieldIn', { name: p.name, where: p.where });
  return fields;
}

/**
 * GDPR Art. 33(1): "where feasible, not later than 72 hours after having become aware"; later
 * than that, the notice must give the reasons for the delay. Null when awareness is unknown.
 */
export function isLateGdprNotice(awareAt: string | undefined, now: Date, hours: number): boolean | null {
  if (!awareAt) return null;
  const t = Date.parse(awareAt);
  if (Number.isNaN(t)) return null;
  return now.getTime() - t > hours * 3600 * 1000;
}

/** Conditions a new draft starts with, from what the linked records say. */
export function initialConditions(kind: NoticeKind, values: Record<string, string>, now: Date, gdprHours: number): Partial<Record<NoticeCondition, boolean>> {
  const out: Partial<Record<NoticeCondition, boolean>> = {};
  if (kind === 'gdpr.art33') {
    const late = isLateGdprNotice(values['incident.awareAt'] ?? values['incident.discoveredAt'], now, gdprHours);
    if (late !== null) out.lateNotice = late;
  }
  if (kind === 'transfer.separateConsent') {
    const sensitive = values['transfer.sensitivePiCategories'];
    if (sensitive !== undefined) out.sensitivePi = !isBlank(sensitive);
  }
  return out;
}

/** Waiver reasons that are too short to say why (each named). */
export function weakWaivers(waivers: Record<string, string | null>): Record<string, Problem> {
  const fields = fieldMap<Problem>();
  for (const [key, reason] of Object.entries(waivers)) {
    if (reason !== null && reason.trim().length < MIN_WAIVER_REASON) fields[`waivers.${key}`] = problem('waiverReason', { min: MIN_WAIVER_REASON });
  }
  return fields;
}

export const pick = (t: LocalizedText, lang: Language): string => (lang === 'en' ? t.en : t.zh);
