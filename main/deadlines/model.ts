import type { ModuleName } from '../../preload/contract/common';

/**
 * The keys of the deadline rules of the catalogue (main/rules/). Each names a legal or promised
 * clock from shared/domain/RULES.md; the catalogue's versions hold its name, basis and period.
 * (The older keys carry the period they were written with; the period itself is the catalogue's.)
 */
export type RuleKey =
  // Incidents (RULES.md §2)
  | 'pipl57.authority' // PIPL Art. 57: notify the authority immediately (running clock from discovery)
  | 'pipl57.individuals' // PIPL Art. 57: notify individuals (immediately, unless harm avoided)
  | 'cac.report.4h' // CAC Incident Reporting Measures: 4 h from discovery
  | 'cac.report.cii.1h' // same, CII operator: 1 h to protection department and police
  | 'cac.supplement' // CAC Measures Art. 7(2): the rest of a first report, supplemented promptly
  | 'cac.summary.30d' // summary report within 30 days after handling ends
  | 'minors.report' // Minors Online Protection Regulations Art. 35 (immediately)
  | 'gdpr33.authority.72h' // GDPR Art. 33: 72 h from awareness
  | 'gdpr34.individuals' // GDPR Art. 34: without undue delay (immediate clock)
  | 'ca.residents.30d' // Cal. Civ. Code §1798.82: 30 calendar days from discovery
  | 'ca.ag.15d' // AG sample within 15 days of the resident notice
  | 'uk.ico' // UK GDPR Art. 33: 72 h to the ICO
  | 'ny.residents' // N.Y. GBL §899-aa
  | 'ny.regulators' // AG, Department of State, State Police
  | 'ny.dfs' // 23 NYCRR §500.17 covered entities
  | 'tx.residents' // Tex. Bus. & Com. Code §521.053
  | 'tx.ag'
  | 'co.residents' // C.R.S. §6-1-716
  | 'co.ag'
  | 'wa.residents' // RCW 19.255.010
  | 'wa.ag'
  | 'fl.residents' // Fla. Stat. §501.171
  | 'fl.dla'
  // Transfers (RULES.md §4)
  | 'scc.filing.10wd' // Standard Contract Measures: 10 working days after the contract takes effect
  | 'scc.supplement.10wd' // supplements requested: 10 working days
  | 'scc.refiling.10wd' // change during the term: re-assess, supplement or re-sign, re-file (target, *verify*)
  | 'pipia.retention.3y' // PIPL Art. 56: keep the PIPIA report ≥ 3 years (earliest disposal)
  | 'records.provision' // Network Data Regulations Art. 12: records of providing PI ≥ 3 years
  | 'cert.validity' // Outbound Certification Measures: a certificate is valid 3 years
  | 'scc.expiry' // the contract's term ends (fixed date)
  // Inbox (RULES.md §5)
  | 'request.rights.15wd' // privacy policy §V: reply within 15 working days of receipt
  | 'request.complaint.15d' // privacy policy §IX: reply to a complaint usually within 15 days
  | 'gdpr12.response.1m' // GDPR Art. 12(3): one month of receipt
  | 'gdpr12.extended.3m' // GDPR Art. 12(3): extended by two months (notice sent within the first month)
  | 'ccpa.ack' // CCPA Regs §7021(a): confirm within 10 business days
  | 'ccpa.response' // §7021(b): answer within 45 days
  | 'ccpa.extended' // §7021(b): up to 90 days with notice
  | 'ccpa.optout' // §7026(f): opt-out within 15 business days
  | 'uk.response' // UK GDPR Art. 12(3) (clock stops from 2026-02-05)
  | 'uk.extended'
  | 'uk.complaint.ack' // DPA 2018 s. 164A: acknowledge within 30 days (from 2026-06-19)
  | 'hold.networkLogs.6m' // Cybersecurity Law: network logs ≥ 6 months (Art. 21, Art. 23(3) from 2026)
  | 'hold.transactions.3y' // E-Commerce Law Art. 31: ≥ 3 years from completion
  | 'hold.until' // a retention hold or backup that clears on a known date (fixed date)
  | 'target.until' // an internal target the DPO set (fixed date)
  | 'pio.report'; // PI protection officer: report within 30 working days (CAC notice 2025-07-18)

/**
 * What a module asks the engine for. The engine computes the due instant, the explanation and
 * the calendar use from the rule; the module only says which rule, from when, and whether the
 * duty is already met or waived.
 */
export interface DeadlineRequest {
  /** Stable key of the duty within its record (e.g. "cac.report"); upserts match on it. */
  key: string;
  ruleKey: RuleKey;
  /** ISO instant (hour clocks) or YYYY-MM-DD / instant (day-based clocks). */
  start: string;
  /** For fixed-date rules (hold.until, target.until, scc.expiry): the date it falls due. */
  until?: string;
  /** Optional label that replaces the catalogue's rule name on the board (e.g. which hold). */
  label?: { en: string; zh: string };
  met?: { at: string; note?: string | null } | null;
  waived?: { reason: string } | null;
}

export interface RecordRef {
  module: ModuleName;
  recordId: string;
  recordRef: string;
  recordTitle: string;
}
