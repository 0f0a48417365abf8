import { INCIDENT_FACT_LABELS, TRANSLATABLE_FACTS, type TranslatableFact } from '../../preload/contract/incidents';
import { translatableFields, type NoticeSource } from '../shared/notice-source';
import type { Session } from '../shared/session';
import { formatCount, formatInstantIn } from '../../preload/contract/format';
import { getSettings } from '../settings/service';
import { categoriesIn } from '../shared/pi-vocabulary';
import { GRADE_NAMES, NOTICE_KIND_MEETS, OBLIGATION_LABELS, STATE_NAMES } from './model';
import { addTimeline, evaluate, load, settle, touch } from './record';
import { IncidentsRepo } from './repo';

/*
 * Merge fields the notice studio can use in an incident notice (values are plain text; lists
 * joined with "、" / ", "; instants as stored, UTC ISO-8601; empty facts as ""):
 *   incident.ref, incident.title, incident.description, incident.state,
 *   incident.discoveredAt, incident.occurredAt, incident.containedAt, incident.handlingEndedAt,
 *   incident.cause, incident.affectedSystems, incident.piCategories, incident.sensitivePiCategories,
 *   incident.minorsInvolved ("yes"/"no"), incident.individualsAffected, incident.individualsEstimated,
 *   incident.recordsAffected, incident.jurisdictions, incident.directLossRmb, incident.gdprRisk,
 *   incident.harmAssessment, incident.measuresTaken, incident.measuresPlanned,
 *   incident.adviceToIndividuals, incident.remedies, incident.harmAvoided, incident.harmAvoidedReason,
 *   incident.owner, incident.grade (English name), incident.gradeZh (Chinese name),
 *   incident.ciiOperator ("yes"/"no").
 * The free-text facts (description, cause, harm assessment, measures, advice, remedies, why harm
 * was avoided) are {zh, en} pairs: each language prints its own version, else the typed one,
 * which the notice checklist then names (issue 13).
 */
export const INCIDENT_MERGE_FIELDS = [
  'ref', 'title', 'description', 'state', 'discoveredAt', 'occurredAt', 'containedAt', 'handlingEndedAt', 'cause',
  'affectedSystems', 'piCategories', 'sensitivePiCategories', 'minorsInvolved', 'individualsAffected', 'individualsEstimated',
  'recordsAffected', 'jurisdictions', 'directLossRmb', 'gdprRisk', 'harmAssessment', 'measuresTaken', 'measuresPlanned',
  'adviceToIndividuals', 'remedies', 'harmAvoided', 'harmAvoidedReason', 'owner', 'grade', 'gradeZh', 'ciiOperator',
] as const;

type MergeNameOf<K extends string> = K extends 'remediesOffered' ? 'remedies' : K;

const yesNo = (b: boolean) => (b ? 'yes' : 'no');
const list = (xs: string[]) => xs.join(', ');

