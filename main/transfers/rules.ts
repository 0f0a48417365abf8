import type { LocalizedText } from '../../preload/contract/common';
import type { ChosenRoute, ExemptScenario, RecommendedRoute, Regime, Threshold, Verdict } from '../../preload/contract/transfers';
import type { RuleAt } from '../rules/resolve';
import { BASIS, ROUTE_NAME, ROUTE_RANK, SCENARIO_BASIS, SCENARIO_NAME, WARNING_SHARE } from './model';

// The route classifier (RULES.md §4). Pure: the caller passes the totals of the counting
// window; nothing here reads the clock or the vault.

export interface ClassifyInput {
  regime: Regime;
  ciiOperator: boolean;
  importantData: boolean;
  /** The exemption the DPO claims for this transfer (null for the company-wide verdict). */
  exemptScenario: ExemptScenario | null;
  /** False only where the data holds no personal information at all (Art. 3 claims). */
  carriesPersonalInfo: boolean;
  /** Whether sensitive PI is exported: the sensitive-PI thresholds apply only then. */
  carriesSensitive: boolean;
  /** Unique individuals in the counting window, after the duplicate adjustment. */
  totals: { nonSensitive: number; sensitive: number; processedTotal: number | null };
  /** The year the verdict is for (the counting window is derived from it and the regime). */
  year: number;
  /** The regime's route bands (transfer.routes.2024 / .2023) as the catalogue holds them for that year. */
  bands: RuleAt;
  /**
   * Of the totals, the individuals already exported under a standard contract or certification:
   * whether they count toward the assessment band is the bands' `priorRouteVolumesCount`.
   */
  priorRouteTotals?: { nonSensitive: number; sensitive: number };
  /** Art. 6: the pilot free-trade zone the processor is registered in and its negative list, when claimed. */
  ftz?: { zone: string; list: string };
}

interface Bands2024 {
  contractNonSensitive: number;
  assessmentNonSensitive: number;
  contractSensitive: number;
  assessmentSensitive: number;
  priorRouteVolumesCount: boolean;
}
interface Bands2023 {
  processedTotal: number;
  assessmentAll: number;
  assessmentSensitive: number;
}
const b24 = (i: ClassifyInput) => i.bands.params as unknown as Bands2024;
const b23 = (i: ClassifyInput) => i.bands.params as unknown as Bands2023;

/** What the assessment band counts: everything, unless the bands leave out volumes already under a contract or certification. */
function assessmentTotals(input: ClassifyInput): { nonSensitive: number; sensitive: number } {
  const { nonSensitive, sensitive } = input.totals;
  if (b24(input).priorRouteVolumesCount || !input.priorRouteTotals) return { nonSensitive, sensitive };
  return { nonSensitive: Math.max(0, nonSensitive - input.priorRouteTotals.nonSensitive), sensitive: Math.max(0, sensitive - input.priorRouteTotals.sensitive) };
}

// Thousands separators without Intl: toLocaleString builds a formatter per call, and the list
// classifies every row it shows.
const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const t = (en: string, zh: string): LocalizedText => ({ en, zh });

/** 2024 Provisions: since 1 January of the current year; 2023 Measures: since 1 January of the previous year. */
export function countingWindow(regime: Regime, year: number): { from: string; to: string } {
  return { from: `${regime === '2023' ? year - 1 : year}-01-01`, to: `${year}-12-31` };
}

function threshold(key: string, label: LocalizedText, count: number, limit: number, routeAtLimit: RecommendedRoute, basis: LocalizedText): Threshold {
  // Civil Code Art. 1259: "以上" includes the number, so the limit itself is reached.
  const reached = count >= limit;
  return { key, label, count, limit, routeAtLimit, reached, remaining: reached ? 0 : limit - count, basis };
}

