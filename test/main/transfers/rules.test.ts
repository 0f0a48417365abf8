import { describe, expect, it } from 'vitest';
import { checkChosenRoute, classifyRoute, countingWindow, type ClassifyInput } from '../../../main/transfers/rules';
import { shippedCatalogue } from '../../../main/rules/catalogue';
import { must, rulesAt } from '../../../main/rules/resolve';

const bands = (regime: '2024' | '2023') => must(rulesAt(shippedCatalogue(), '2026-11-29'), `transfer.routes.${regime}`);

const base: ClassifyInput = {
  regime: '2024',
  ciiOperator: false,
  importantData: false,
  exemptScenario: null,
  carriesPersonalInfo: true,
  carriesSensitive: false,
  totals: { nonSensitive: 0, sensitive: 0, processedTotal: null },
  year: 2026,
  bands: bands('2024'),
};
const at = (nonSensitive: number, sensitive = 0, more: Partial<ClassifyInput> = {}): ClassifyInput => ({
  ...base,
  carriesSensitive: sensitive > 0,
  ...more,
  bands: more.bands ?? bands(more.regime ?? '2024'),
  totals: { nonSensitive, sensitive, processedTotal: null, ...(more.totals ?? {}) },
});

describe('classifyRoute — 2024 Provisions thresholds (each ±1)', () => {
  it.each([
    ['under 100,000 non-sensitive, no sensitive PI', at(99_999), 'exempt', '2024 Provisions Art. 5(4)'],
    ['"10万人以上" includes 100,000 (Civil Code Art. 1259)', at(100_000), 'standardContractOrCertification', '2024 Provisions Art. 8'],
    ['above 100,000', at(100_001), 'standardContractOrCertification', '2024 Provisions Art. 8'],
    ['"不满100万人" excludes 1,000,000', at(999_999), 'standardContractOrCertification', '2024 Provisions Art. 8'],
    ['"100万人以上" includes 1,000,000', at(1_000_000), 'securityAssessment', '2024 Provisions Art. 7'],
    ['above 1,000,000', at(1_000_001), 'securityAssessment', '2024 Provisions Art. 7'],
    ['sensitive-only: one individual is enough', at(0, 1), 'standardContractOrCertification', '2024 Provisions Art. 8'],
    ['sensitive-only: "不满1万人"', at(0, 9_999), 'standardContractOrCertification', '2024 Provisions Art. 8'],
    ['sensitive-only: "1万人以上" includes 10,000', at(0, 10_000), 'securityAssessment', '2024 Provisions Art. 7'],
    ['sensitive-only: above 10,000', at(0, 10_001), 'securityAssessment', '2024 Provisions Art. 7'],
    ['sensitive categories declared but nobody counted yet', at(50_000, 0, { carriesSensitive: true }), 'exempt', '2024 Provisions Art. 5(4)'],
    ['sensitive PI lifts a below-threshold company to the contract', at(99_999, 9_999), 'standardContractOrCertification', '2024 Provisions Art. 8'],
    ['a transfer without sensitive PI is judged on non-sensitive counts only', { ...at(99_999), totals: { nonSensitive: 99_999, sensitive: 5_000, processedTotal: null } }, 'exempt', '2024 Provisions Art. 5(4)'],
  ])('%s', (_why, input, route, basisEn) => {
    const v = classifyRoute(input);
    expect(v.route).toBe(route);
    expect(v.basis.en).toBe(basisEn);
    expect(v.reason.en.length).toBeGreaterThan(20);
    expect(v.reason.zh.length).toBeGreaterThan(10);
  });

  it('shows the verdict a US transfer of 150,000 individuals gets, with its reason', () => {
    const v = classifyRoute(at(150_000));
    expect(v.reason.en).toContain('150,000');
    expect(v.reason.en).toContain('standard contract or certification');
    expect(v.nextThreshold).toMatchObject({ key: 'pi.1m', remaining: 850_000, routeAtLimit: 'securityAssessment' });
    expect(v.warning).toBeNull();
  });
});

