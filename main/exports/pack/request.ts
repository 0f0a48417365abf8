import type { InboxRequest } from '../../../preload/contract/inbox';
import { originalMessages } from '../../inbox/evidence';
import { HOLD_BASIS, REQUEST_TYPE_BASIS, REQUEST_TYPE_LABEL } from '../../inbox/model';
import { getRequest } from '../../inbox/query';
import { DECISION_NAMES, REQUEST_STATE_NAMES } from '../../inbox/register';
import { JURISDICTION_NAMES, YES_NO } from '../labels';
import type { Localized } from '../model';
import { L, at, deadlineDecisionRows, deadlinesBlock, decisionsBlock, noticesOf, noticesSection, timelineSection, translatableText } from './common';
import type { PackSource } from './model';
import type { Section, Text } from './pdf';

// A rights request or complaint as a court or regulator would ask for it (PIPL Art. 50): the
// request, the identity step, the decision and its ground, the reply as sent, the holds, the
// clocks; the original e-mails as received.

const IDENTITY: Record<string, Localized> = {
  verified: L('verified', '已核验'),
  moreInfoNeeded: L('more information needed', '需补充材料'),
  failed: L('failed', '未通过'),
};
const HOLD: Record<string, Localized> = {
  networkLogs: L('network logs', '网络日志'),
  transactions: L('transaction records', '交易记录'),
  backup: L('backup', '备份'),
  other: L('other', '其他'),
};

function sections(r: InboxRequest): Section[] {
  const replies = r.messages.filter((m) => m.direction === 'out');
  return [
    {
      heading: L('Request', '请求'),
      blocks: [
        {
          kind: 'fields',
          rows: [
            [L('Reference', '编号'), r.ref],
            [L('Subject', '主题'), r.subject],
            [L('Type', '类型'), REQUEST_TYPE_LABEL[r.type]],
            [L('Basis', '依据'), REQUEST_TYPE_BASIS[r.type]],
            [L('State', '状态'), REQUEST_STATE_NAMES[r.state]],
            [L('Jurisdiction', '法域'), JURISDICTION_NAMES[r.jurisdiction]],
            [L('Requester', '请求人'), [r.requester.name, r.requester.contact, r.requester.accountId].filter(Boolean).join(' · ')],
            [L('Minor', '未成年人'), r.isMinor ? YES_NO.yes : YES_NO.no],
            [L('Guardian', '监护人'), r.guardian ? `${r.guardian.name} · ${r.guardian.contact}` : null],
            [L('Representative', '代理人/近亲属'), r.representative ? `${r.representative.name} (${r.representative.relationship}) · ${r.representative.contact}` : null],
            [L('Received', '收到时间'), at(r.receivedAt)],
            [L('Why this receipt time', '收到时间的认定'), r.receivedAtReason],
            [L('Reply due', '答复期限'), at(r.dueAt)],
            [L('Reply sent', '答复发出时间'), at(r.replySentAt)],
            [L('Extension', '延期'), r.extension ? `${at(r.extension.noticeSentAt)} — ${r.extension.reasons}` : null],
          ],
        },
      ],
    },
    {
      heading: L('Identity checks', '身份核验'),
      blocks: [
        {
          kind: 'table',
          columns: [
            { header: L('When', '时间'), width: 16 },
            { header: L('Method', '方式'), width: 16 },
            { header: L('Outcome', '结果'), width: 14 },
            { header: L('By', '核验人'), width: 14 },
            { header: L('Note', '备注'), width: 40 },
          ],
          rows: r.identityChecks.map((c) => [at(c.verifiedAt), c.method, IDENTITY[c.outcome] ?? c.outcome, c.verifiedBy, c.note]) as Text[][],
          empty: L('No identity check recorded.', '尚无身份核验记录。'),
        },
        {
          kind: 'note',
          text: r.pauses.length
            ? { en: `The reply clock paused: ${r.pauses.map((p) => `${at(p.startedAt)} – ${at(p.endedAt) ?? 'now'} (${p.reason})`).join('; ')}`, zh: `答复期限曾暂停：${r.pauses.map((p) => `${at(p.startedAt)} – ${at(p.endedAt) ?? '至今'}（${p.reason}）`).join('；')}` }
            : L('The reply clock did not pause.', '答复期限未暂停。'),
        },
      ],
    },
    {
      heading: L('Decision and ground', '决定与理由'),
      blocks: [
        {
          kind: 'fields',
          rows: r.decision
            ? [
                [L('Decision', '决定'), DECISION_NAMES[r.decision.outcome]],
                [L('Actions taken', '已采取的措施'), translatableText(r.decision.actionsTaken)],
                [L('Refusal ground', '拒绝理由'), r.decision.refusalGroundText],
                [L('Reasons', '具体理由'), translatableText(r.decision.refusalReasons)],
                [L('Decided', '决定时间'), `${at(r.decision.decidedAt)} · ${r.decision.decidedBy}`],
              ]
            : [[L('Decision', '决定'), L('not decided yet', '尚未作出决定')]],
        },
      ],
    },
    {
      heading: L('Reply as sent', '已发出的答复'),
      blocks: replies.length
        ? replies.map((m) => ({ kind: 'paragraph' as const, text: `${at(m.at)} · ${m.channel} · ${m.to}\n${m.subject}\n\n${m.body}` }))
        : [{ kind: 'note', text: L('No reply is recorded in the thread.', '往来记录中尚无答复。') }],
    },
    {
      heading: L('Holds', '保留'),
      blocks: [
        {
          kind: 'table',
          columns: [
            { header: L('Kind', '类别'), width: 14 },
            { header: L('What is kept', '保留内容'), width: 30 },
            { header: L('From – until', '起止'), width: 20 },
            { header: L('Basis', '依据'), width: 24 },
            { header: L('Cleared', '解除时间'), width: 12 },
          ],
          rows: r.holds.map((h) => [HOLD[h.kind] ?? h.kind, h.description, `${h.from ?? ''} – ${h.until ?? ''}`, h.basis ?? HOLD_BASIS[h.kind], at(h.clearedAt)]) as Text[][],
          empty: L('No hold.', '无保留。'),
        },
      ],
    },
    { heading: L('Clocks', '期限'), blocks: [deadlinesBlock(r.deadlines)] },
    {
      heading: L('Decisions on the clocks', '期限相关决定'),
      blocks: [decisionsBlock(deadlineDecisionRows(r.deadlines), L('The DPO changed no clock.', 'DPO 未调整任何期限。'))],
    },
    timelineSection(r.timeline),
  ];
}

