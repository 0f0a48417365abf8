import { DateTime } from 'luxon';
import type { LocalizedText } from '../../preload/contract/common';
import type { Period } from '../../preload/contract/rules';
import { texts, type Catalogue } from './catalogue';
import { formatPeriod } from './format';
import type { Params, RuleSource } from './model';
import { DEFINITIONS } from './seed';

// A record's rules as the pure functions take them: each rule's version in force on the
// record's start (an incident's discovery, a transfer's year), with its texts filled in.

export interface RuleAt {
  key: string;
  versionId: string;
  name: LocalizedText;
  basis: LocalizedText;
  source: RuleSource;
  params: Params;
}

/** null: the rule has no version in force then (e.g. a duty that starts later). */
export type RulesAt = (key: string) => RuleAt | null;

/** The date of an instant (or date) in the rule's zone (PRC rules: Beijing). */
export function dateIn(key: string, at: string): string {
  const zone = DEFINITIONS.get(key)?.zone ?? 'Asia/Shanghai';
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : DateTime.fromISO(at, { zone }).toISODate()!;
}

export function rulesAt(catalogue: Catalogue, at: string): RulesAt {
  const memo = new Map<string, RuleAt | null>();
  return (key) => {
    if (memo.has(key)) return memo.get(key)!;
    const v = catalogue.at(key, dateIn(key, at));
    const r = v ? { key, versionId: v.id, ...texts(v), source: v.source, params: v.params } : null;
    memo.set(key, r);
    return r;
  };
}

/** Like rulesAt, for rules that always have a version (throws with the rule and date otherwise). */
export const must = (rules: RulesAt, key: string): RuleAt => {
  const r = rules(key);
  if (!r) throw new RangeError(`No version of rule ${key} is in force for this record`);
  return r;
};

export const periodOf = (r: RuleAt): Period => r.params.period as Period;
export const periodText = (r: RuleAt): LocalizedText => formatPeriod(periodOf(r));
export const num = (r: RuleAt, name: string): number => r.params[name] as number;
