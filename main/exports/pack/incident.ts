import { INCIDENT_FACT_LABELS, type Incident, type IncidentFacts } from '../../../preload/contract/incidents';
import { listRecordDeadlines } from '../../deadlines/service';
import { getIncident } from '../../incidents/queries';
import { GRADE_NAMES, STATE_NAMES } from '../../incidents/model';
import type { Session } from '../../shared/session';
import { JURISDICTION_NAMES, YES_NO } from '../labels';
import type { Localized } from '../model';
import { translatableText } from './common';
import type { TranslatableText } from '../../../preload/contract/common';
import { L, at, deadlineDecisionRows, decisionsBlock, noticesOf, noticesSection, timelineSection } from './common';
import type { PackSource } from './model';
import type { Section, Text } from './pdf';

// The regulator's incident file: facts, grade and its basis (and any override), every
// obligation with its rule, basis, due, done at and reference, the timeline, the DPO's decisions,
// the notices sent, and what the vault holds about it.

const OBLIGATION_STATE: Record<string, Localized> = {
  pending: L('pending', '待履行'),
  waiting: L('clock not started', '未起算'),
  done: L('done', '已完成'),
  notRequired: L('not required', '无须履行'),
};

function factValue(key: keyof IncidentFacts, facts: IncidentFacts): Text | null {
  const v = facts[key];
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'boolean') return v ? YES_NO.yes : YES_NO.no;
  // Issue 13: a free-text fact prints each language's version (the typed one where a translation is missing).
  if (typeof v === 'object' && !Array.isArray(v) && 'zh' in v && 'en' in v) return translatableText(v as TranslatableText);
  if (Array.isArray(v)) {
    if (key === 'jurisdictions') return { en: facts.jurisdictions.map((j) => JURISDICTION_NAMES[j].en).join(', '), zh: facts.jurisdictions.map((j) => JURISDICTION_NAMES[j].zh).join('、') };
    return v.length ? (v as string[]).join('、') : null;
  }
  if (typeof v === 'number') return v.toLocaleString('en');
  if (/At$/.test(key)) return at(v as string);
  return String(v);
}

function factsSection(i: Incident): Section {
  const keys = Object.keys(INCIDENT_FACT_LABELS) as (keyof IncidentFacts)[];
  return {
    heading: L('Facts', '事件事实'),
    blocks: [
      {
        kind: 'fields',
        rows: [
          [L('Reference', '编号'), i.ref],
          [L('State', '状态'), STATE_NAMES[i.state]],
          [L('Logged', '登记时间'), at(i.createdAt)],
          ...keys.map((k) => [INCIDENT_FACT_LABELS[k], factValue(k, i.facts)] as [Localized, Text | null]),
          [L('CII operator (in force)', '关键信息基础设施运营者（适用）'), i.ciiOperator.effective ? YES_NO.yes : YES_NO.no],
        ],
      },
    ],
  };
}

function gradeSection(i: Incident): Section {
  const g = i.grade;
  return {
    heading: L('Grade (CAC Incident Reporting Measures)', '事件分级（网信部门事件报告办法）'),
    blocks: [
      {
        kind: 'fields',
        rows: [
          [L('Grade in force', '适用定级'), GRADE_NAMES[g.value]],
          [L('Grade computed', '计算定级'), GRADE_NAMES[g.computed]],
          [L('Rule', '规则'), g.rule],
          [L('Basis', '依据'), g.basis],
          [L('Why', '理由'), g.explanation],
          [L('Override', '人工调整'), g.override ? { en: `${GRADE_NAMES[g.override.grade].en} — ${g.override.reason} (${g.override.by}, ${at(g.override.at)})`, zh: `${GRADE_NAMES[g.override.grade].zh}——${g.override.reason}（${g.override.by}，${at(g.override.at)}）` } : L('none', '无')],
          [L('Report to the CAC required', '须向网信部门报告'), g.cacReportRequired ? YES_NO.yes : YES_NO.no],
          [L('Audit order flag', '合规审计提示'), i.auditOrderFlag.flagged ? i.auditOrderFlag.explanation : L('not flagged', '未触发')],
        ],
      },
    ],
  };
}

function obligationsSection(i: Incident): Section {
  return {
    heading: L('Obligations', '报告与通知义务'),
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: L('Obligation', '义务'), width: 18 },
          { header: L('Rule and basis', '规则与依据'), width: 24 },
          { header: L('State', '状态'), width: 9 },
          { header: L('Due', '期限'), width: 16 },
          { header: L('Done at', '完成时间'), width: 16 },
          { header: L('Reference', '回执/编号'), width: 17 },
        ],
        rows: i.obligations.map((o) => [
          o.label,
          { en: `${o.rule.en}\n${o.basis.en}`, zh: `${o.rule.zh}\n${o.basis.zh}` },
          OBLIGATION_STATE[o.state],
          o.required ? (o.deadline?.clock === 'immediate' ? L('immediately', '立即') : at(o.dueAt)) : null,
          at(o.done?.at),
          [o.done?.reference, o.done?.lateReason ? `(${o.done.lateReason})` : ''].filter(Boolean).join('\n') || null,
        ]) as Text[][],
        empty: L('No obligation applies.', '无适用义务。'),
      },
    ],
  };
}

function decisionsSection(i: Incident, session: Session): Section {
  const rows: Text[][] = [];
  if (i.grade.override) rows.push([L('Grade', '定级'), GRADE_NAMES[i.grade.override.grade], `${i.grade.override.reason} (${i.grade.override.by}, ${at(i.grade.override.at)})`]);
  for (const o of i.obligations) {
    if (o.override) rows.push([o.label, o.override.required ? L('set required', '设为需要履行') : L('set not required', '设为无须履行'), `${o.override.reason} (${o.override.by}, ${at(o.override.at)})`]);
  }
  rows.push(...deadlineDecisionRows(listRecordDeadlines(session, 'incidents', i.id)));
  return {
    heading: L('Decisions and waivers', '决定与豁免'),
    // Stored data rendered as words: each timeline entry and decision keeps its own text.
    blocks: [decisionsBlock(rows, L('The DPO changed no computed result.', 'DPO 未调整任何计算结果。'))],
  };
}

export const incidentPack: PackSource = {
  recordModule: 'incidents',
  title: L('Personal information security incident — case report', '个人信息安全事件报告'),
  build(session, id) {
    const i = getIncident(session, id);
    const notices = noticesOf(session, 'incidents', id);
    // Until records link to each other directly, a transfer or request is linked through a notice that names both.
    const linked = new Map<string, { module: string; recordId: string }>();
    for (const l of notices.flatMap((n) => n.links)) if (!(l.module === 'incidents' && l.recordId === id)) linked.set(`${l.module}:${l.recordId}`, l);
    return {
      ref: i.ref,
      title: i.facts.title,
      sections: [factsSection(i), gradeSection(i), obligationsSection(i), timelineSection(i.timeline), decisionsSection(i, session), noticesSection(notices)],
      linked: [...linked.values()],
      files: notices.flatMap((n) => n.texts.map((t) => ({ path: t.name, content: t.text }))),
      notices,
      audit: [
        { entity: 'incident', entityId: id },
        ...notices.map((n) => ({ entity: 'notice', entityId: n.id })),
        ...listRecordDeadlines(session, 'incidents', id).map((d) => ({ entity: 'deadline', entityId: d.id })),
      ],
    };
  },
};
