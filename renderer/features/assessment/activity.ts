import { registerActivity } from '../../components/activity';

// The guided breach assessment's audit lines (issue 17) in both languages, from the stored parameters.

const steps: Record<string, { en: string; zh: string }> = {
  what: { en: 'what happened', zh: '事件经过' },
  categories: { en: 'categories', zh: '信息类别' },
  people: { en: 'people', zh: '涉及人数' },
  protection: { en: 'protection', zh: '加密情况' },
  containment: { en: 'containment', zh: '控制措施' },
  cii: { en: 'CII operator', zh: '关键信息基础设施' },
  review: { en: 'review', zh: '核对' },
};
const step = (v: unknown, zh: boolean) => (typeof v === 'string' && steps[v] ? (zh ? steps[v].zh : steps[v].en) : '');
const title = (v: unknown, zh: boolean) => (typeof v === 'string' && v.trim() ? (zh ? `：${v.trim()}` : `: ${v.trim()}`) : '');

registerActivity({
  'assessment.saveDraft': {
    en: (p) => `${p.created ? 'Breach assessment started' : `Breach assessment saved${step(p.step, false) ? ` at “${step(p.step, false)}”` : ''}`}${title(p.title, false)}`,
    'zh-CN': (p) => `${p.created ? '开始事件评估' : `事件评估已保存${step(p.step, true) ? `（${step(p.step, true)}）` : ''}`}${title(p.title, true)}`,
  },
  'assessment.discard': {
    en: (p) => `Breach assessment discarded${title(p.title, false)}`,
    'zh-CN': (p) => `事件评估已放弃${title(p.title, true)}`,
  },
  'assessment.log': {
    en: (p, h) => `Breach assessment logged as incident ${String(p.ref ?? h.ref ?? '')}`.trim(),
    'zh-CN': (p, h) => `事件评估已登记为事件 ${String(p.ref ?? h.ref ?? '')}`.trim(),
  },
});
