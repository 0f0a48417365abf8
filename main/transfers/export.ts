import type { Language } from '../../preload/contract/common';
import type { Deadline } from '../../preload/contract/deadlines';
import { listRecordDeadlines } from '../deadlines/service';
import { csvValue } from '../exports/cells';
import { csvRows, CSV_BOM } from '../exports/csv';
import { joinList } from '../exports/labels';
import { EXPORT_PAGE, pick, type Column, type Localized, type RegisterSource } from '../exports/model';
import { headerText } from '../exports/xlsx';
import { getSettings } from '../settings/service';
import type { Session } from '../shared/session';
import { beijingDate } from './lifecycle';
import { ROUTE_NAME, SCENARIO_NAME, type Regime } from './model';
import { TransfersRepo, type EventRow, type ListFilter, type TransferRow, type VolumeRow } from './repo';
import { assess, readRecord, routeContext, windowTotals, type StoredTransfer, type WindowTotals } from './view';

// The transfer register for Excel: one row per transfer in the list's order (newest first, the
// list's filters): the Annex 1 fields, the route chosen and recommended, the filing state and
// steps, the contract's dates, the year's volumes; dates as computed by the deadline engine.

interface Row {
  row: TransferRow;
  d: StoredTransfer;
  events: EventRow[];
  volumes: VolumeRow[];
  assessed: ReturnType<typeof assess>;
  filingDue: Deadline | undefined;
  year: number;
  countries: Record<Language, Intl.DisplayNames>;
}

const L = (en: string, zh: string): Localized => ({ en, zh });
export const CHOSEN_ROUTE_NAMES: Record<string, Localized> = {
  undecided: L('undecided', '未选择'),
  standardContract: L('standard contract', '标准合同'),
  certification: L('certification', '认证'),
  securityAssessment: L('security assessment', '安全评估'),
  exempt: L('exempt', '豁免'),
};
const FILING: Record<string, Localized> = {
  notRequired: L('not required', '无需备案'),
  awaitingContract: L('awaiting effective contract', '待合同生效'),
  due: L('filing due', '待备案'),
  underReview: L('under review', '审查中'),
  supplementsRequested: L('supplements requested', '待补充材料'),
  filed: L('filed', '已备案'),
  refused: L('refused', '未予备案'),
  refilingDue: L('re-filing due', '待重新备案'),
};
export const FILING_STEP_NAMES: Record<string, Localized> = {
  submitted: L('submitted', '提交备案'),
  supplementsRequested: L('supplements requested', '要求补充材料'),
  supplementsSubmitted: L('supplements submitted', '补充材料已提交'),
  accepted: L('accepted', '备案通过'),
  refused: L('refused', '未予备案'),
};

const text = (en: string, zh: string, width: number, value: Column<Row>['value']): Column<Row> => ({ header: L(en, zh), type: 'text', width, value });
const date = (en: string, zh: string, value: (r: Row) => string | null): Column<Row> => ({ header: L(en, zh), type: 'date', width: 12, value });

function filingSteps(r: Row, lang: Language): string {
  return r.events
    .filter((e) => e.type === 'filing')
    .map((e) => `${e.date} ${pick(FILING_STEP_NAMES[e.kind] ?? L(e.kind, e.kind), lang)}${e.filing_number ? ` (${e.filing_number})` : ''}`)
    .join(' | ');
}