export const requestPack: PackSource = {
  recordModule: 'inbox',
  title: L('Rights request / complaint — case file', '个人信息权利请求/投诉案卷'),
  build(session, id) {
    const r = getRequest(session, id);
    const notices = noticesOf(session, 'inbox', id);
    const originals = originalMessages(session, id);
    const replies = r.messages.filter((m) => m.direction === 'out');
    const linked = new Map<string, { module: string; recordId: string }>();
    for (const l of notices.flatMap((n) => n.links)) if (!(l.module === 'inbox' && l.recordId === id)) linked.set(`${l.module}:${l.recordId}`, l);
    return {
      ref: r.ref,
      title: r.subject,
      sections: [...sections(r), noticesSection(notices)],
      linked: [...linked.values()],
      files: [
        ...originals.map((o, i) => ({ path: `originals/${r.ref}-message-${i + 1}.eml`, content: o.bytes })),
        ...replies.map((m, i) => ({ path: `replies/${r.ref}-reply-${i + 1}.txt`, content: `Date: ${m.at}\nTo: ${m.to}\nSubject: ${m.subject}\n\n${m.body}\n` })),
        ...notices.flatMap((n) => n.texts.map((x) => ({ path: x.name, content: x.text }))),
      ],
      notices,
      audit: [{ entity: 'request', entityId: id }, ...notices.map((n) => ({ entity: 'notice', entityId: n.id })), ...r.deadlines.map((d) => ({ entity: 'deadline', entityId: d.id }))],
    };
  },
};
