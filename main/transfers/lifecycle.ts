import type { LocalizedText } from '../../preload/contract/common';
import type { ChosenRoute, FilingState, Gap, Transfer } from '../../preload/contract/transfers';
import type { DeadlineRequest } from '../deadlines/model';
import { BASIS, CHANGE_KIND_NAME } from './model';

// Pure rules of the Standard Contract lifecycle: what counts as a change, the filing state,
// the deadlines to ask the engine for, and the duties that stay whatever the route (gaps).

type Annex1 = Transfer['annex1'];

export interface FilingEventFact {
  kind: 'submitted' | 'supplementsRequested' | 'supplementsSubmitted' | 'accepted' | 'refused';
  date: string;
  /** Order of recording, to break ties between events of the same day. */
  seq: number;
}

export interface ChangeFact {
  seq: number;
  date: string;
  triggersRefiling: boolean;
}

const sameList = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/**
 * Which Annex 1 facts changed, in the words of Standard Contract Measures Art. 8: purpose,
 * scope, categories, sensitivity, method, storage location, or a longer retention abroad.
 * Shortening the retention is not a change that needs re-filing.
 */
export function materialChanges(before: Annex1, after: Annex1): string[] {
  const kinds: string[] = [];
  if (before.purpose.trim() !== after.purpose.trim()) kinds.push('purpose');
  if (before.individualsScale !== after.individualsScale || before.recordsScale !== after.recordsScale || before.onwardRecipients.trim() !== after.onwardRecipients.trim()) kinds.push('scope');
  if (!sameList(before.piCategories, after.piCategories)) kinds.push('categories');
  if (!sameList(before.sensitivePiCategories, after.sensitivePiCategories)) kinds.push('sensitivity');
  if (before.processingMethod.trim() !== after.processingMethod.trim() || before.transferMethod.trim() !== after.transferMethod.trim()) kinds.push('method');
  if (before.storageLocation.trim() !== after.storageLocation.trim()) kinds.push('storageLocation');
  if (before.retentionTo && after.retentionTo && after.retentionTo > before.retentionTo) kinds.push('retentionExtended');
  return kinds;
}

export const describeChangeKinds = (kinds: string[]): LocalizedText => ({
  en: kinds.map((k) => CHANGE_KIND_NAME[k]?.en ?? k).join(', '),
  zh: kinds.map((k) => CHANGE_KIND_NAME[k]?.zh ?? k).join('、'),
});

/** A change re-opens the filing only during the contract's term (Art. 8: "在标准合同有效期内"), unless the catalogue says otherwise. */
export function changeTriggersRefiling(chosen: ChosenRoute, effectiveDate: string | null, changeDate: string, duringTermOnly = true): boolean {
  return chosen === 'standardContract' && effectiveDate !== null && (!duringTermOnly || changeDate >= effectiveDate);
}

const byOrder = (a: FilingEventFact, b: FilingEventFact) => (a.date === b.date ? a.seq - b.seq : a.date < b.date ? -1 : 1);

export function filingStateOf(chosen: ChosenRoute, effectiveDate: string | null, events: FilingEventFact[], changes: ChangeFact[]): FilingState {
  if (chosen !== 'standardContract') return 'notRequired';
  if (!effectiveDate) return 'awaitingContract';
  const ordered = [...events].sort(byOrder);
  let state: FilingState = 'due';
  for (const e of ordered) {
    state = e.kind === 'submitted' || e.kind === 'supplementsSubmitted' ? 'underReview' : e.kind === 'supplementsRequested' ? 'supplementsRequested' : e.kind === 'accepted' ? 'filed' : 'refused';
  }
  if (state === 'filed' || state === 'refused') {
    if (changes.some((c) => c.triggersRefiling && !refiledAfter(ordered, c))) return 'refilingDue';
  }
  return state;
}

/** A re-filing is met by a submission on or after the change, recorded after it. */
function refiledAfter(events: FilingEventFact[], change: ChangeFact): FilingEventFact | undefined {
  return events.find((e) => e.kind === 'submitted' && e.date >= change.date && e.seq > change.seq);
}