const columns: Column<Row>[] = [
  text('Reference', '编号', 14, (r) => r.row.ref),
  text('Overseas recipient', '境外接收方', 28, (r) => r.d.recipient.name),
  text('Country/region', '国家/地区', 16, (r, l) => `${r.countries[l].of(r.d.recipient.country) ?? r.d.recipient.country} (${r.d.recipient.country})`),
  text('Address', '地址', 28, (r) => r.d.recipient.address),
  text('Contact person', '联系人', 14, (r) => r.d.recipient.contactPerson),
  text('Title', '职务', 14, (r) => r.d.recipient.contactTitle),
  text('E-mail', '电子邮箱', 22, (r) => r.d.recipient.email),
  text('Phone', '电话', 16, (r) => r.d.recipient.phone),
  text('Purpose', '出境目的', 30, (r) => r.d.annex1.purpose),
  text('Processing method', '处理方式', 24, (r) => r.d.annex1.processingMethod),
  { header: L('Individuals (scale)', '涉及人数'), type: 'number', width: 12, value: (r) => r.d.annex1.individualsScale ?? null },
  { header: L('Records (scale)', '条数'), type: 'number', width: 12, value: (r) => r.d.annex1.recordsScale ?? null },
  text('PI categories', '个人信息种类', 28, (r, l) => joinList(r.d.annex1.piCategories, l)),
  text('Sensitive PI categories', '敏感个人信息种类', 24, (r, l) => joinList(r.d.annex1.sensitivePiCategories, l)),
  text('Onward recipients', '境外第三方', 20, (r) => r.d.annex1.onwardRecipients),
  text('Transfer method', '传输方式', 18, (r) => r.d.annex1.transferMethod),
  text('Retention abroad', '境外保存期限', 20, (r) => (r.d.annex1.retentionFrom || r.d.annex1.retentionTo ? `${r.d.annex1.retentionFrom ?? ''} – ${r.d.annex1.retentionTo ?? ''}` : '')),
  text('Storage location abroad', '境外存储地点', 20, (r) => r.d.annex1.storageLocation),
  text('Route chosen', '所选路径', 18, (r, l) => pick(CHOSEN_ROUTE_NAMES[r.d.route.chosen], l) + (r.d.route.exemptScenario ? ` (${pick(SCENARIO_NAME[r.d.route.exemptScenario], l)})` : '')),
  text('Route recommended', '建议路径', 22, (r, l) => pick(ROUTE_NAME[r.assessed.verdict.route], l)),
  text('Route check', '路径核对', 30, (r, l) => pick(r.assessed.routeCheck.message, l)),
  text('Filing state', '备案状态', 16, (r, l) => pick(FILING[r.row.filing_state], l)),
  date('Contract effective', '合同生效日', (r) => r.d.contract.effectiveDate ?? null),
  date('Filing due', '备案截止日', (r) => (r.filingDue ? beijingDate(new Date(r.filingDue.dueAt)) : null)),
  text('Filing number', '备案编号', 18, (r) => r.events.filter((e) => e.type === 'filing' && e.kind === 'accepted').at(-1)?.filing_number ?? ''),
  text('Filing steps', '备案步骤', 40, (r, l) => filingSteps(r, l)),
  { header: L('Changes recorded', '已记录变更'), type: 'number', width: 10, value: (r) => r.events.filter((e) => e.type === 'change').length },
  date('Contract expiry', '合同到期日', (r) => r.d.contract.expiryDate ?? null),
  date('PIPIA date', '影响评估日期', (r) => r.d.pipia.date ?? null),
  { header: L('Separate notice sent', '单独告知发出时间'), type: 'instant', width: 18, value: (r) => r.d.consent.noticeSentAt ?? null },
  date('Separate consent since', '单独同意上线日期', (r) => r.d.consent.liveSince ?? null),
  { header: L('Individuals this year (non-sensitive)', '本年人数（一般）'), type: 'number', width: 14, value: (r) => r.volumes.find((v) => v.year === r.year)?.non_sensitive ?? null },
  { header: L('Individuals this year (sensitive)', '本年人数（敏感）'), type: 'number', width: 14, value: (r) => r.volumes.find((v) => v.year === r.year)?.sensitive ?? null },
  text('Volumes by year', '各年度人数', 30, (r, l) => r.volumes.map((v) => `${v.year}: ${v.non_sensitive} / ${v.sensitive}${l === 'zh-CN' ? '（敏感）' : ' (sensitive)'}`).join(' | ')),
  text('Open gaps', '待补事项', 40, (r, l) => r.assessed.gaps.map((g) => pick(g.message, l)).join(' | ')),
];

export const transferRegister: RegisterSource<ListFilter, Row> = {
  sheetName: L('Cross-border transfers', '数据出境台账'),
  columns,
  *pages(session, filter) {
    const repo = new TransfersRepo(session.db);
    const year = Number(beijingDate(session.now()).slice(0, 4));
    const cii = getSettings(session).ciiOperator;
    const countries = { 'zh-CN': new Intl.DisplayNames(['zh-CN'], { type: 'region' }), en: new Intl.DisplayNames(['en'], { type: 'region' }) };
    const cache = new Map<Regime, WindowTotals>();
    const ctx = routeContext(session, beijingDate(session.now()));
    const totalsFor = (r: Regime) => cache.get(r) ?? cache.set(r, windowTotals(repo, r, year, ctx)).get(r)!;
    let before: number | null = null;
    for (;;) {
      const rows = repo.page(filter, before, EXPORT_PAGE);
      yield rows.map((row) => {
        const d = readRecord(repo, row, year); // Annex 1's scale is this year's volume
        const events = repo.events(row.id);
        return {
          row,
          d,
          events,
          volumes: repo.volumes(row.id),
          assessed: assess(repo, d, row.id, events, totalsFor(d.route.regime), cii, year),
          filingDue: listRecordDeadlines(session, 'transfers', row.id).find((x) => x.key === 'scc.filing'),
          year,
          countries,
        };
      });
      if (rows.length < EXPORT_PAGE) return;
      before = rows[rows.length - 1].seq;
    }
  },
  count(session, filter) {
    return new TransfersRepo(session.db).count(filter);
  },
};

/** The register as one CSV string (the list's small "Export CSV"; long registers go through exports.register). */
export function exportCsv(session: Session, filter: ListFilter, language: Language): { filename: string; csv: string; rows: number } {
  const parts = [CSV_BOM + csvRows([columns.map((c) => headerText(c, language))])];
  let rows = 0;
  for (const page of transferRegister.pages(session, filter)) {
    parts.push(csvRows(page.map((item) => columns.map((c) => csvValue(c.type, c.value(item, language))))));
    rows += page.length;
  }
  return { filename: `transfer-register-${beijingDate(session.now())}.csv`, csv: parts.join(''), rows };
}
