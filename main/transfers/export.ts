import { stringify } from 'csv-stringify/sync';
import type { Language } from '../../preload/contract/common';
import { listRecordDeadlines } from '../deadlines/service';
import { getSettings } from '../settings/service';
import type { Session } from '../shared/session';
import { beijingDate } from './lifecycle';
import { ROUTE_NAME, SCENARIO_NAME, type Regime } from './model';
import { TransfersRepo, type ListFilter } from './repo';
import { assess, parseData, windowTotals, type WindowTotals } from './view';

// The register as CSV for Excel: UTF-8 with a BOM (so Excel reads Chinese), one row per transfer,
// headers and values in the DPO's language; dates as computed by the deadline engine.

const HEADERS: [string, string, string][] = [
  ['ref', 'Reference', '编号'],
  ['recipient', 'Overseas recipient', '境外接收方'],
  ['country', 'Country/region', '国家/地区'],
  ['address', 'Address', '地址'],
  ['contact', 'Contact person', '联系人'],
  ['title', 'Title', '职务'],
  ['email', 'E-mail', '电子邮箱'],
  ['phone', 'Phone', '电话'],
  ['purpose', 'Purpose', '出境目的'],
  ['method', 'Processing method', '处理方式'],
  ['individuals', 'Individuals (scale)', '涉及人数'],
  ['records', 'Records (scale)', '条数'],
  ['categories', 'PI categories', '个人信息种类'],
  ['sensitive', 'Sensitive PI categories', '敏感个人信息种类'],
  ['onward', 'Onward recipients', '境外第三方'],
  ['transferMethod', 'Transfer method', '传输方式'],
  ['retention', 'Retention abroad', '境外保存期限'],
  ['storage', 'Storage location abroad', '境外存储地点'],
  ['chosen', 'Route chosen', '所选路径'],
  ['recommended', 'Route recommended', '建议路径'],
  ['routeCheck', 'Route check', '路径核对'],
  ['filingState', 'Filing state', '备案状态'],
  ['effective', 'Contract effective', '合同生效日'],
  ['filingDue', 'Filing due', '备案截止日'],
  ['filingNumber', 'Filing number', '备案编号'],
  ['expiry', 'Contract expiry', '合同到期日'],
  ['pipia', 'PIPIA date', '影响评估日期'],
  ['notice', 'Separate notice sent', '单独告知发出时间'],
  ['consent', 'Separate consent since', '单独同意上线日期'],
  ['gaps', 'Open gaps', '待补事项'],
];

const CHOSEN: Record<string, [string, string]> = {
  undecided: ['undecided', '未选择'],
  standardContract: ['standard contract', '标准合同'],
  certification: ['certification', '认证'],
  securityAssessment: ['security assessment', '安全评估'],
  exempt: ['exempt', '豁免'],
};
const FILING: Record<string, [string, string]> = {
  notRequired: ['not required', '无需备案'],
  awaitingContract: ['awaiting effective contract', '待合同生效'],
  due: ['filing due', '待备案'],
  underReview: ['under review', '审查中'],
  supplementsRequested: ['supplements requested', '待补充材料'],
  filed: ['filed', '已备案'],
  refused: ['refused', '未予备案'],
  refilingDue: ['re-filing due', '待重新备案'],
};

export function exportCsv(session: Session, filter: ListFilter, language: Language): { filename: string; csv: string; rows: number } {
  const zh = language === 'zh-CN';
  const pick = (pair: [string, string]) => (zh ? pair[1] : pair[0]);
  const repo = new TransfersRepo(session.db);
  const year = Number(beijingDate(session.now()).slice(0, 4));
  const cii = getSettings(session).ciiOperator;
  const countries = new Intl.DisplayNames([zh ? 'zh-CN' : 'en'], { type: 'region' });
  const cache = new Map<Regime, WindowTotals>();
  const totalsFor = (r: Regime) => cache.get(r) ?? cache.set(r, windowTotals(repo, r, year)).get(r)!;
  const records: string[][] = [HEADERS.map(([, en, zhh]) => (zh ? zhh : en))];
  for (const row of repo.iterate(filter)) {
    const d = parseData(row);
    const events = repo.events(row.id);
    const { verdict, routeCheck, gaps } = assess(repo, d, row.id, events, totalsFor(d.route.regime), cii, year);
    const filingDue = listRecordDeadlines(session, 'transfers', row.id).find((x) => x.key === 'scc.filing');
    const accepted = events.filter((e) => e.type === 'filing' && e.kind === 'accepted').at(-1);
    const a = d.annex1;
    const chosen = pick(CHOSEN[d.route.chosen]) + (d.route.exemptScenario ? ` (${zh ? SCENARIO_NAME[d.route.exemptScenario].zh : SCENARIO_NAME[d.route.exemptScenario].en})` : '');
    records.push([
      row.ref,
      d.recipient.name,
      `${countries.of(d.recipient.country) ?? d.recipient.country} (${d.recipient.country})`,
      d.recipient.address,
      d.recipient.contactPerson,
      d.recipient.contactTitle,
      d.recipient.email,
      d.recipient.phone,
      a.purpose,
      a.processingMethod,
      a.individualsScale?.toString() ?? '',
      a.recordsScale?.toString() ?? '',
      a.piCategories.join(zh ? '、' : '; '),
      a.sensitivePiCategories.join(zh ? '、' : '; '),
      a.onwardRecipients,
      a.transferMethod,
      a.retentionFrom || a.retentionTo ? `${a.retentionFrom ?? ''} – ${a.retentionTo ?? ''}` : '',
      a.storageLocation,
      chosen,
      zh ? ROUTE_NAME[verdict.route].zh : ROUTE_NAME[verdict.route].en,
      zh ? routeCheck.message.zh : routeCheck.message.en,
      pick(FILING[row.filing_state]),
      d.contract.effectiveDate ?? '',
      filingDue ? beijingDate(new Date(filingDue.dueAt)) : '',
      accepted?.filing_number ?? '',
      d.contract.expiryDate ?? '',
      d.pipia.date ?? '',
      d.consent.noticeSentAt ?? '',
      d.consent.liveSince ?? '',
      gaps.map((g) => (zh ? g.message.zh : g.message.en)).join(' | '),
    ]);
  }
  const csv = stringify(records, { bom: true, record_delimiter: 'windows' });
  return { filename: `transfer-register-${beijingDate(session.now())}.csv`, csv, rows: records.length - 1 };
}
