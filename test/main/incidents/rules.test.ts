import { describe, expect, it } from 'vitest';
import {
  auditOrderFlag,
  cacReportRequired,
  computeObligations,
  gdprLateReasonRequired,
  gradeIncident,
  type ObligationContext,
} from '../../../main/incidents/rules';
import type { CacGrade, ObligationKey } from '../../../main/incidents/model';
import { DISCOVERED, facts, rule, rules } from './fixtures';

describe('CAC grade at each threshold ±1 ("以上" includes the number, Civil Code Art. 1259)', () => {
  const rows: [people: number, lossRmb: number, expected: CacGrade, why: string][] = [
    [0, 0, 'general', 'nobody affected, no loss'],
    [999_999, 0, 'general', 'one below 1,000,000 people'],
    [1_000_000, 0, 'relativelyMajor', '1,000,000 people is "100万人以上"'],
    [1_000_001, 0, 'relativelyMajor', 'one above'],
    [9_999_999, 0, 'relativelyMajor', 'one below 10,000,000'],
    [10_000_000, 0, 'major', '10,000,000 people reaches major'],
    [10_000_001, 0, 'major', 'one above'],
    [99_999_999, 0, 'major', 'one below 100,000,000'],
    [100_000_000, 0, 'particularlyMajor', '100,000,000 people reaches particularly major'],
    [100_000_001, 0, 'particularlyMajor', 'one above'],
    [10, 4_999_999, 'general', 'loss one yuan below RMB 5M'],
    [10, 5_000_000, 'relativelyMajor', 'loss of RMB 5M reaches relatively major'],
    [10, 19_999_999, 'relativelyMajor', 'loss one yuan below RMB 20M'],
    [10, 20_000_000, 'major', 'loss of RMB 20M reaches major'],
    [10, 99_999_999, 'major', 'loss one yuan below RMB 100M'],
    [10, 100_000_000, 'particularlyMajor', 'loss of RMB 100M reaches particularly major'],
    [1_200_000, 25_000_000, 'major', 'the higher of people and loss decides'],
  ];
  it.each(rows)('%i people, RMB %i → %s (%s)', (people, loss, expected) => {
    const result = gradeIncident({ individualsAffected: people, directLossRmb: loss, individualsEstimated: false }, rule('cac.grade.bands'));
    expect(result.grade).toBe(expected);
    expect(result.basis.en).toContain('Civil Code Art. 1259');
    expect(result.basis.zh).toContain('国家网络安全事件报告管理办法');
  });

  it('says when the count is an estimate', () => {
    const r = gradeIncident({ individualsAffected: 1_200_000, directLossRmb: 0, individualsEstimated: true }, rule('cac.grade.bands'));
    expect(r.explanation.en).toBe('1,200,000 people affected (≥ 1,000,000, official text) → Relatively major. The count is an estimate: re-grade when it is firm.');
  });

  const reportRows: [CacGrade, boolean][] = [
    ['general', false],
    ['relativelyMajor', true],
    ['major', true],
    ['particularlyMajor', true],
  ];
  it.each(reportRows)('grade %s → CAC report required: %s (required from relatively major upward)', (grade, expected) => {
    expect(cacReportRequired(grade)).toBe(expected);
  });
});