describe('classifyRoute — CII, important data and each scenario exemption', () => {
  it.each([
    ['a CII operator exporting any PI', at(1, 0, { ciiOperator: true }), 'securityAssessment', '2024 Provisions Art. 7', null],
    ['important data, whatever the volume', at(1, 0, { importantData: true }), 'securityAssessment', '2024 Provisions Art. 7', null],
    ['contract with the individual: volumes do not matter', at(2_000_000, 50_000, { exemptScenario: 'individualContract' }), 'exempt', '2024 Provisions Art. 5(1)', 'individualContract'],
    ['cross-border HR management', at(2_000_000, 0, { exemptScenario: 'hrManagement' }), 'exempt', '2024 Provisions Art. 5(2)', 'hrManagement'],
    ['emergency for life, health, property', at(2_000_000, 0, { exemptScenario: 'emergency' }), 'exempt', '2024 Provisions Art. 5(3)', 'emergency'],
    ['collected abroad and sent back', at(2_000_000, 0, { exemptScenario: 'art4Reexport' }), 'exempt', '2024 Provisions Art. 4', 'art4Reexport'],
    ['no PI, no important data', at(0, 0, { exemptScenario: 'art3NonPersonal', carriesPersonalInfo: false }), 'exempt', '2024 Provisions Art. 3', 'art3NonPersonal'],
    ['Art. 3 cannot be claimed for data holding PI', at(150_000, 0, { exemptScenario: 'art3NonPersonal' }), 'standardContractOrCertification', '2024 Provisions Art. 8', null],
    ['Art. 7 applies "except" Art. 5 scenarios, CII included', at(5, 0, { ciiOperator: true, exemptScenario: 'hrManagement' }), 'exempt', '2024 Provisions Art. 5(2)', 'hrManagement'],
    ['the PI scenarios do not cover important data', at(5, 0, { importantData: true, exemptScenario: 'individualContract' }), 'securityAssessment', '2024 Provisions Art. 7', null],
    ['below-threshold is a count, checked against the totals', at(150_000, 0, { exemptScenario: 'belowThreshold' }), 'standardContractOrCertification', '2024 Provisions Art. 8', null],
  ])('%s', (_why, input, route, basisEn, scenario) => {
    const v = classifyRoute(input as ClassifyInput);
    expect(v.route).toBe(route);
    expect(v.basis.en).toBe(basisEn);
    expect(v.exemptScenario).toBe(scenario);
  });

  it('says why a claimed exemption does not apply', () => {
    const v = classifyRoute(at(150_000, 0, { exemptScenario: 'art3NonPersonal' }));
    expect(v.reason.en).toContain('does not apply');
    expect(v.reason.zh).toContain('不适用');
    const imp = classifyRoute(at(5, 0, { importantData: true, exemptScenario: 'individualContract' }));
    expect(imp.reason.en).toContain('important data');
  });
});

describe('classifyRoute — next threshold and the 10% warning', () => {
  it.each([
    ['just outside 10% of 100,000', at(89_999), 'pi.100k', 10_001, false],
    ['exactly 10% short warns', at(90_000), 'pi.100k', 10_000, true],
    ['one short', at(99_999), 'pi.100k', 1, true],
    ['within 10% of 1,000,000', at(900_000), 'pi.1m', 100_000, true],
    ['the nearest by share: 1,000 of 10,000 sensitive vs 850,000 of 1,000,000', at(150_000, 9_000), 'sensitive.10k', 1_000, true],
    ['already at the strictest route', at(1_000_000), null, 0, false],
    ['volumes do not matter for a scenario exemption', at(10, 0, { exemptScenario: 'hrManagement' }), null, 0, false],
  ])('%s', (_why, input, key, remaining, warns) => {
    const v = classifyRoute(input as ClassifyInput);
    expect(v.nextThreshold?.key ?? null).toBe(key);
    if (key) expect(v.nextThreshold?.remaining).toBe(remaining);
    expect(v.warning !== null).toBe(warns);
  });
});

describe('classifyRoute — records kept on the 2023 Measures basis', () => {
  const old = (all: number, sensitive: number, processedTotal: number | null) => at(all, sensitive, { regime: '2023', totals: { nonSensitive: all, sensitive, processedTotal } });
  it.each([
    ['under every 2023 limit', old(99_999, 0, 999_999), 'standardContractOrCertification', 'Standard Contract Measures (2023) Art. 4'],
    ['1,000,000 processed in total', old(99_999, 0, 1_000_000), 'securityAssessment', 'Security Assessment Measures (2022) Art. 4'],
    ['100,000 exported since 1 January of the previous year', old(100_000, 0, 10), 'securityAssessment', 'Security Assessment Measures (2022) Art. 4'],
    ['9,999 sensitive', old(0, 9_999, 10), 'standardContractOrCertification', 'Standard Contract Measures (2023) Art. 4'],
    ['10,000 sensitive', old(0, 10_000, 10), 'securityAssessment', 'Security Assessment Measures (2022) Art. 4'],
    ['no exemption below threshold under 2023; processed unknown', old(10, 0, null), 'standardContractOrCertification', 'Standard Contract Measures (2023) Art. 4'],
  ])('%s', (_why, input, route, basisEn) => {
    const v = classifyRoute(input);
    expect(v.route).toBe(route);
    expect(v.basis.en).toBe(basisEn);
    expect(v.regime).toBe('2023');
  });

  it('counts from 1 January of the previous year under 2023 and of the current year under 2024', () => {
    expect(countingWindow('2023', 2026)).toEqual({ from: '2025-01-01', to: '2026-12-31' });
    expect(countingWindow('2024', 2027)).toEqual({ from: '2027-01-01', to: '2027-12-31' });
    expect(classifyRoute(at(10, 0, { regime: '2023' })).reason.en).toContain('Total processed not recorded');
  });
});

describe('checkChosenRoute', () => {
  it.each([
    ['contract for 100k–1M', 'standardContract', at(150_000), 'matches'],
    ['certification is the alternative of Art. 8', 'certification', at(150_000), 'matches'],
    ['exempt chosen but a contract is needed', 'exempt', at(150_000), 'mismatch'],
    ['a contract is not enough at 1M', 'standardContract', at(1_000_000), 'mismatch'],
    ['an assessment is more than needed', 'securityAssessment', at(150_000), 'stricter'],
    ['a contract where exempt', 'standardContract', at(10), 'stricter'],
    ['nothing chosen yet', 'undecided', at(10), 'undecided'],
  ] as const)('%s', (_why, chosen, input, status) => {
    expect(checkChosenRoute(chosen, classifyRoute(input)).status).toBe(status);
  });
});