const metOn = (date: string | undefined) => (date ? { at: `${date}T00:00:00+08:00`, note: null } : null);

/**
 * What the deadline engine is asked for (it computes and explains every due date):
 * filing within 10 working days of the effective date, supplements within 10 working days of
 * the request, re-filing after a change, the PIPIA report's earliest disposal, the contract's expiry.
 * Events and changes share one sequence (the order they were recorded in).
 */
export function deadlineRequestsFor(input: {
  chosen: ChosenRoute;
  effectiveDate: string | null;
  signedDate: string | null;
  expiryDate: string | null;
  pipiaDate: string | null;
  events: FilingEventFact[];
  changes: ChangeFact[];
  certificationIssued?: string | null;
  /** Whether the catalogue has a version of the rule in force on that date (a rule that starts later is not asked for). */
  inForce?: (ruleKey: string, date: string) => boolean;
  /** Incidents at the recipient: each opens a re-assessment until its outcome is recorded. */
  reviews?: { id: string; incidentRef: string; openedOn: string; decidedOn: string | null }[];
}): DeadlineRequest[] {
  const out: DeadlineRequest[] = [];
  const inForce = input.inForce ?? (() => true);
  for (const r of input.reviews ?? []) {
    out.push({
      key: `incident.reassess.${r.id}`,
      // The re-assess-and-re-file target of the Standard Contract Measures, labelled with the incident.
      ruleKey: 'scc.refiling.10wd',
      start: r.openedOn,
      label: { en: `Re-assess after incident ${r.incidentRef}: PIPIA review and possible re-filing`, zh: `事件 ${r.incidentRef} 后重新评估：复核影响评估并视情况重新备案` },
      met: metOn(r.decidedOn ?? undefined),
    });
  }
  const events = [...input.events].sort(byOrder);
  if (input.chosen === 'standardContract' && input.effectiveDate) {
    const firstSubmission = events.find((e) => e.kind === 'submitted');
    out.push({ key: 'scc.filing', ruleKey: 'scc.filing.10wd', start: input.effectiveDate, met: metOn(firstSubmission?.date) });
    events.forEach((e, i) => {
      if (e.kind !== 'supplementsRequested') return;
      const answered = events.slice(i + 1).find((later) => later.kind === 'supplementsSubmitted');
      out.push({ key: `scc.supplement.${e.seq}`, ruleKey: 'scc.supplement.10wd', start: e.date, met: metOn(answered?.date) });
    });
    for (const c of input.changes) {
      if (!c.triggersRefiling) continue;
      out.push({ key: `scc.refiling.${c.seq}`, ruleKey: 'scc.refiling.10wd', start: c.date, met: metOn(refiledAfter(events, c)?.date) });
    }
  }
  if (input.pipiaDate) out.push({ key: 'pipia.retention', ruleKey: 'pipia.retention.3y', start: input.pipiaDate });
  // Outbound Certification Measures: a certificate is valid for its period; renew before it runs out.
  if (input.chosen === 'certification' && input.certificationIssued && inForce('cert.validity', input.certificationIssued)) {
    out.push({ key: 'cert.validity', ruleKey: 'cert.validity', start: input.certificationIssued });
  }
  // Network Data Regulations Art. 12: the records of providing PI are kept at least 3 years after the last provision (the term's end).
  if (input.expiryDate && inForce('records.provision', input.expiryDate)) out.push({ key: 'records.provision', ruleKey: 'records.provision', start: input.expiryDate });
  if (input.expiryDate) {
    out.push({ key: 'scc.expiry', ruleKey: 'scc.expiry', start: input.effectiveDate ?? input.signedDate ?? input.expiryDate, until: input.expiryDate });
  }
  return out;
}

/**
 * Duties that hold whatever the route (RULES.md §4: "Exempt or not, the Art. 39 notice,
 * separate consent and the PIPIA still apply"), plus the route and contract facts missing.
 */
