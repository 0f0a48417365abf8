import type { z } from 'zod';
import type { LocalizedText } from '../../preload/contract/common';
import type { RuleKeyName, RuleVersionRef } from '../../preload/contract/deadlines';
import type { Period } from '../../preload/contract/rules';
import { texts, versionLabel, type Catalogue } from '../rules/catalogue';
import type { RuleVersion } from '../rules/model';
import { DEFINITIONS } from '../rules/seed';
import type { RuleKey } from './model';

export type { Period };

/**
 * A deadline rule as the engine applies it: the catalogue's version in force at the start, with
 * its texts filled in. Zone and calendar belong to the rule (main/rules/seed): PRC rules count in
 * Asia/Shanghai (RULES.md §1); GDPR in Europe/Brussels (the Union's institutional zone; an hour
 * clock is the same instant in any zone, a month clock can move by at most the offset); the US
 * states in their own zones.
 */
export interface DeadlineRule {
  key: RuleKey;
  version: RuleVersion;
  name: LocalizedText;
  basis: LocalizedText;
  period: Period;
  zone: string;
  /** Country calendar for working days and roll-over; null where no calendar is applied. */
  country: string | null;
}

/** Every deadline rule the catalogue defines. */
export const RULE_KEYS = [...DEFINITIONS.values()].filter((d) => d.kind === 'deadline').map((d) => d.key as RuleKey) as [RuleKey, ...RuleKey[]];

export const isDeadlineRule = (key: string): key is RuleKey => DEFINITIONS.get(key)?.kind === 'deadline';

/** The deadline rules of one regime (the catalogue's definitions say which regime each rule is). */
export const rulesOfRegime = (regime: string): RuleKey[] => RULE_KEYS.filter((k) => DEFINITIONS.get(k)?.regime === regime);

/** The regime of a deadline rule (CN for a key the catalogue does not define). */
export const regimeOf = (key: string): string => DEFINITIONS.get(key)?.regime ?? 'CN';

/** The zone a rule counts in: known before its version is chosen (the start's date is taken there). */
export const zoneOf = (key: string): string => DEFINITIONS.get(key)?.zone ?? 'Asia/Shanghai';

export function deadlineRuleOf(key: string, version: RuleVersion): DeadlineRule {
  const def = DEFINITIONS.get(key)!;
  const { name, basis } = texts(version);
  return { key: key as RuleKey, version, name, basis, period: version.params.period as Period, zone: def.zone ?? 'Asia/Shanghai', country: def.country ?? null };
}

/** The version in force on a date (YYYY-MM-DD in the rule's zone), or undefined. */
export function deadlineRuleAt(catalogue: Catalogue, key: string, date: string): DeadlineRule | undefined {
  if (!isDeadlineRule(key)) return undefined;
  const version = catalogue.at(key, date);
  return version ? deadlineRuleOf(key, version) : undefined;
}

export function versionRef(v: RuleVersion): z.infer<typeof RuleVersionRef> {
  const en = versionLabel(v);
  const zh = v.effectiveFrom && v.effectiveTo ? `${v.effectiveFrom}至${v.effectiveTo}` : v.effectiveFrom ? `自${v.effectiveFrom}起` : v.effectiveTo ? `至${v.effectiveTo}止` : '一直有效';
  return {
    id: v.id,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
    revision: v.revision,
    label: { en: `version in force ${en}`, zh: `${zh}的版本${v.revision > 1 ? `（第${v.revision}次修订）` : ''}` },
    sourceKind: v.source.kind,
  };
}

// The contract's rule enum and the engine's RuleKey must name the same rules.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const CONTRACT_NAMES_EVERY_RULE: Same<RuleKey, z.infer<typeof RuleKeyName>> = true;
