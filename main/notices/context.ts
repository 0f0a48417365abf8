import type { Language, LocalizedText } from '../../preload/contract/common';
import type { LinkModule, NoticeCondition, NoticeContent, NoticeDto, NoticeKind } from '../../preload/contract/notices';
import { getSettings } from '../settings/service';
import type { Session } from '../shared/session';
import { channelChecks } from './channel-rules';
import { loadCatalogue } from '../rules/load';
import { CLOSING, CONDITIONS, LINK_PREFIX, OPENING, conditionsOf, kindSpecOf, type KindSpec } from './model';
import { renderNotice } from './render';
import type { LinkRow } from './repo';
import { checkElements, elementsOf, mergeFieldProblems as findMergeFieldProblems, textFallbacksOf } from './rules';
import { noticeSource } from './sources';

const beijingToday = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A kind's required elements as the catalogue holds them today (Beijing date). */
export function kindOf(session: Pick<Session, 'db' | 'now'>, kind: NoticeKind): KindSpec {
  return kindSpecOf(loadCatalogue(session), kind, beijingToday(session.now()));
}

/** GDPR Art. 33(1)'s hours as the catalogue holds them today: a later notice gives reasons for the delay. */
export function gdprNoticeHours(session: Pick<Session, 'db' | 'now'>): number {
  const v = loadCatalogue(session).at('gdpr33.authority.72h', beijingToday(session.now()));
  const period = v?.params.period as { kind: string; hours?: number } | undefined;
  return period?.kind === 'hours' && period.hours ? period.hours : 0;
}

/** What a notice's merge fields can draw on: the profile and every linked record. */
export interface MergeContext {
  values: Record<string, string>;
  linked: NoticeDto['links'];
  profile: ReturnType<typeof getSettings>['profile'];
  /** The fields as each language writes them (the organisation's English name, dates, categories…). */
  localized: Record<Language, Record<string, string>>;
  /** Per language, the merge fields printed as typed in the other language, with the fact's label. */
  fallbacks: Record<Language, Record<string, LocalizedText>>;
  /** Conditions the linked records settle, and which record settled each (its reference). */
  conditions: Partial<Record<NoticeCondition, { on: boolean; by: string }>>;
}

/** The merge values as the given language writes them. */
export const valuesIn = (ctx: Pick<MergeContext, 'values' | 'localized'>, language: Language): Record<string, string> => ({ ...ctx.values, ...ctx.localized[language] });

/** The conditions in force: what the DPO ticked, overridden by what the linked records settle. */
export function effectiveConditions(content: NoticeContent, ctx: Pick<MergeContext, 'conditions'>): Record<string, boolean> {
  const out: Record<string, boolean> = { ...content.conditions };
  for (const [key, c] of Object.entries(ctx.conditions)) if (c) out[key] = c.on;
  return out;
}

export function mergeContext(session: Session, links: Pick<LinkRow, 'module' | 'record_id'>[]): MergeContext {
  const profile = getSettings(session).profile;
  const values: Record<string, string> = {
    'org.legalName': profile.legalName,
    'org.address': profile.registeredAddress,
    'org.dpoName': profile.dpoName,
    'org.dpoEmail': profile.dpoEmail,
    'org.phone': profile.phone,
  };
  const linked: NoticeDto['links'] = [];
  const conditions: MergeContext['conditions'] = {};
  const fallbacks: MergeContext['fallbacks'] = { 'zh-CN': {}, en: {} };
  // The organisation in both languages (Settings): English notices print its English name and address.
  const localized: MergeContext['localized'] = {
    'zh-CN': {},
    en: { 'org.legalName': profile.legalNameEn || profile.legalName, 'org.address': profile.registeredAddressEn || profile.registeredAddress },
  };
  for (const link of links) {
    const module = link.module as LinkModule;
    const prefix = LINK_PREFIX[module];
    const record = noticeSource(module).fields(session, link.record_id);
    if (!record) {
      linked.push({ module, recordId: link.record_id, ref: link.record_id, title: '', found: false });
      continue;
    }
    linked.push({ module, recordId: link.record_id, ref: record.ref, title: record.title, found: true });
    // The first linked record of a module fills its fields; sources may give names with or without the prefix.
    const own: Record<string, string> = { [`${prefix}.ref`]: record.ref, [`${prefix}.title`]: record.title };
    for (const [name, value] of Object.entries(record.values)) own[name.startsWith(`${prefix}.`) ? name : `${prefix}.${name}`] = String(value ?? '');
    for (const [name, value] of Object.entries(own)) values[name] ??= value;
    for (const lang of ['zh-CN', 'en'] as const) {
      const full = (name: string) => (name.startsWith(`${prefix}.`) ? name : `${prefix}.${name}`);
      for (const [name, value] of Object.entries(record.localized?.[lang] ?? {})) {
        if (localized[lang][full(name)] !== undefined) continue;
        localized[lang][full(name)] = value;
        const label = record.fallbacks?.[lang]?.[name];
        if (label) fallbacks[lang][full(name)] = label;
      }
    }
    const settled = noticeSource(module).conditions?.(session, link.record_id) ?? {};
    for (const [key, on] of Object.entries(settled)) conditions[key as NoticeCondition] ??= { on: on as boolean, by: record.ref };
  }
  return { values, linked, profile, conditions, localized, fallbacks };
}

/** The checklist: elements, merge-field problems and channel checks in each language sent. */
export function checklistOf(kind: KindSpec, content: NoticeContent, ctx: MergeContext): NoticeDto['checklist'] {
  const elements = checkElements(kind, { ...content, conditions: effectiveConditions(content, ctx) });
  const mergeFieldProblems = findMergeFieldProblems(content, ctx.values);
  const channels = content.languages.flatMap((language) => {
    const r = renderNotice(kind, content, language, valuesIn(ctx, language), { keepRecipientFields: true });
    return channelChecks(kind.kind, { language, subject: r.subject, sms: r.sms, pushTitle: r.pushTitle, pushBody: r.pushBody, orgAddress: ctx.profile.registeredAddress });
  });
  const canApprove = !elements.some((e) => e.status === 'missing') && mergeFieldProblems.length === 0;
  return { elements, mergeFieldProblems, textFallbacks: textFallbacksOf(content, ctx.fallbacks), channels, canApprove };
}

export function sectionMetaOf(spec: KindSpec, conditions: Record<string, boolean>): NoticeDto['sectionMeta'] {
  return [
    { key: OPENING.key, label: OPENING.label, basis: null, required: false, heading: null },
    ...elementsOf(spec, conditions).map(({ spec: e, required }) => ({
      key: e.key,
      label: e.label,
      basis: e.basis,
      required,
      heading: spec.headings ? (e.heading ?? e.label) : null,
    })),
    { key: CLOSING.key, label: CLOSING.label, basis: null, required: false, heading: null },
  ];
}

export const conditionMetaOf = (kind: KindSpec, ctx?: Pick<MergeContext, 'conditions'>): NoticeDto['conditionMeta'] =>
  conditionsOf(kind).map((key) => ({ key, label: CONDITIONS[key].label, basis: CONDITIONS[key].basis, lockedBy: ctx?.conditions[key]?.by ?? null }));