function thresholdsFor(input: ClassifyInput): Threshold[] {
  const { nonSensitive, sensitive, processedTotal } = input.totals;
  if (input.regime === '2023') {
    const b = b23(input);
    // The 2022 Assessment Measures counted all PI, sensitive included (the overlap of the two counts follows commentary).
    const all = nonSensitive + sensitive;
    const list = [
      threshold('processed.1m', t('individuals processed in total', '处理个人信息总人数'), processedTotal ?? 0, b.processedTotal, 'securityAssessment', BASIS.sam4),
      threshold('pi.100k', t('individuals exported since 1 January of the previous year', '自上年1月1日起累计出境个人信息人数'), all, b.assessmentAll, 'securityAssessment', BASIS.sam4),
    ];
    if (input.carriesSensitive) {
      list.push(threshold('sensitive.10k', t('individuals whose sensitive PI was exported since 1 January of the previous year', '自上年1月1日起累计出境敏感个人信息人数'), sensitive, b.assessmentSensitive, 'securityAssessment', BASIS.sam4));
    }
    return list;
  }
  const b = b24(input);
  const a = assessmentTotals(input);
  const list = [
    threshold('pi.100k', t('individuals (non-sensitive PI) exported since 1 January', '自当年1月1日起累计出境个人信息（不含敏感个人信息）人数'), nonSensitive, b.contractNonSensitive, 'standardContractOrCertification', BASIS.art8),
    threshold('pi.1m', t('individuals (non-sensitive PI) exported since 1 January', '自当年1月1日起累计出境个人信息（不含敏感个人信息）人数'), a.nonSensitive, b.assessmentNonSensitive, 'securityAssessment', BASIS.art7),
  ];
  if (input.carriesSensitive) {
    list.push(
      threshold('sensitive.1', t('individuals whose sensitive PI was exported since 1 January', '自当年1月1日起累计出境敏感个人信息人数'), sensitive, b.contractSensitive, 'standardContractOrCertification', BASIS.art8),
      threshold('sensitive.10k', t('individuals whose sensitive PI was exported since 1 January', '自当年1月1日起累计出境敏感个人信息人数'), a.sensitive, b.assessmentSensitive, 'securityAssessment', BASIS.art7),
    );
  }
  return list;
}

/** The nearest threshold that would make the route stricter, by share of its limit still to go. */
function nextThresholdOf(route: RecommendedRoute, list: Threshold[]): Threshold | null {
  const ahead = list.filter((th) => !th.reached && ROUTE_RANK[th.routeAtLimit] > ROUTE_RANK[route]);
  ahead.sort((a, b) => a.remaining / a.limit - b.remaining / b.limit);
  return ahead[0] ?? null;
}

function warningFor(next: Threshold | null): LocalizedText | null {
  if (!next || next.limit <= 1 || next.count < next.limit * (1 - WARNING_SHARE)) return null;
  const to = ROUTE_NAME[next.routeAtLimit];
  return t(
    `Within 10% of a threshold: ${fmt(next.count)} of ${fmt(next.limit)} ${next.label.en}; ${fmt(next.remaining)} more and the route becomes ${to.en} (${next.basis.en}).`,
    `距门槛不足10%：${next.label.zh}已达${fmt(next.count)}人（门槛${fmt(next.limit)}人），再增加${fmt(next.remaining)}人即须${to.zh}（${next.basis.zh}）。`,
  );
}

function verdict(input: ClassifyInput, route: RecommendedRoute, rule: LocalizedText, reason: LocalizedText, basis: LocalizedText, opts: { scenario?: ExemptScenario; volumesMatter?: boolean } = {}): Verdict {
  const thresholds = thresholdsFor(input);
  const next = opts.volumesMatter === false ? null : nextThresholdOf(route, thresholds);
  return {
    route,
    exemptScenario: opts.scenario ?? null,
    rule,
    reason,
    basis,
    regime: input.regime,
    countingWindow: countingWindow(input.regime, input.year),
    thresholds,
    nextThreshold: next,
    warning: warningFor(next),
  };
}

const RULE_2024 = t('Route for exporting personal information (2024 Provisions)', '个人信息出境路径（2024年《规定》）');
const RULE_2023 = t('Route for exporting personal information (2023 Standard Contract Measures basis)', '个人信息出境路径（2023年《标准合同办法》口径）');

