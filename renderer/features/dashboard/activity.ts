import { registerActivity, type ActivityMessage } from '../../components/activity';

// The deadline board's audit lines (the DPO's own acts on a clock).

const both = (en: ActivityMessage, zh: ActivityMessage) => ({ en, 'zh-CN': zh });

registerActivity({
  'deadlines.waive': both((p, h) => `${h.ref}: deadline waived${h.dash(p.reason)}`, (p, h) => `${h.ref}：期限已豁免${h.dash(p.reason)}`),
  'deadlines.override': both(
    (p, h) => `${h.ref}: due date moved from ${h.instant(p.before)} to ${h.instant(p.after)}${h.dash(p.reason)}`,
    (p, h) => `${h.ref}：到期时间由 ${h.instant(p.before)} 改为 ${h.instant(p.after)}${h.dash(p.reason)}`,
  ),
});