function fields(session: Session, recordId: string) {
  if (!new IncidentsRepo(session.db).get(recordId)) return null;
  const l = load(session, recordId);
  const f = l.facts;
  const ev = evaluate(session, l);
  // Issue 13: the free-text facts print in each language's own version (the remedies field keeps its merge name).
  const texts = translatableFields(
    Object.fromEntries(
      TRANSLATABLE_FACTS.map((k) => [`incident.${k === 'remediesOffered' ? 'remedies' : k}`, { text: f[k], label: INCIDENT_FACT_LABELS[k] }]),
    ),
  );
  const v: Omit<Record<(typeof INCIDENT_MERGE_FIELDS)[number], string>, MergeNameOf<TranslatableFact>> = {
    ref: l.row.ref,
    title: f.title,
    state: l.row.state,
    discoveredAt: f.discoveredAt,
    occurredAt: f.occurredAt ?? '',
    containedAt: f.containedAt ?? '',
    handlingEndedAt: f.handlingEndedAt ?? '',
    affectedSystems: list(f.affectedSystems),
    piCategories: list(f.piCategories),
    sensitivePiCategories: list(f.sensitivePiCategories),
    minorsInvolved: yesNo(f.minorsInvolved),
    individualsAffected: String(f.individualsAffected),
    individualsEstimated: yesNo(f.individualsEstimated),
    recordsAffected: f.recordsAffected === null ? '' : String(f.recordsAffected),
    jurisdictions: list(f.jurisdictions),
    directLossRmb: String(f.directLossRmb),
    gdprRisk: f.gdprRisk ?? '',
    harmAvoided: yesNo(f.harmAvoided),
    owner: f.owner,
    grade: GRADE_NAMES[ev.gradeInForce].en,
    gradeZh: GRADE_NAMES[ev.gradeInForce].zh,
    ciiOperator: yesNo(ev.cii.effective),
  };
  const values = { ...Object.fromEntries(Object.entries(v).map(([k, value]) => [`incident.${k}`, value])), ...texts.values };
  // Issue 13: the same facts as each language writes them — dates in the display zone, counts with
  // separators, grade and state names, PI categories from the bilingual vocabulary.
  const zone = getSettings(session).displayZone;
  const inLang = (lang: 'zh-CN' | 'en') => {
    const at = (iso: string | null) => (iso ? formatInstantIn(iso, lang, zone) : '');
    const yes = (b: boolean) => (lang === 'zh-CN' ? (b ? '是' : '否') : b ? 'yes' : 'no');
    const pick = (t: { en: string; zh: string }) => (lang === 'zh-CN' ? t.zh : t.en);
    return Object.fromEntries(
      Object.entries({
        discoveredAt: at(f.discoveredAt),
        occurredAt: at(f.occurredAt),
        containedAt: at(f.containedAt),
        handlingEndedAt: at(f.handlingEndedAt),
        piCategories: categoriesIn(f.piCategories, lang),
        sensitivePiCategories: categoriesIn(f.sensitivePiCategories, lang),
        individualsAffected: formatCount(f.individualsAffected, lang),
        recordsAffected: f.recordsAffected === null ? '' : formatCount(f.recordsAffected, lang),
        directLossRmb: formatCount(f.directLossRmb, lang),
        minorsInvolved: yes(f.minorsInvolved),
        individualsEstimated: yes(f.individualsEstimated),
        harmAvoided: yes(f.harmAvoided),
        ciiOperator: yes(ev.cii.effective),
        grade: pick(GRADE_NAMES[ev.gradeInForce]),
        state: pick(STATE_NAMES[l.row.state as keyof typeof STATE_NAMES]),
      }).map(([k, value]) => [`incident.${k}`, value]),
    );
  };
  return {
    ref: l.row.ref,
    title: f.title,
    values,
    localized: { 'zh-CN': { ...inLang('zh-CN'), ...texts.localized['zh-CN'] }, en: { ...inLang('en'), ...texts.localized.en } },
    fallbacks: texts.fallbacks,
  };
}

/**
 * A dispatched notice meets the obligation its kind stands for (NOTICE_KIND_MEETS) with the
 * dispatch date; an obligation already done keeps its mark. Either way the timeline shows the
 * notice. Runs inside the notice studio's dispatch transaction.
 */
function onDispatched(session: Session, recordId: string, d: { noticeId: string; noticeRef: string; kind: string; dispatchedAt: string; channel: string; conditions?: Record<string, boolean> }): void {
  if (!new IncidentsRepo(session.db).get(recordId)) return;
  const l = load(session, recordId);
  // CAC Measures Art. 7(2): a CAC report after a first report is its supplement.
  const firstReport = d.kind === 'incident.cac' && d.conditions?.firstReport === true;
  const key = d.kind === 'incident.cac' && l.done.get('cac.report')?.firstReport ? 'cac.supplement' : NOTICE_KIND_MEETS[d.kind];
  const label = key ? OBLIGATION_LABELS[key] : { en: `Notice (${d.kind})`, zh: `通知（${d.kind}）` };
  const meets = !!key && !l.done.has(key);
  if (key && meets) {
    const mark = {
      at: d.dispatchedAt,
      // The notice's reference (NTC-2026-0001), never its internal id.
      reference: d.noticeRef,
      note: `sent by ${d.channel}`,
      // GDPR Art. 33(1): the notice studio requires the delay reasons in a late Art. 33 notice itself.
      lateReason: key === 'gdpr33.authority' ? `See notice ${d.noticeRef}` : '',
      by: session.actor(),
      via: `notice:${d.noticeId}`,
      ...(firstReport && key === 'cac.report' ? { firstReport: true } : {}),
    };
    l.done.set(key, mark);
    new IncidentsRepo(session.db).saveObligation(recordId, {
      key,
      override: l.overrides.get(key) ? JSON.stringify(l.overrides.get(key)) : null,
      done: JSON.stringify(mark),
    });
  }
  addTimeline(session, recordId, 'notice', { action: 'noticeSent', params: { key: key ?? null, kind: d.kind, channel: d.channel, met: meets, noticeRef: d.noticeRef } }, d.dispatchedAt);
  touch(session, l);
  settle(session, l);
  session.audit.append({
    action: 'incidents.noticeDispatched',
    entity: 'incident',
    entityId: recordId,
    summary: `${l.row.ref}: notice ${d.kind} sent${meets ? ` — ${label.en} done` : ''}`,
    details: { ...d, obligationMet: meets ? key : null },
  });
}

export const incidentsNoticeSource: NoticeSource = { fields, onDispatched };