export function classifyRoute(input: ClassifyInput): Verdict {
  return input.regime === '2023' ? classify2023(input) : classify2024(input);
}

function classify2024(input: ClassifyInput): Verdict {
  const { nonSensitive, sensitive } = input.totals;
  const s = input.exemptScenario;
  const scenarioNote = (why: LocalizedText) => (s && s !== 'belowThreshold' ? t(` The claimed exemption (${SCENARIO_NAME[s].en}) does not apply: ${why.en}`, `所主张的豁免情形（${SCENARIO_NAME[s].zh}）不适用：${why.zh}`) : t('', ''));

  // Arts. 3–5(1)–(3) exempt whatever the volumes; Art. 7 and 8 apply "except" these (Art. 7/8 chapeau).
  if (s === 'art3NonPersonal' && !input.carriesPersonalInfo && !input.importantData) {
    return verdict(input, 'exempt', RULE_2024, t('The data holds no personal information and no important data, so no route is needed.', '数据不含个人信息和重要数据，无需履行出境路径。'), SCENARIO_BASIS[s], { scenario: s, volumesMatter: false });
  }
  // 2024 Provisions Art. 6: data not on the zone's negative list leaves without assessment, contract or certification.
  if (s === 'ftzNegativeList' && !input.importantData) {
    const zone = input.ftz?.zone || '(zone not named)';
    const list = input.ftz?.list || '(list not named)';
    return verdict(
      input,
      'exempt',
      RULE_2024,
      t(`Exempt: the processor is registered in ${zone} and the data is not on its negative list (${list}). The Art. 39 notice, separate consent and the PIPIA still apply.`, `予以豁免：处理者在${zone}注册，且数据不属于其负面清单（${list}）所列。第三十九条告知、单独同意及个人信息保护影响评估仍然适用。`),
      SCENARIO_BASIS[s],
      { scenario: s, volumesMatter: false },
    );
  }
  if (s && s !== 'art3NonPersonal' && s !== 'belowThreshold' && !input.importantData) {
    return verdict(
      input,
      'exempt',
      RULE_2024,
      t(`Exempt while the transfer is ${SCENARIO_NAME[s].en}; the volumes do not change that. Keep the evidence that the scenario holds.`, `只要属于“${SCENARIO_NAME[s].zh}”情形即予豁免，与数量无关；请留存该情形成立的证据。`),
      SCENARIO_BASIS[s],
      { scenario: s, volumesMatter: false },
    );
  }
  const why =
    s === 'art3NonPersonal'
      ? scenarioNote(input.importantData ? t('the data includes important data.', '数据包含重要数据。') : t('the data includes personal information.', '数据包含个人信息。'))
      : scenarioNote(t('important data is exported.', '出境数据包含重要数据。'));
  const withWhy = (r: LocalizedText): LocalizedText => t(r.en + why.en, r.zh + why.zh);
  if (input.importantData) {
    return verdict(input, 'securityAssessment', RULE_2024, withWhy(t('Important data is exported, which always needs a security assessment.', '向境外提供重要数据，须申报安全评估。')), BASIS.art7, { volumesMatter: false });
  }
  if (input.ciiOperator && input.carriesPersonalInfo) {
    return verdict(input, 'securityAssessment', RULE_2024, t('A critical information infrastructure operator exports personal information: security assessment whatever the number.', '关键信息基础设施运营者向境外提供个人信息，不论数量均须申报安全评估。'), BASIS.art7, { volumesMatter: false });
  }
  const b = b24(input);
  const a = assessmentTotals(input);
  // RULES.md §7 (commentary): volumes already exported under a contract or certification count toward the assessment band.
  const prior = input.priorRouteTotals && b.priorRouteVolumesCount && input.priorRouteTotals.nonSensitive + input.priorRouteTotals.sensitive > 0
    ? t(` This includes ${fmt(input.priorRouteTotals.nonSensitive + input.priorRouteTotals.sensitive)} individuals already exported under a standard contract or certification, which count toward this band.`, `其中包括已通过标准合同或认证出境的${fmt(input.priorRouteTotals.nonSensitive + input.priorRouteTotals.sensitive)}人，计入该门槛。`)
    : t('', '');
  const withPrior = (r: LocalizedText): LocalizedText => t(r.en + prior.en, r.zh + prior.zh);
  if (a.nonSensitive >= b.assessmentNonSensitive) {
    return verdict(input, 'securityAssessment', RULE_2024, withPrior(withWhy(t(`${fmt(a.nonSensitive)} individuals' personal information (non-sensitive) exported since 1 January: ${fmt(b.assessmentNonSensitive)} or more needs a security assessment.`, `自当年1月1日起累计向境外提供${fmt(a.nonSensitive)}人个人信息（不含敏感个人信息），达${fmt(b.assessmentNonSensitive)}人以上，须申报安全评估。`))), BASIS.art7);
  }
  if (input.carriesSensitive && a.sensitive >= b.assessmentSensitive) {
    return verdict(input, 'securityAssessment', RULE_2024, withPrior(withWhy(t(`${fmt(a.sensitive)} individuals' sensitive personal information exported since 1 January: ${fmt(b.assessmentSensitive)} or more needs a security assessment.`, `自当年1月1日起累计向境外提供${fmt(a.sensitive)}人敏感个人信息，达${fmt(b.assessmentSensitive)}人以上，须申报安全评估。`))), BASIS.art7);
  }
  if (nonSensitive >= b.contractNonSensitive) {
    return verdict(input, 'standardContractOrCertification', RULE_2024, withWhy(t(`${fmt(nonSensitive)} individuals' personal information (non-sensitive) exported since 1 January: from ${fmt(b.contractNonSensitive)} to under ${fmt(b.assessmentNonSensitive)} needs a standard contract or certification.`, `自当年1月1日起累计向境外提供${fmt(nonSensitive)}人个人信息（不含敏感个人信息），在${fmt(b.contractNonSensitive)}人以上、不满${fmt(b.assessmentNonSensitive)}人之间，须订立标准合同或通过认证。`)), BASIS.art8);
  }
  if (input.carriesSensitive && sensitive >= b.contractSensitive) {
    return verdict(input, 'standardContractOrCertification', RULE_2024, withWhy(t(`${fmt(sensitive)} individuals' sensitive personal information exported since 1 January: any sensitive PI under ${fmt(b.assessmentSensitive)} individuals needs a standard contract or certification.`, `自当年1月1日起累计向境外提供${fmt(sensitive)}人敏感个人信息（不满${fmt(b.assessmentSensitive)}人），须订立标准合同或通过认证。`)), BASIS.art8);
  }
  return verdict(
    input,
    'exempt',
    RULE_2024,
    t(`${fmt(nonSensitive)} individuals' personal information (non-sensitive) exported since 1 January and no sensitive PI: under ${fmt(b.contractNonSensitive)} is exempt.${why.en}`, `自当年1月1日起累计向境外提供${fmt(nonSensitive)}人个人信息（不含敏感个人信息）且无敏感个人信息，不满${fmt(b.contractNonSensitive)}人，予以豁免。${why.zh}`),
    BASIS.art5_4,
    { scenario: 'belowThreshold' },
  );
}

