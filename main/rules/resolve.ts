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

/** One formatter per zone (a handful of zones): building one costs far more than using it. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** An instant with its offset (Z or ±hh:mm): the same moment wherever it is read. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The date of an instant (or date) in the rule's zone (PRC rules: Beijing). */
export function dateIn(key: string, at: string): string {
  const zone = DEFINITIONS.get(key)?.zone ?? 'Asia/Shanghai';
  if (/^\d{4}-\d{2}-\d{2}$/.test(at)) return at;
  // Opening a record resolves its rules at its start: Intl's zone data through a kept formatter
  // is the same answer as Luxon's at a fraction of the cost. A local time without an offset means
  // a time in the rule's zone, which only Luxon reads that way.
  const ms = INSTANT.test(at) ? Date.parse(at) : Number.NaN;
  if (Number.isNaN(ms)) return DateTime.fromISO(at, { zone }).toISODate()!;
  let format = dayFormats.get(zone);
  if (!format) dayFormats.set(zone, (format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', calendar: 'iso8601', numberingSystem: 'latn' })));
  const parts = format.formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

export function rulesAt(catalogue: Catalogue, at: string): RulesAt {
  const memo = new Map<string, RuleAt | null>();
  // The date in each rule's zone, worked out once per zone: a record's page resolves a dozen rules,
  // and parsing the instant in a zone for each of them was most of what opening an incident cost.
  const dates = new Map<string, string>();
  const dateOf = (key: string): string => {
    const zone = DEFINITIONS.get(key)?.zone ?? 'Asia/Shanghai';
    let date = dates.get(zone);
    if (date === undefined) dates.set(zone, (date = dateIn(key, at)));
    return date;
  };
  return (key) => {
    if (memo.has(key)) return memo.get(key)!;
    const v = catalogue.at(key, dateOf(key));
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
