import type { LocalizedText, ModuleName } from '../../preload/contract/common';
import type { ParamSpec, ParamValue, Period, RegimeCode, RuleKindName, RuleSource, VersionOrigin } from '../../preload/contract/rules';

export type { ParamSpec, ParamValue, Period, RegimeCode, RuleSource, VersionOrigin };
export type Params = Record<string, ParamValue>;

/**
 * What code knows about a rule: its key, what kind of rule it is, the shape of its parameters
 * and how it counts time. The numbers, names, bases, sources and dates are data (a
 * `RuleVersion` in the vault), never here.
 */
export interface RuleDefinition {
  key: string;
  kind: RuleKindName;
  regime: RegimeCode;
  /** The modules whose records depend on the rule: they are recomputed when it changes. */
  usedBy: ModuleName[];
  /** Deadline rules: the zone days are counted in and the calendar they count on. */
  zone?: string;
  country?: string | null;
  params: Record<string, ParamSpec>;
}

/** One dated version of a rule, as stored. Dates are YYYY-MM-DD, both inclusive; null is open. */
export interface RuleVersion {
  id: string;
  key: string;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** Name and basis may hold `{param}` placeholders filled from the parameters ({period} too). */
  name: LocalizedText;
  basis: LocalizedText;
  source: RuleSource;
  params: Params;
  revision: number;
  origin: VersionOrigin;
  reason: string;
  changedAt: string;
  changedBy: string;
}

/** A version as shipped: what migration 900 seeds (ids and stamps are added then). */
export type ShippedVersion = Pick<RuleVersion, 'effectiveFrom' | 'effectiveTo' | 'name' | 'basis' | 'source' | 'params'>;

export interface ShippedRule {
  def: RuleDefinition;
  versions: ShippedVersion[];
}

export const t = (en: string, zh: string): LocalizedText => ({ en, zh });