export function gapsOf(input: {
  chosen: ChosenRoute;
  noticeId: string | null;
  noticeSentAt: string | null;
  consentMethod: string | null;
  consentLiveSince: string | null;
  sensitiveCategories: string[];
  sensitiveNecessity: string;
  pipiaDate: string | null;
  pipiaConclusion: string | null;
  lastRefilingChangeDate: string | null;
  effectiveDate: string | null;
  carriesPersonalInfo: boolean;
  certification?: { body: string; certificateNumber: string; issuedDate: string | null };
  importantData?: boolean;
  openIncidentRefs?: string[];
}): Gap[] {
  const gaps: Gap[] = [];
  const add = (key: string, en: string, zh: string, basis: LocalizedText) => gaps.push({ key, message: { en, zh }, basis });
  for (const ref of input.openIncidentRefs ?? []) {
    add(`incident.${ref}`, `Incident ${ref} happened at this recipient: re-assess the transfer (PIPIA review, possible re-filing) and record the outcome.`, `境外接收方发生事件 ${ref}：须重新评估本出境活动（复核影响评估，视情况重新备案）并记录结论。`, BASIS.scm8);
  }
  if (input.carriesPersonalInfo) {
    if (!input.noticeId) add('notice', 'No separate notice (Art. 39) is linked to this transfer.', '尚未关联单独告知（第三十九条）。', BASIS.pipl39);
    else if (!input.noticeSentAt) add('notice.unsent', 'The separate notice is drafted but not yet sent.', '单独告知已起草但尚未发出。', BASIS.pipl39);
    if (!input.consentMethod || !input.consentLiveSince) add('consent', 'How separate consent is obtained, and since when, is not recorded.', '未记录取得单独同意的方式及上线时间。', BASIS.pipl39);
    if (input.sensitiveCategories.length > 0 && !input.sensitiveNecessity.trim()) add('sensitiveNecessity', 'Sensitive PI is exported but its necessity and effect on the individual are not stated.', '出境敏感个人信息，但未说明必要性及对个人权益的影响。', BASIS.pipl30);
    if (!input.pipiaDate) add('pipia', 'No PIPIA is recorded before export.', '未记录出境前的个人信息保护影响评估。', BASIS.pipl55);
    else if (input.pipiaConclusion === 'notAcceptable') add('pipia.notAcceptable', 'The PIPIA concluded the risk is not acceptable.', '影响评估结论为风险不可接受。', BASIS.pipl55);
    else if (input.lastRefilingChangeDate && input.lastRefilingChangeDate > input.pipiaDate) add('pipia.stale', 'The transfer changed after the last PIPIA: re-assess.', '最近一次影响评估后出境情况已变化，须重新评估。', BASIS.scm8);
  }
  if (input.chosen === 'undecided') add('route', 'No legal route is chosen.', '尚未选择出境路径。', BASIS.pipl38);
  if (input.chosen === 'certification') {
    const c = input.certification;
    if (!c?.body.trim() || !c.certificateNumber.trim() || !c.issuedDate) add('certification', 'The certification route has no certificate recorded (certifying body, certificate number, date issued).', '认证路径尚未记录证书（认证机构、证书编号、发证日期）。', BASIS.certification);
    if (input.importantData) add('certification.importantData', 'Certification is a route only where no important data is exported.', '仅在不出境重要数据时方可采用认证路径。', BASIS.certification);
  }
  if (input.chosen === 'standardContract' && !input.effectiveDate) add('contract', 'The standard contract has no effective date yet; the filing clock starts from it.', '标准合同尚无生效日期，备案期限自生效起算。', BASIS.scm7);
  return gaps;
}

/** The calendar date in Beijing (PRC rules count in UTC+8, RULES.md §1). */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Filing, supplement and re-filing clocks make a record overdue; retention and expiry do not. */
export const FILING_CLOCK = /^scc\.(filing|supplement|refiling)/;
