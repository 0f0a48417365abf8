import type { Language, LocalizedText } from './common';
import { INCIDENT_FACT_LABELS, INCIDENT_OBLIGATION_LABELS, type IncidentFacts } from './incidents';

// What an incident's timeline says, from the stored action and parameters (CONVENTIONS.md: store
// what happened as data, render it as words). One wording for the screen (renderer/features/
// incidents/activity.ts registers it in the activity registry, in the UI language) and for main
// (the record's text in both languages: evidence pack, file panel, search). Pure.

/** The timeline's actions; stored as `incidentTimeline.<action>` beside their parameters. */
export const INCIDENT_TIMELINE_ACTIONS = [
  'created',
  'factsChanged',
  'stateChanged',
  'note',
  'obligationDone',
  'obligationWithdrawn',
  'obligationOverride',
  'followUp',
  'gradeOverride',
  'noticeSent',
  'voided',
  'restored',
  'ciiRecomputed',
] as const;
export type IncidentTimelineAction = (typeof INCIDENT_TIMELINE_ACTIONS)[number];
export const timelineActionCode = (a: IncidentTimelineAction) => `incidentTimeline.${a}`;

export const INCIDENT_STATE_NAMES: Record<string, LocalizedText> = {
  detected: { en: 'Detected', zh: '已发现' },
  assessing: { en: 'Assessing', zh: '评估中' },
  contained: { en: 'Contained', zh: '已控制' },
  notifying: { en: 'Notifying', zh: '通知中' },
  monitoring: { en: 'Monitoring', zh: '监测中' },
  closed: { en: 'Closed', zh: '已关闭' },
};

export const CAC_GRADE_NAMES: Record<string, LocalizedText> = {
  general: { en: 'General', zh: '一般' },
  relativelyMajor: { en: 'Relatively major', zh: '较大' },
  major: { en: 'Major', zh: '重大' },
  particularlyMajor: { en: 'Particularly major', zh: '特别重大' },
};

/** How a notice went out, in words (the timeline line "通知已通过电子邮件发出"). */
export const NOTICE_CHANNEL_WORDS: Record<string, LocalizedText> = {
  email: { en: 'e-mail', zh: '电子邮件' },
  letter: { en: 'letter', zh: '信函' },
  sms: { en: 'SMS', zh: '短信' },
  push: { en: 'push notification', zh: '推送通知' },
  announcement: { en: 'public announcement', zh: '公告' },
  portal: { en: 'in-app or portal notice', zh: '应用内或网站通知' },
  phone: { en: 'telephone', zh: '电话' },
};

/** Values of the coded facts, as a fact change on the timeline names them. */
const FACT_VALUE_WORDS: Partial<Record<keyof IncidentFacts, Record<string, LocalizedText>>> = {
  gdprRisk: {
    none: { en: 'unlikely to result in a risk', zh: '不太可能产生风险' },
    risk: { en: 'risk', zh: '有风险' },
    high: { en: 'high risk', zh: '高风险' },
  },
  gdpr34Exception: {
    unintelligible: { en: 'data unintelligible', zh: '数据不可读' },
    riskRemoved: { en: 'high risk removed by later measures', zh: '后续措施已消除高风险' },
    disproportionate: { en: 'disproportionate effort', zh: '需付出不成比例的努力' },
  },
};

/** The formatters the caller supplies: the screen's (display zone) or main's. */
export interface TimelineWords {
  lang: Language;
  instant(iso: unknown): string;
  n(value: unknown): string;
}

type Params = Record<string, unknown>;
const word = (t: LocalizedText | undefined, lang: Language, fallback: string) => (t ? (lang === 'zh-CN' ? t.zh : t.en) : fallback);
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const dash = (v: unknown, lang: Language) => (typeof v === 'string' && v.trim() ? (lang === 'zh-CN' ? `——${v.trim()}` : ` — ${v.trim()}`) : '');
const paren = (v: unknown, lang: Language) => (str(v) ? (lang === 'zh-CN' ? `（${str(v)}）` : ` (${str(v)})`) : '');
const duty = (key: unknown, lang: Language) => word(INCIDENT_OBLIGATION_LABELS[str(key)], lang, lang === 'zh-CN' ? '义务' : 'Obligation');
const yesNo = (v: boolean, lang: Language) => (lang === 'zh-CN' ? (v ? '是' : '否') : v ? 'yes' : 'no');

