import type { Language } from '../../preload/contract/common';
import type { OverviewFigures } from '../../preload/contract/overview';
import type { RegimeCode } from '../../preload/contract/rules';
import { MODULE_NAMES } from '../exports/labels';
import type { Localized } from '../exports/model';
import { GRADE_NAMES, GRADE_ORDER } from '../incidents/model';
import { CHOSEN_ROUTE_NAMES } from '../transfers/export';
import { FILING_STATE_NAME } from '../transfers/model';

// The overview's figures as tables (header + rows of cells), the one shape both the PDF page and
// the XLSX workbook print. Words for the codes live with their modules; the regimes' names are
// the catalogue's regime codes in words.

export const REGIME_NAMES: Record<RegimeCode, Localized> = {
  CN: { en: 'PRC', zh: '中国' },
  EU: { en: 'EU', zh: '欧盟' },
  UK: { en: 'UK', zh: '英国' },
  US: { en: 'US (federal)', zh: '美国（联邦）' },
  'US-CA': { en: 'California', zh: '加州' },
  'US-NY': { en: 'New York', zh: '纽约州' },
  'US-TX': { en: 'Texas', zh: '得克萨斯州' },
  'US-CO': { en: 'Colorado', zh: '科罗拉多州' },
  'US-WA': { en: 'Washington', zh: '华盛顿州' },
  'US-FL': { en: 'Florida', zh: '佛罗里达州' },
  policy: { en: 'Privacy policy', zh: '隐私政策' },
};

const L = (en: string, zh: string): Localized => ({ en, zh });
export const pickText = (t: Localized, language: Language): string => (language === 'zh-CN' ? t.zh : t.en);

export type Cell = string | number | null;
export interface FigureTable {
  key: 'obligations' | 'requests' | 'incidents' | 'transfers' | 'thresholds' | 'timeline';
  title: Localized;
  columns: { header: Localized; type: 'text' | 'number' | 'percent' }[];
  rows: Cell[][];
  /** A closing total row, when the figure has one. */
  total?: Cell[];
  note?: Localized;
}

const num = (header: Localized) => ({ header, type: 'number' as const });
const text = (header: Localized) => ({ header, type: 'text' as const });
const TOTAL = L('Total', '合计');

