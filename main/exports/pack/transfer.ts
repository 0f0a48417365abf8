import type { Transfer } from '../../../preload/contract/transfers';
import type { Session } from '../../shared/session';
import { FILING_STEP_NAMES } from '../../transfers/export';
import { CHANGE_KIND_NAME, ROUTE_NAME, SCENARIO_NAME } from '../../transfers/model';
import { getTransfer, listChanges } from '../../transfers/service';
import { YES_NO } from '../labels';
import type { Localized } from '../model';
import { L, at, deadlineDecisionRows, deadlinesBlock, decisionsBlock, noticesOf, noticesSection } from './common';
import type { PackSource } from './model';
import type { Section, Text } from './pdf';

// The CAC filing pack of a Standard Contract transfer: Annex 1 item by item, the route and why,
// the PIPIA record, the contract's dates, every filing step, the changes and re-filings, the
// volumes, the clocks; the PIPIA report and the contract travel as attachments.

const CHOSEN: Record<string, Localized> = {
  undecided: L('undecided', '未选择'),
  standardContract: L('Standard Contract', '标准合同'),
  certification: L('certification', '认证'),
  securityAssessment: L('security assessment', '安全评估'),
  exempt: L('exempt', '豁免'),
};
const PIPIA: Record<string, Localized> = {
  acceptable: L('risk acceptable', '风险可接受'),
  acceptableWithMeasures: L('acceptable with measures', '采取措施后可接受'),
  notAcceptable: L('not acceptable', '不可接受'),
};

const list = (items: string[]): string | null => (items.length ? items.join('、') : null);

function annexRows(t: Transfer): [Localized, Text | null][] {
  const a = t.annex1;
  return [
    [L('1. Purpose', '1. 出境目的'), a.purpose],
    [L('2. Processing method', '2. 处理方式'), a.processingMethod],
    [L('3. Individuals (scale)', '3. 涉及人数'), a.individualsScale?.toLocaleString('en') ?? null],
    [L('   Records (scale)', '   条数'), a.recordsScale?.toLocaleString('en') ?? null],
    [L('4. PI categories', '4. 个人信息种类'), list(a.piCategories)],
    [L('5. Sensitive PI categories', '5. 敏感个人信息种类'), list(a.sensitivePiCategories)],
    [L('   Why sensitive PI is necessary (PIPL Art. 30)', '   敏感个人信息的必要性（个保法第三十条）'), a.sensitiveNecessity],
    [L('6. Onward recipients abroad', '6. 境外第三方'), a.onwardRecipients],
    [L('7. Transfer method', '7. 传输方式'), a.transferMethod],
    [L('8. Retention abroad', '8. 境外保存期限'), a.retentionFrom || a.retentionTo ? `${a.retentionFrom ?? ''} – ${a.retentionTo ?? ''}` : null],
    [L('9. Storage location abroad', '9. 境外存储地点'), a.storageLocation],
    [L('10. Other matters', '10. 其他事项'), a.otherMatters],
  ];
}

export function annexText(t: Transfer): string {
  const lines = [`附件一 Annex 1 — ${t.ref}`, '', `境外接收方 Overseas recipient: ${t.recipient.name} (${t.recipient.country})`, ''];
  for (const [label, value] of annexRows(t)) lines.push(`${label.zh} / ${label.en.trim()}`, `  ${typeof value === 'string' ? value || '—' : (value?.zh ?? '—')}`);
  return `${lines.join('\n')}\n`;
}

