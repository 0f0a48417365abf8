import { registerActivity, type ActivityMessage } from './activity';

// Links between records (renderer/components/LinksCard.tsx), in the audit log.

const both = (en: ActivityMessage, zh: ActivityMessage) => ({ en, 'zh-CN': zh });
const refOf = (side: unknown) => String((side as { ref?: string } | undefined)?.ref ?? '');

registerActivity({
  'links.create': both(
    (p) => `${refOf(p.from)} linked to ${refOf(p.to)}${p.role === 'incidentAtRecipient' ? ' (incident at the overseas recipient)' : ''}`,
    (p) => `${refOf(p.from)} 与 ${refOf(p.to)} 建立关联${p.role === 'incidentAtRecipient' ? '（境外接收方发生的事件）' : ''}`,
  ),
  'records.void': both((p, h) => `${h.ref ? `${h.ref} ` : ''}voided as created by mistake${h.dash(p.reason)}`, (p, h) => `${h.ref ? `${h.ref} ` : ''}作为误建记录作废${h.dash(p.reason)}`),
  'records.restore': both((p, h) => `${h.ref ? `${h.ref} ` : ''}restored${h.dash(p.reason)}`, (p, h) => `${h.ref ? `${h.ref} ` : ''}已恢复${h.dash(p.reason)}`),
  'links.remove': both((p) => `${refOf(p.from)} unlinked from ${refOf(p.to)}`, (p) => `${refOf(p.from)} 与 ${refOf(p.to)} 取消关联`),
});