function classify2023(input: ClassifyInput): Verdict {
  const { nonSensitive, sensitive, processedTotal } = input.totals;
  const all = nonSensitive + sensitive;
  const b = b23(input);
  const unknownProcessed = processedTotal === null ? t(` (Total processed not recorded: taken as under ${fmt(b.processedTotal)}.)`, `（未记录处理个人信息总人数，按不满${fmt(b.processedTotal)}人计。）`) : t('', '');
  const basis2023 = (en: string, zh: string) => t(`${en} This record keeps the 2023 Measures' basis (counting since 1 January of the previous year) until it is re-filed.`, `${zh}本记录沿用2023年办法的口径（自上年1月1日起累计）直至重新备案。`);
  if (input.importantData) return verdict(input, 'securityAssessment', RULE_2023, basis2023('Important data is exported: security assessment.', '向境外提供重要数据，须申报安全评估。'), BASIS.sam4, { volumesMatter: false });
  if (input.ciiOperator) return verdict(input, 'securityAssessment', RULE_2023, basis2023('A critical information infrastructure operator exports personal information: security assessment.', '关键信息基础设施运营者向境外提供个人信息，须申报安全评估。'), BASIS.sam4, { volumesMatter: false });
  if ((processedTotal ?? 0) >= b.processedTotal) {
    return verdict(input, 'securityAssessment', RULE_2023, basis2023(`The company processes ${fmt(processedTotal ?? 0)} individuals' personal information: ${fmt(b.processedTotal)} or more needs a security assessment.`, `处理${fmt(processedTotal ?? 0)}人个人信息，达${fmt(b.processedTotal)}人以上，须申报安全评估。`), BASIS.sam4);
  }
  if (all >= b.assessmentAll) {
    return verdict(input, 'securityAssessment', RULE_2023, basis2023(`${fmt(all)} individuals' personal information exported since 1 January of the previous year: ${fmt(b.assessmentAll)} or more needs a security assessment.`, `自上年1月1日起累计向境外提供${fmt(all)}人个人信息，达${fmt(b.assessmentAll)}人以上，须申报安全评估。`), BASIS.sam4);
  }
  if (input.carriesSensitive && sensitive >= b.assessmentSensitive) {
    return verdict(input, 'securityAssessment', RULE_2023, basis2023(`${fmt(sensitive)} individuals' sensitive personal information exported since 1 January of the previous year: ${fmt(b.assessmentSensitive)} or more needs a security assessment.`, `自上年1月1日起累计向境外提供${fmt(sensitive)}人敏感个人信息，达${fmt(b.assessmentSensitive)}人以上，须申报安全评估。`), BASIS.sam4);
  }
  return verdict(
    input,
    'standardContractOrCertification',
    RULE_2023,
    basis2023(`Under ${fmt(b.processedTotal)} individuals processed, under ${fmt(b.assessmentAll)} exported and under ${fmt(b.assessmentSensitive)} sensitive since 1 January of the previous year: the standard contract applies.${unknownProcessed.en}`, `处理个人信息不满${fmt(b.processedTotal)}人，自上年1月1日起累计出境个人信息不满${fmt(b.assessmentAll)}人、敏感个人信息不满${fmt(b.assessmentSensitive)}人，适用标准合同。${unknownProcessed.zh}`),
    BASIS.scm4,
  );
}