describe('audit-order flag (Audit Measures Art. 5)', () => {
  const rows: [Parameters<typeof auditOrderFlag>[0], boolean, string][] = [
    [{ individualsAffected: 999_999, sensitivePiCategories: [], sensitiveIndividualsAffected: null }, false, 'one below 1,000,000, no sensitive PI'],
    [{ individualsAffected: 1_000_000, sensitivePiCategories: [], sensitiveIndividualsAffected: null }, true, '1,000,000 people'],
    [{ individualsAffected: 200_000, sensitivePiCategories: ['health'], sensitiveIndividualsAffected: 99_999 }, false, 'sensitive one below 100,000'],
    [{ individualsAffected: 200_000, sensitivePiCategories: ['health'], sensitiveIndividualsAffected: 100_000 }, true, '100,000 people’s sensitive PI'],
    [{ individualsAffected: 100_000, sensitivePiCategories: ['health'], sensitiveIndividualsAffected: null }, true, 'sensitive categories, count unknown: everyone counts'],
    [{ individualsAffected: 100_000, sensitivePiCategories: [], sensitiveIndividualsAffected: null }, false, 'no sensitive categories'],
  ];
  it.each(rows)('%j → %s (%s)', (input, expected) => {
    const r = auditOrderFlag(input, rule('audit.order'));
    expect(r.flagged).toBe(expected);
    expect(r.basis.en).toContain('Compliance Audit Measures Art. 5');
  });
});

describe('GDPR Art. 33 late-notice reason', () => {
  const rows: [string, boolean, string][] = [
    ['2026-12-02T02:00:00.000Z', false, 'exactly 72 hours is in time'],
    ['2026-12-02T02:00:01.000Z', true, 'one second after 72 hours is late'],
    ['2026-11-29T05:00:00.000Z', false, 'three hours'],
  ];
  it.each(rows)('notified %s → reason required %s (%s)', (at, expected) => {
    expect(gdprLateReasonRequired(DISCOVERED, at, rule('gdpr33.authority.72h'))).toBe(expected);
  });
});

type Expect = Partial<Record<ObligationKey, { required: boolean; start: string | null; ruleKey?: string }>>;
const ctx = (over: Partial<ObligationContext> & { f?: Parameters<typeof facts>[0] } = {}): ObligationContext => ({
  facts: facts(over.f),
  grade: over.grade ?? 'general',
  ciiOperator: over.ciiOperator ?? false,
  caResidentsNotifiedAt: over.caResidentsNotifiedAt ?? null,
  cacFirstReportAt: over.cacFirstReportAt ?? null,
  rules: over.rules ?? rules(over.f?.discoveredAt ?? DISCOVERED),
});
const D = DISCOVERED;

