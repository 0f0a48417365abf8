import type { z } from 'zod';
import type { IncidentListItem, ListIncidents } from '../../preload/contract/incidents';
import type { Deadline } from '../../preload/contract/deadlines';
import { listRecordDeadlines } from '../deadlines/service';
import { DEADLINE_STATE_NAMES, JURISDICTION_NAMES, YES_NO, joinList } from '../exports/labels';
import { EXPORT_PAGE, pick, type Column, type RegisterSource } from '../exports/model';
import type { Session } from '../shared/session';
import { GRADE_NAMES, OBLIGATION_KEYS, OBLIGATION_LABELS, STATE_NAMES, type ObligationKey } from './model';
import { listIncidents } from './queries';
import { evaluate, load } from './record';

// The incident register as the list shows it (same filters and sort), one row per incident,
// with each obligation's state, due, done at and reference beside the grade.

export type IncidentFilter = Omit<z.output<typeof ListIncidents>, 'cursor' | 'limit'>;

interface Row {
  item: IncidentListItem;
  computedGrade: string;
  override: { reason: string } | null;
  obligations: Map<ObligationKey, { required: boolean; state: string; due: Deadline | undefined; doneAt: string | null; reference: string }>;
}

const NOT_REQUIRED = { en: 'not required', zh: '无须履行' };
const DONE = { en: 'done', zh: '已完成' };
const WAITING = { en: 'clock not started', zh: '未起算' };

function obligationColumns(key: ObligationKey): Column<Row>[] {
  const label = OBLIGATION_LABELS[key];
  const o = (r: Row) => r.obligations.get(key);
  return [
    {
      header: { en: `${label.en}: status`, zh: `${label.zh}：状态` },
      type: 'text',
      width: 16,
      value: (r, lang) => {
        const x = o(r);
        if (!x || !x.required) return pick(NOT_REQUIRED, lang);
        if (x.state === 'done') return pick(DONE, lang);
        if (!x.due) return pick(WAITING, lang);
        return pick(DEADLINE_STATE_NAMES[x.due.state] ?? { en: x.due.state, zh: x.due.state }, lang);
      },
    },
    { header: { en: `${label.en}: due`, zh: `${label.zh}：期限` }, type: 'instant', width: 18, value: (r) => (o(r)?.required ? (o(r)?.due?.dueAt ?? null) : null) },
    { header: { en: `${label.en}: done at`, zh: `${label.zh}：完成时间` }, type: 'instant', width: 18, value: (r) => o(r)?.doneAt ?? null },
    { header: { en: `${label.en}: reference`, zh: `${label.zh}：回执/编号` }, type: 'text', width: 18, value: (r) => o(r)?.reference || null },
  ];
}

const columns: Column<Row>[] = [
  { header: { en: 'Reference', zh: '编号' }, type: 'text', width: 16, value: (r) => r.item.ref },
  { header: { en: 'Title', zh: '标题' }, type: 'text', width: 40, value: (r) => r.item.title },
  { header: { en: 'State', zh: '状态' }, type: 'text', width: 12, value: (r, l) => pick(STATE_NAMES[r.item.state], l) },
  { header: { en: 'Grade', zh: '定级' }, type: 'text', width: 14, value: (r, l) => pick(GRADE_NAMES[r.item.grade], l) },
  { header: { en: 'Grade computed', zh: '计算定级' }, type: 'text', width: 14, value: (r, l) => pick(GRADE_NAMES[r.computedGrade as keyof typeof GRADE_NAMES], l) },
  { header: { en: 'Grade override reason', zh: '定级调整理由' }, type: 'text', width: 30, value: (r) => r.override?.reason ?? null },
  { header: { en: 'Discovered', zh: '发现时间' }, type: 'instant', width: 18, value: (r) => r.item.discoveredAt },
  { header: { en: 'People affected', zh: '受影响人数' }, type: 'number', width: 12, value: (r) => r.item.individualsAffected },
  { header: { en: 'Jurisdictions', zh: '涉及法域' }, type: 'text', width: 18, value: (r, l) => joinList(r.item.jurisdictions.map((j) => pick(JURISDICTION_NAMES[j], l)), l) },
  { header: { en: 'Next due', zh: '最近期限' }, type: 'instant', width: 18, value: (r) => r.item.nextDueAt },
  { header: { en: 'Overdue', zh: '已逾期' }, type: 'text', width: 8, value: (r, l) => pick(r.item.hasOverdue ? YES_NO.yes : YES_NO.no, l) },
  ...OBLIGATION_KEYS.flatMap(obligationColumns),
];

function row(session: Session, item: IncidentListItem): Row {
  const l = load(session, item.id);
  const ev = evaluate(session, l);
  const deadlines = new Map(listRecordDeadlines(session, 'incidents', item.id).map((d) => [d.key, d]));
  const obligations: Row['obligations'] = new Map();
  for (const o of ev.obligations) {
    obligations.set(o.plan.key, { required: o.required, state: o.state, due: deadlines.get(o.plan.key), doneAt: o.done?.at ?? null, reference: o.done?.reference ?? '' });
  }
  return { item, computedGrade: ev.grade.grade, override: l.gradeOverride, obligations };
}

export const incidentRegister: RegisterSource<IncidentFilter, Row> = {
  sheetName: { en: 'Incidents', zh: '安全事件台账' },
  columns,
  *pages(session, filter) {
    let cursor: string | null = null;
    do {
      const page = listIncidents(session, { ...filter, cursor, limit: EXPORT_PAGE });
      yield page.items.map((i) => row(session, i));
      cursor = page.nextCursor;
    } while (cursor);
  },
  count(session, filter) {
    const page = listIncidents(session, { ...filter, cursor: null, limit: 1 });
    return page.totalCapped ? null : page.total;
  },
};
