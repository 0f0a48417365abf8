import type { LocalizedText } from '../../preload/contract/common';
import { fillTemplate } from './format';
import type { Params, RuleDefinition, RuleVersion } from './model';
import { DEFINITIONS, SHIPPED_RULES } from './seed';

// The catalogue as the pure rules see it: a value, loaded once per use (main/rules/load.ts),
// never a global. "In force on a date" is the version whose from ≤ date ≤ to.

export interface Catalogue {
  /** Changes whenever any version changes: caches key on it. */
  readonly fingerprint: string;
  versions(key: string): readonly RuleVersion[];
  at(key: string, date: string): RuleVersion | undefined;
  byId(id: string): RuleVersion | undefined;
  keys(): string[];
}

export function buildCatalogue(versions: RuleVersion[], fingerprint: string): Catalogue {
  const byKey = new Map<string, RuleVersion[]>();
  const byId = new Map<string, RuleVersion>();
  for (const v of versions) {
    byKey.set(v.key, [...(byKey.get(v.key) ?? []), v]);
    byId.set(v.id, v);
  }
  for (const list of byKey.values()) list.sort((a, b) => (a.effectiveFrom ?? '').localeCompare(b.effectiveFrom ?? ''));
  return {
    fingerprint,
    versions: (key) => byKey.get(key) ?? [],
    at(key, date) {
      return byKey.get(key)?.find((v) => (v.effectiveFrom === null || v.effectiveFrom <= date) && (v.effectiveTo === null || date <= v.effectiveTo));
    },
    byId: (id) => byId.get(id),
    keys: () => [...byKey.keys()],
  };
}

/** The shipped versions of one rule as stored rows would hold them (ids are stable per key and order). */
export function shippedVersions(key: string, stamp = '2026-01-01T00:00:00.000Z'): RuleVersion[] {
  const rule = SHIPPED_RULES.find((r) => r.def.key === key);
  return (rule?.versions ?? []).map((v, i) => ({ ...v, id: `${key}#${i + 1}`, key, revision: 1, origin: 'shipped', reason: 'Shipped with the app', changedAt: stamp, changedBy: 'DPO Workstation' }));
}

/** The catalogue exactly as shipped: for tests, and for rules a vault has no version of yet. */
export function shippedCatalogue(): Catalogue {
  return buildCatalogue(SHIPPED_RULES.flatMap((r) => shippedVersions(r.def.key)), 'shipped');
}

export function definitionOf(key: string): RuleDefinition | undefined {
  return DEFINITIONS.get(key);
}

/** The version in force on `date`, or a clear error naming the rule and the date. */
export function requireAt(cat: Catalogue, key: string, date: string): RuleVersion {
  const v = cat.at(key, date);
  if (!v) throw new RangeError(`No version of rule ${key} is in force on ${date}`);
  return v;
}

/** Name and basis with the parameters filled in. */
// Filled once per loaded version (a board page names the rule of every row it shows; filling the
// templates took more time than reading the rows). Versions are not changed once loaded: an edit
// loads a new catalogue.
const filled = new WeakMap<object, { name: LocalizedText; basis: LocalizedText }>();
export const texts = (v: Pick<RuleVersion, 'name' | 'basis' | 'params'>): { name: LocalizedText; basis: LocalizedText } => {
  let t = filled.get(v);
  if (!t) filled.set(v, (t = { name: fillTemplate(v.name, v.params), basis: fillTemplate(v.basis, v.params) }));
  return t;
};

export const paramsAt = <P = Params>(cat: Catalogue, key: string, date: string): P => requireAt(cat, key, date).params as P;

/** "from 2026-01-01", "until 2025-12-31", "2026-01-01 – 2026-06-30", "throughout". */
export function versionLabel(v: Pick<RuleVersion, 'effectiveFrom' | 'effectiveTo' | 'revision'>): string {
  const span = v.effectiveFrom && v.effectiveTo ? `${v.effectiveFrom} – ${v.effectiveTo}` : v.effectiveFrom ? `from ${v.effectiveFrom}` : v.effectiveTo ? `until ${v.effectiveTo}` : 'throughout';
  return v.revision > 1 ? `${span} (rev. ${v.revision})` : span;
}