describe('obligations: presence and clock start', () => {
  const rows: [name: string, context: ObligationContext, expected: Expect][] = [
    ['small CN leak: only PIPL Art. 57 duties', ctx(), {
      'pipl57.authority': { required: true, start: D }, 'pipl57.individuals': { required: true, start: D },
      'cac.report': { required: false, start: D }, 'cac.summary': { required: false, start: null },
      'minors.authority': { required: false, start: D }, 'gdpr33.authority': { required: false, start: D },
      'gdpr34.individuals': { required: false, start: D }, 'ca.residents': { required: false, start: D }, 'ca.ag': { required: false, start: null } }],
    ['harm effectively avoided: no notice to individuals, the authority still', ctx({ f: { harmAvoided: true, harmAvoidedReason: { zh: '', en: 'encrypted, key safe' } } }), {
      'pipl57.authority': { required: true, start: D }, 'pipl57.individuals': { required: false, start: D } }],
    ['relatively major, ordinary operator: CAC 4 h from discovery; summary waits for handling to end', ctx({ grade: 'relativelyMajor' }), {
      'cac.report': { required: true, start: D, ruleKey: 'cac.report.4h' }, 'cac.summary': { required: true, start: null } }],
    ['CII operator: the CAC report is the 1-hour rule', ctx({ grade: 'major', ciiOperator: true }), {
      'cac.report': { required: true, start: D, ruleKey: 'cac.report.cii.1h' } }],
    ['CII operator, general grade: still no report', ctx({ grade: 'general', ciiOperator: true }), {
      'cac.report': { required: false, start: D, ruleKey: 'cac.report.cii.1h' } }],
    ['handling ended: the 30-day summary clock starts then', ctx({ grade: 'relativelyMajor', f: { handlingEndedAt: '2026-12-05T10:00:00.000Z' } }), {
      'cac.summary': { required: true, start: '2026-12-05T10:00:00.000Z', ruleKey: 'cac.summary.30d' } }],
    ['minors involved: report and inform guardians immediately', ctx({ f: { minorsInvolved: true } }), {
      'minors.authority': { required: true, start: D, ruleKey: 'minors.report' }, 'minors.guardians': { required: true, start: D, ruleKey: 'minors.report' } }],
    ['EU, risk not yet assessed: Art. 33 applies', ctx({ f: { jurisdictions: ['EU'] } }), {
      'gdpr33.authority': { required: true, start: D, ruleKey: 'gdpr33.authority.72h' }, 'gdpr34.individuals': { required: false, start: D } }],
    ['EU, unlikely to result in a risk: no Art. 33 notice', ctx({ f: { jurisdictions: ['EU'], gdprRisk: 'none' } }), {
      'gdpr33.authority': { required: false, start: D } }],
    ['EU, high risk: Arts. 33 and 34', ctx({ f: { jurisdictions: ['EU'], gdprRisk: 'high' } }), {
      'gdpr33.authority': { required: true, start: D }, 'gdpr34.individuals': { required: true, start: D } }],
    ['EU, high risk, data encrypted: Art. 34(3)(a) exception', ctx({ f: { jurisdictions: ['EU'], gdprRisk: 'high', gdpr34Exception: 'unintelligible' } }), {
      'gdpr33.authority': { required: true, start: D }, 'gdpr34.individuals': { required: false, start: D } }],
    ['EU, high risk, disproportionate effort: public communication still required', ctx({ f: { jurisdictions: ['EU'], gdprRisk: 'high', gdpr34Exception: 'disproportionate' } }), {
      'gdpr34.individuals': { required: true, start: D } }],
    ['California, 500 residents: notice but no AG sample', ctx({ f: { jurisdictions: ['US-CA'], californiaResidentsAffected: 500 } }), {
      'ca.residents': { required: true, start: D, ruleKey: 'ca.residents.30d' }, 'ca.ag': { required: false, start: null } }],
    ['California, 501 residents: AG sample waits for the resident notice', ctx({ f: { jurisdictions: ['US-CA'], californiaResidentsAffected: 501 } }), {
      'ca.ag': { required: true, start: null } }],
    ['California, resident notice sent: AG 15-day clock starts then', ctx({ f: { jurisdictions: ['US-CA'], californiaResidentsAffected: 501 }, caResidentsNotifiedAt: '2026-12-10T00:00:00.000Z' }), {
      'ca.ag': { required: true, start: '2026-12-10T00:00:00.000Z', ruleKey: 'ca.ag.15d' } }],
    ['California count unknown: everyone affected counts', ctx({ f: { jurisdictions: ['CN', 'US-CA'], individualsAffected: 600 } }), {
      'ca.residents': { required: true, start: D }, 'ca.ag': { required: true, start: null } }],
  ];
  it.each(rows)('%s', (_name, context, expected) => {
    const plans = computeObligations(context);
    expect(plans).toHaveLength(23);
    for (const [key, want] of Object.entries(expected)) {
      const got = plans.find((p) => p.key === key)!;
      expect({ key, required: got.required, start: got.start }).toEqual({ key, required: want!.required, start: want!.start });
      if (want!.ruleKey) expect(got.ruleKey).toBe(want!.ruleKey);
      expect(got.basis.en.length).toBeGreaterThan(0);
      expect(got.explanation.zh.length).toBeGreaterThan(0);
    }
  });

  it('explains a CII clock in the DPO’s words', () => {
    const cac = computeObligations(ctx({ grade: 'relativelyMajor', ciiOperator: true })).find((p) => p.key === 'cac.report')!;
    expect(cac.explanation.en).toContain('within 1 hour of discovery');
    expect(cac.rule.zh).toContain('1小时');
  });
});
