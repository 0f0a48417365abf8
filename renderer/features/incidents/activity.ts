import type { Language, LocalizedText } from '../../../preload/contract/common';
import { INCIDENT_TIMELINE_ACTIONS, incidentTimelineText, timelineActionCode } from '../../../preload/contract/incident-timeline';
import { INCIDENT_FACT_LABELS, INCIDENT_OBLIGATION_LABELS } from '../../../preload/contract/incidents';
import { registerActivity, type ActivityHelpers, type ActivityMessage } from '../../components/activity';
import { incidentsText } from './i18n';

// The incident register's audit lines and its timeline in both languages, from the stored action
// and parameters. The timeline's wording is shared with main (preload/contract/incident-timeline.ts).

const w = (lang: Language, key: string): string => (incidentsText[lang] as Record<string, string>)[key] ?? key;
const pick = (t: LocalizedText | undefined, lang: Language, fallback: string) => (t ? (lang === 'zh-CN' ? t.zh : t.en) : fallback);
const duty = (key: unknown, lang: Language) => pick(INCIDENT_OBLIGATION_LABELS[String(key)], lang, String(key));
const fact = (key: string, lang: Language) => pick(INCIDENT_FACT_LABELS[key as keyof typeof INCIDENT_FACT_LABELS], lang, key);
const head = (h: ActivityHelpers) => (h.ref ? (h.lang === 'zh-CN' ? `${h.ref}：` : `${h.ref}: `) : '');
const both = (en: ActivityMessage, zh: ActivityMessage) => ({ en, 'zh-CN': zh });
const grade = (p: Record<string, unknown>, lang: Language) => (p.grade ? w(lang, `g_${String(p.grade)}`) : '');

registerActivity({
  'incidents.create': both(
    (p, h) => `Incident ${h.ref} logged: ${String((p.facts as { title?: string } | undefined)?.title ?? '')} (${grade(p, 'en')})`,
    (p, h) => `登记事件 ${h.ref}：${String((p.facts as { title?: string } | undefined)?.title ?? '')}（${grade(p, 'zh-CN')}）`,
  ),
  'incidents.update': both(
    (p, h) => `${head(h)}facts changed: ${((p.changed as string[]) ?? []).map((k) => fact(k, 'en')).join(', ')}`,
    (p, h) => `${head(h)}事实已更改：${((p.changed as string[]) ?? []).map((k) => fact(k, 'zh-CN')).join('、')}`,
  ),
  'incidents.transition': both(
    (p, h) => `${head(h)}${w('en', `s_${String(p.from)}`)} → ${w('en', `s_${String(p.to)}`)}${h.dash(p.reason)}`,
    (p, h) => `${head(h)}${w('zh-CN', `s_${String(p.from)}`)} → ${w('zh-CN', `s_${String(p.to)}`)}${h.dash(p.reason)}`,
  ),
  'incidents.addNote': both((_p, h) => `${head(h)}note: ${h.s('text')}`, (_p, h) => `${head(h)}备注：${h.s('text')}`),
  'incidents.markObligation': both(
    (p, h) => {
      const m = p.after as { reference?: string; note?: string } | null;
      return m ? `${head(h)}${duty(p.key, 'en')} done${m.reference ? ` (${m.reference})` : ''}${h.dash(m.note)}` : `${head(h)}${duty(p.key, 'en')}: done mark withdrawn${h.dash(p.reason)}`;
    },
    (p, h) => {
      const m = p.after as { reference?: string; note?: string } | null;
      return m ? `${head(h)}${duty(p.key, 'zh-CN')}已完成${m.reference ? `（${m.reference}）` : ''}${h.dash(m.note)}` : `${head(h)}${duty(p.key, 'zh-CN')}：撤销完成标记${h.dash(p.reason)}`;
    },
  ),
  'incidents.overrideObligation': both(
    (p, h) => `${head(h)}${duty(p.key, 'en')} set to ${p.after ? ((p.after as { required: boolean }).required ? 'required' : 'not required') : 'the computed result'} by the DPO${h.dash(p.reason)}`,
    (p, h) => `${head(h)}DPO 将${duty(p.key, 'zh-CN')}设为${p.after ? ((p.after as { required: boolean }).required ? '需要履行' : '无须履行') : '计算结果'}${h.dash(p.reason)}`,
  ),
  'incidents.overrideGrade': both(
    (p, h) => `${head(h)}grade set to ${p.after ? w('en', `g_${(p.after as { grade: string }).grade}`) : `the computed ${w('en', `g_${String(p.computed)}`)}`}${h.dash(p.reason)}`,
    (p, h) => `${head(h)}定级设为${p.after ? w('zh-CN', `g_${(p.after as { grade: string }).grade}`) : `计算结果（${w('zh-CN', `g_${String(p.computed)}`)}）`}${h.dash(p.reason)}`,
  ),
  'incidents.noticeDispatched': both(
    (p, h) => `${head(h)}notice sent${p.obligationMet ? `: ${duty(p.obligationMet, 'en')} done` : ''}`,
    (p, h) => `${head(h)}通知已发出${p.obligationMet ? `：${duty(p.obligationMet, 'zh-CN')}已完成` : ''}`,
  ),
  'incidents.recordFollowUp': both(
    (p, h) => `${head(h)}follow-up report to the CAC recorded${h.s('reference') ? ` (${h.s('reference')})` : ''}${h.dash(p.note)}`,
    (p, h) => `${head(h)}已记录向网信部门的后续报告${h.s('reference') ? `（${h.s('reference')}）` : ''}${h.dash(p.note)}`,
  ),
});

registerActivity(
  Object.fromEntries(
    INCIDENT_TIMELINE_ACTIONS.map((a) => {
      const code = timelineActionCode(a);
      const say: ActivityMessage = (p, h) => incidentTimelineText(code, p, h) ?? '';
      return [code, both(say, say)];
    }),
  ),
);
