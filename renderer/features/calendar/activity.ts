import { registerActivity, type ActivityMessage } from '../../components/activity';

// Holiday calendars in the audit log.

const both = (en: ActivityMessage, zh: ActivityMessage) => ({ en, 'zh-CN': zh });

registerActivity({
  'calendar.import': both((p, h) => `Holiday calendar ${h.id} imported (${h.n(p.recomputed)} deadlines recomputed)`, (p, h) => `已导入节假日安排 ${h.id}（重新计算 ${h.n(p.recomputed)} 个期限）`),
  'calendar.upsertYear': both((p, h) => `Holiday calendar ${h.id} edited (${h.n(p.recomputed)} deadlines recomputed)`, (p, h) => `已编辑节假日安排 ${h.id}（重新计算 ${h.n(p.recomputed)} 个期限）`),
});