function sections(t: Transfer, session: Session): Section[] {
  const changes = listChanges(session, t.id).items;
  return [
    {
      heading: L('Overseas recipient', '境外接收方'),
      blocks: [
        {
          kind: 'fields',
          rows: [
            [L('Name', '名称'), t.recipient.name],
            [L('Country/region', '国家/地区'), t.recipient.country],
            [L('Address', '地址'), t.recipient.address],
            [L('Contact', '联系人'), [t.recipient.contactPerson, t.recipient.contactTitle, t.recipient.email, t.recipient.phone].filter(Boolean).join(' · ') || null],
            [L('Rights channel (PIPL Art. 39)', '个人行使权利的方式（个保法第三十九条）'), t.recipient.rightsChannel],
          ],
        },
      ],
    },
    { heading: L('Annex 1 of the Standard Contract', '标准合同附件一'), blocks: [{ kind: 'fields', rows: annexRows(t) }] },
    {
      heading: L('Route', '出境路径'),
      blocks: [
        {
          kind: 'fields',
          rows: [
            [L('Route chosen', '所选路径'), t.route.exemptScenario ? { en: `${CHOSEN[t.route.chosen].en} (${SCENARIO_NAME[t.route.exemptScenario].en})`, zh: `${CHOSEN[t.route.chosen].zh}（${SCENARIO_NAME[t.route.exemptScenario].zh}）` } : CHOSEN[t.route.chosen]],
            [L('Route the volumes require', '按人数应适用的路径'), ROUTE_NAME[t.verdict.route]],
            [L('Rule', '规则'), t.verdict.rule],
            [L('Why', '理由'), t.verdict.reason],
            [L('Basis', '依据'), t.verdict.basis],
            [L('Check', '核对'), t.routeCheck.message],
            [L('Important data', '重要数据'), t.route.importantData ? YES_NO.yes : YES_NO.no],
          ],
        },
      ],
    },
    {
      heading: L('PIPIA and separate consent', '个人信息保护影响评估与单独同意'),
      blocks: [
        {
          kind: 'fields',
          rows: [
            [L('PIPIA date', '评估日期'), t.pipia.date],
            [L('Conclusion', '结论'), t.pipia.conclusion ? PIPIA[t.pipia.conclusion] : null],
            [L('Risks found', '发现的风险'), t.pipia.risks],
            [L('Report reference', '报告编号'), t.pipia.reportRef],
            [L('Separate notice sent', '单独告知发出时间'), at(t.consent.noticeSentAt)],
            [L('Separate consent live since', '单独同意上线日期'), t.consent.liveSince],
            [L('Consent evidence', '同意证据'), t.consent.evidenceRef],
          ],
        },
      ],
    },
    {
      heading: L('Standard Contract and filing', '标准合同与备案'),
      blocks: [
        {
          kind: 'fields',
          rows: [
            [L('Signed', '签订日期'), t.contract.signedDate],
            [L('Effective', '生效日期'), t.contract.effectiveDate],
            [L('Filing authority', '备案机构'), t.contract.filingAuthority],
            [L('Expiry', '到期日'), t.contract.expiryDate],
            [L('Filing number', '备案编号'), t.filingNumber],
          ],
        },
        {
          kind: 'table',
          columns: [
            { header: L('Date', '日期'), width: 14 },
            { header: L('Filing step', '备案步骤'), width: 20 },
            { header: L('Filing number', '备案编号'), width: 18 },
            { header: L('Reasons', '理由'), width: 34 },
            { header: L('Recorded', '记录时间'), width: 14 },
          ],
          rows: t.filingEvents.map((e) => [e.date, FILING_STEP_NAMES[e.kind] ?? e.kind, e.filingNumber, e.reasons, at(e.recordedAt)]) as Text[][],
          empty: L('No filing step recorded.', '尚无备案步骤记录。'),
        },
      ],
    },
    {
      heading: L('Changes and re-filings', '变更与重新备案'),
      blocks: [
        {
          kind: 'table',
          columns: [
            { header: L('Date', '日期'), width: 14 },
            { header: L('What changed', '变更事项'), width: 26 },
            { header: L('Description', '说明'), width: 44 },
            { header: L('Re-filing', '须重新备案'), width: 12 },
          ],
          rows: changes.map((c) => [c.date, { en: c.kinds.map((k) => CHANGE_KIND_NAME[k]?.en ?? k).join(', '), zh: c.kinds.map((k) => CHANGE_KIND_NAME[k]?.zh ?? k).join('、') }, c.summary, c.triggersRefiling ? YES_NO.yes : YES_NO.no]),
          empty: L('No change recorded.', '尚无变更记录。'),
        },
      ],
    },
    {
      heading: L('Volumes by year', '各年度出境人数'),
      blocks: [
        {
          kind: 'table',
          columns: [
            { header: L('Year', '年度'), width: 12 },
            { header: L('Individuals (non-sensitive)', '一般个人信息人数'), width: 24 },
            { header: L('Individuals (sensitive)', '敏感个人信息人数'), width: 24 },
            { header: L('Note', '备注'), width: 40 },
          ],
          rows: t.volumes.map((v) => [String(v.year), v.nonSensitive.toLocaleString('en'), v.sensitive.toLocaleString('en'), v.note]),
          empty: L('No volumes recorded.', '尚未记录人数。'),
        },
      ],
    },
    { heading: L('Clocks', '期限'), blocks: [deadlinesBlock(t.deadlines)] },
    {
      heading: L('Decisions and open gaps', '决定与待补事项'),
      blocks: [
        decisionsBlock(deadlineDecisionRows(t.deadlines), L('The DPO changed no clock.', 'DPO 未调整任何期限。')),
        { kind: 'paragraph', text: t.gaps.length ? { en: t.gaps.map((g) => `• ${g.message.en} (${g.basis.en})`).join('\n'), zh: t.gaps.map((g) => `• ${g.message.zh}（${g.basis.zh}）`).join('\n') } : L('No open gap.', '无待补事项。') },
      ],
    },
  ];
}

export const transferPack: PackSource = {
  recordModule: 'transfers',
  title: L('Cross-border transfer — filing pack (Standard Contract)', '个人信息出境标准合同备案材料'),
  build(session, id) {
    const t = getTransfer(session, id);
    const notices = noticesOf(session, 'transfers', id);
    const linked = new Map<string, { module: string; recordId: string }>();
    for (const l of notices.flatMap((n) => n.links)) if (!(l.module === 'transfers' && l.recordId === id)) linked.set(`${l.module}:${l.recordId}`, l);
    return {
      ref: t.ref,
      title: t.recipient.name,
      sections: [...sections(t, session), noticesSection(notices)],
      linked: [...linked.values()],
      files: [{ path: 'annex1.txt', content: annexText(t) }, ...notices.flatMap((n) => n.texts.map((x) => ({ path: x.name, content: x.text })))],
      notices,
      audit: [{ entity: 'transfer', entityId: id }, ...notices.map((n) => ({ entity: 'notice', entityId: n.id })), ...t.deadlines.map((d) => ({ entity: 'deadline', entityId: d.id }))],
    };
  },
};