/** zh-CN "2026年11月", English "Nov 2026". */
export function monthName(month: string, language: Language): string {
  const [y, m] = month.split('-').map(Number);
  return language === 'zh-CN' ? `${y}年${m}月` : `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
}

/** zh-CN "2026年第四季度", English "Q4 2026". */
export function quarterName(quarter: string, language: Language): string {
  const [y, q] = [quarter.slice(0, 4), Number(quarter.slice(-1))];
  return language === 'zh-CN' ? `${y}年第${'一二三四'[q - 1]}季度` : `Q${q} ${y}`;
}

export function figureTables(f: OverviewFigures, language: Language): FigureTable[] {
  const p = (t: Localized) => pickText(t, language);
  const o = f.obligations;
  const r = f.requests;
  const inc = f.incidents;
  return [
    {
      key: 'obligations',
      title: L('Open obligations by regime', '按法域统计的未完成义务'),
      columns: [text(L('Regime', '法域')), num(L('Overdue', '已逾期')), num(L('Due soon', '即将到期')), num(L('Open', '进行中'))],
      rows: o.byRegime.map((x) => [p(x.name), x.overdue, x.dueSoon, x.open]),
      total: [p(TOTAL), o.total.overdue, o.total.dueSoon, o.total.open],
      note: L(`Now; due soon = within ${o.dueSoonHours} hours or "immediately".`, `截至当前；即将到期 = ${o.dueSoonHours} 小时内到期或须“立即”履行。`),
    },
    {
      key: 'requests',
      title: L('Requests received and answered per month', '每月收到和答复的请求'),
      columns: [text(L('Month', '月份')), num(L('Received', '收到')), num(L('Answered', '已答复')), num(L('Answered on time', '按时答复')), { header: L('On time', '按时率'), type: 'percent' }, num(L('Median days to answer', '答复天数中位数'))],
      rows: r.months.map((m) => [monthName(m.month, language), m.received, m.answered, m.answeredOnTime, m.onTimePercent, m.medianDays]),
      total: [p(TOTAL), r.total.received, r.total.answered, r.total.answeredOnTime, r.total.onTimePercent, r.total.medianDays],
      note: L('Answered = reply sent in the month; on time = by the reply deadline.', '已答复 = 当月发出答复；按时 = 在答复期限内发出。'),
    },
    {
      key: 'incidents',
      title: L('Incidents per quarter by CAC grade', '按季度和网信定级统计的安全事件'),
      columns: [text(L('Quarter', '季度')), ...GRADE_ORDER.map((g) => num(GRADE_NAMES[g])), num(TOTAL)],
      rows: inc.quarters.map((q) => [quarterName(q.quarter, language) + (q.months.length < 3 ? ` (${q.months.map((m) => monthName(m, language)).join(', ')})` : ''), ...GRADE_ORDER.map((g) => q.byGrade[g]), q.total]),
      total: [p(TOTAL), ...GRADE_ORDER.map((g) => inc.total[g]), inc.total.total],
      note: L('By the quarter of discovery (Beijing time) and the grade in force.', '按发现时间所在季度（北京时间）及现行定级统计。'),
    },
    {
      key: 'transfers',
      title: L('Transfers by route and filing state', '按出境路径和备案状态统计的数据出境'),
      columns: [text(L('Route chosen', '所选路径')), num(TOTAL), ...Object.keys(f.transfers.byRoute[0]?.byFilingState ?? {}).map((s) => num(FILING_STATE_NAME[s as keyof typeof FILING_STATE_NAME]))],
      rows: f.transfers.byRoute.map((x) => [p(CHOSEN_ROUTE_NAMES[x.route]), x.total, ...Object.values(x.byFilingState)]),
      total: [p(TOTAL), f.transfers.total, ...Object.keys(f.transfers.byRoute[0]?.byFilingState ?? {}).map((s) => f.transfers.byRoute.reduce((n, x) => n + x.byFilingState[s as keyof typeof x.byFilingState], 0))],
    },
    {
      key: 'thresholds',
      title: L(`Company totals ${f.transfers.thresholds.year} against the route thresholds`, `${f.transfers.thresholds.year}年公司累计出境人数与路径门槛`),
      columns: [text(L('Threshold', '门槛')), num(L('Individuals so far', '已累计人数')), num(L('Threshold at', '门槛人数')), text(L('Reached', '是否达到'))],
      rows: f.transfers.thresholds.bars.map((b) => [p(b.label), b.count, b.limit, b.reached ? p(L('yes', '是')) : p(L('no', '否'))]),
      note: f.transfers.thresholds.reason,
    },
    {
      key: 'timeline',
      title: L('Deadlines in the next 30 days', '未来30天的期限'),
      columns: [text(L('Day', '日期')), ...(['incidents', 'transfers', 'inbox', 'notices', 'governance'] as const).map((m) => num(MODULE_NAMES[m])), num(TOTAL)],
      rows: f.timeline.days.map((d) => [d.date, d.byModule.incidents, d.byModule.transfers, d.byModule.inbox, d.byModule.notices, d.byModule.governance, d.total]),
      total: [p(TOTAL), ...(['incidents', 'transfers', 'inbox', 'notices', 'governance'] as const).map((m) => f.timeline.days.reduce((n, d) => n + d.byModule[m], 0)), f.timeline.total],
      note: L(`Days in ${f.timeline.zone}.`, `日期按 ${f.timeline.zone} 时区计算。`),
    },
  ];
}

export const OVERVIEW_TITLE = L('Privacy programme overview', '个人信息保护工作概览');