/** A fact's value as the timeline shows it: numbers with separators, instants in the zone, codes in words. */
export function factValueText(key: string, v: unknown, h: TimelineWords): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return '—';
  if (typeof v === 'boolean') return yesNo(v, h.lang);
  if (typeof v === 'number') return h.n(v);
  if (Array.isArray(v)) return v.map((x) => factValueText(key, x, h)).join(h.lang === 'zh-CN' ? '、' : ', ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // a bilingual value ({en, zh}) in its language; otherwise "US-NY: 1,000, …"
    if (typeof o.en === 'string' && typeof o.zh === 'string') return factValueText(key, h.lang === 'zh-CN' ? o.zh || o.en : o.en || o.zh, h);
    return Object.entries(o).map(([k, x]) => `${k}: ${factValueText(key, x, h)}`).join(h.lang === 'zh-CN' ? '，' : ', ');
  }
  const s = String(v);
  const coded = FACT_VALUE_WORDS[key as keyof IncidentFacts]?.[s];
  if (coded) return word(coded, h.lang, s);
  if (/At$/.test(key) && /^\d{4}-\d\d-\d\dT/.test(s)) return h.instant(s);
  return s;
}

const TEXT: Record<IncidentTimelineAction, Record<Language, (p: Params, h: TimelineWords) => string>> = {
  created: { en: (p) => `Logged: ${str(p.title)}`, 'zh-CN': (p) => `登记：${str(p.title)}` },
  factsChanged: {
    en: (p, h) => changes(p).map((c) => `${word(INCIDENT_FACT_LABELS[c.key as keyof IncidentFacts], 'en', c.key)}: ${factValueText(c.key, c.from, h)} → ${factValueText(c.key, c.to, h)}`).join('; '),
    'zh-CN': (p, h) => changes(p).map((c) => `${word(INCIDENT_FACT_LABELS[c.key as keyof IncidentFacts], 'zh-CN', c.key)}：${factValueText(c.key, c.from, h)} → ${factValueText(c.key, c.to, h)}`).join('；'),
  },
  stateChanged: {
    en: (p) => `${word(INCIDENT_STATE_NAMES[str(p.from)], 'en', '—')} → ${word(INCIDENT_STATE_NAMES[str(p.to)], 'en', '—')}${dash(p.reason, 'en')}${pending(p).length ? ` (closed with pending: ${pending(p).map((k) => duty(k, 'en')).join('; ')})` : ''}`,
    'zh-CN': (p) => `${word(INCIDENT_STATE_NAMES[str(p.from)], 'zh-CN', '—')} → ${word(INCIDENT_STATE_NAMES[str(p.to)], 'zh-CN', '—')}${dash(p.reason, 'zh-CN')}${pending(p).length ? `（关闭时仍待履行：${pending(p).map((k) => duty(k, 'zh-CN')).join('；')}）` : ''}`,
  },
  note: { en: (p) => str(p.text), 'zh-CN': (p) => str(p.text) },
  obligationDone: {
    en: (p) => `${duty(p.key, 'en')}: done${paren(p.reference, 'en')}${p.firstReport ? ' — first report, items (1) and (2); the rest to be supplemented' : ''}${dash(p.note, 'en')}`,
    'zh-CN': (p) => `${duty(p.key, 'zh-CN')}：已完成${paren(p.reference, 'zh-CN')}${p.firstReport ? '——首次报告（第（一）（二）项），其余内容待补报' : ''}${dash(p.note, 'zh-CN')}`,
  },
  obligationWithdrawn: {
    en: (p) => `${duty(p.key, 'en')}: done mark withdrawn${dash(p.reason, 'en')}`,
    'zh-CN': (p) => `${duty(p.key, 'zh-CN')}：撤销完成标记${dash(p.reason, 'zh-CN')}`,
  },
  obligationOverride: {
    en: (p) => `${duty(p.key, 'en')}: set ${p.required === true ? 'required' : p.required === false ? 'not required' : 'back to the computed result'} by the DPO${dash(p.reason, 'en')}`,
    'zh-CN': (p) => `${duty(p.key, 'zh-CN')}：DPO 设为${p.required === true ? '需要履行' : p.required === false ? '无须履行' : '恢复为计算结果'}${dash(p.reason, 'zh-CN')}`,
  },
  followUp: {
    en: (p) => `CAC follow-up report${paren(p.reference, 'en')}${str(p.note) ? `: ${str(p.note)}` : ''}`,
    'zh-CN': (p) => `向网信部门续报${paren(p.reference, 'zh-CN')}${str(p.note) ? `：${str(p.note)}` : ''}`,
  },
  gradeOverride: {
    en: (p) =>
      p.removed
        ? `Grade back to the computed ${word(CAC_GRADE_NAMES[str(p.computed)], 'en', '—')} by the DPO${dash(p.reason, 'en')}`
        : `Grade set to ${word(CAC_GRADE_NAMES[str(p.grade)], 'en', '—')} by the DPO (computed: ${word(CAC_GRADE_NAMES[str(p.computed)], 'en', '—')})${dash(p.reason, 'en')}`,
    'zh-CN': (p) =>
      p.removed
        ? `DPO 将定级恢复为计算结果（${word(CAC_GRADE_NAMES[str(p.computed)], 'zh-CN', '—')}）${dash(p.reason, 'zh-CN')}`
        : `DPO 将定级设为${word(CAC_GRADE_NAMES[str(p.grade)], 'zh-CN', '—')}（计算结果：${word(CAC_GRADE_NAMES[str(p.computed)], 'zh-CN', '—')}）${dash(p.reason, 'zh-CN')}`,
  },
  noticeSent: {
    en: (p) => `${p.key ? duty(p.key, 'en') : 'Notice'}: ${p.met ? 'done — ' : ''}notice sent by ${word(NOTICE_CHANNEL_WORDS[str(p.channel)], 'en', 'another channel')}`,
    'zh-CN': (p) => `${p.key ? duty(p.key, 'zh-CN') : '通知'}：${p.met ? '已完成——' : ''}通知已通过${word(NOTICE_CHANNEL_WORDS[str(p.channel)], 'zh-CN', '其他方式')}发出`,
  },
  voided: { en: (p) => `Voided as created by mistake${dash(p.reason, 'en')}`, 'zh-CN': (p) => `作为误建记录作废${dash(p.reason, 'zh-CN')}` },
  restored: { en: () => 'Restored (no longer void)', 'zh-CN': () => '已恢复（撤销作废）' },
  ciiRecomputed: {
    en: (p) => `CII operator default changed in Settings (now ${yesNo(p.cii === true, 'en')}): obligations recomputed`,
    'zh-CN': (p) => `设置中的关键信息基础设施运营者默认值已更改（现为${yesNo(p.cii === true, 'zh-CN')}）：义务已重新计算`,
  },
};

const changes = (p: Params) => (Array.isArray(p.changes) ? (p.changes as { key: string; from: unknown; to: unknown }[]) : []);
const pending = (p: Params) => (Array.isArray(p.pending) ? (p.pending as string[]) : []);

/** The entry in words, or null when the action is not one of the timeline's (the stored text then reads). */
export function incidentTimelineText(action: string | null, params: Params | null, h: TimelineWords): string | null {
  const name = action?.startsWith('incidentTimeline.') ? (action.slice('incidentTimeline.'.length) as IncidentTimelineAction) : null;
  const message = name && Object.hasOwn(TEXT, name) ? TEXT[name][h.lang] : null;
  return message ? message(params ?? {}, h) : null;
}
