import { registerActivity } from '../../components/activity';

// The overview's audit line (issue 17): its figures exported as a PDF page or a workbook.

const period = (p: Record<string, unknown>, zh: boolean) => {
  const label = (p.period as { label?: { en?: string; zh?: string } } | undefined)?.label;
  return (zh ? label?.zh : label?.en) ?? '';
};
const file = (p: Record<string, unknown>) => (typeof p.fileName === 'string' ? p.fileName : '');

registerActivity({
  'overview.export': {
    en: (p) => `Overview${period(p, false) ? ` ${period(p, false)}` : ''} exported${p.format ? ` as ${String(p.format).toUpperCase()}` : ''}${file(p) ? ` to ${file(p)}` : ''}`,
    'zh-CN': (p) => `导出工作概览${period(p, true) ? `（${period(p, true)}）` : ''}${p.format ? `为 ${String(p.format).toUpperCase()}` : ''}${file(p) ? `：${file(p)}` : ''}`,
  },
});