/** Compares the DPO's chosen route with the recommendation: a less strict choice is a mismatch. */
export function checkChosenRoute(chosen: ChosenRoute, v: Verdict): { status: 'matches' | 'mismatch' | 'stricter' | 'undecided'; message: LocalizedText } {
  const rec = ROUTE_NAME[v.route];
  if (chosen === 'undecided') return { status: 'undecided', message: t(`No route chosen yet; recommended: ${rec.en}.`, `尚未选择出境路径；建议：${rec.zh}。`) };
  const rank: Record<Exclude<ChosenRoute, 'undecided'>, number> = { exempt: 0, standardContract: 1, certification: 1, securityAssessment: 2 };
  const diff = rank[chosen] - ROUTE_RANK[v.route];
  if (diff < 0) return { status: 'mismatch', message: t(`The chosen route is less than the law requires: ${rec.en} is needed (${v.basis.en}).`, `所选路径低于法定要求：须${rec.zh}（${v.basis.zh}）。`) };
  if (diff > 0) return { status: 'stricter', message: t(`The chosen route goes beyond what is required (${rec.en}); allowed, but check it is intended.`, `所选路径高于法定要求（${rec.zh}），可以但请确认。`) };
  return { status: 'matches', message: t(`The chosen route matches the recommendation: ${rec.en}.`, `所选路径与建议一致：${rec.zh}。`) };
}
