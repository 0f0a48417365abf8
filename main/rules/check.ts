import { LocalizedText as LocalizedTextSchema } from '../../preload/contract/common';
import { Period as PeriodSchema, RuleSource, SourceKind, type ParamSpec, type ScalarSpec } from '../../preload/contract/rules';
import type { Params, RuleDefinition } from './model';
import { zodIssueProblem } from '../shared/zod-problems';
import { problem, type Problem } from '../shared/errors';

// Pure checks of catalogue data, for the DPO's edits and for imported packs alike: every
// parameter has the shape its rule declares, and a rule's versions never overlap.

export type Problems = Record<string, Problem>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const isDate = (s: unknown): s is string => typeof s === 'string' && DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

function checkScalar(spec: ScalarSpec, value: unknown, path: string, problems: Problems): void {
  switch (spec.type) {
    case 'period': {
      const parsed = PeriodSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        problems[[path, ...issue.path.map(String)].join('.')] = zodIssueProblem(issue, value);
      } else if (spec.kinds && !spec.kinds.includes(parsed.data.kind)) problems[`${path}.kind`] = problem('countsIn', { kinds: spec.kinds.join(' or ') });
      return;
    }
    case 'int':
      if (typeof value !== 'number' || !Number.isInteger(value)) problems[path] = problem('wholeNumber');
      else if (value < spec.min || value > spec.max) problems[path] = problem('between', { min: spec.min, max: spec.max });
      return;
    case 'bool':
      if (typeof value !== 'boolean') problems[path] = problem('trueFalse');
      return;
    case 'sourceKind':
      if (!SourceKind.safeParse(value).success) problems[path] = problem('sourceKind');
      return;
    case 'text': {
      const parsed = LocalizedTextSchema.strict().safeParse(value);
      if (!parsed.success) problems[path] = problem('textBoth');
      else if (parsed.data.en.length > 2000 || parsed.data.zh.length > 2000) problems[path] = problem('tooLong', { max: 2000 });
      return;
    }
    case 'string':
      if (typeof value !== 'string' || value.length > spec.max) problems[path] = problem('textUpTo', { max: spec.max });
      else if (spec.pattern && !new RegExp(spec.pattern).test(value)) problems[path] = problem('notValidValue', { value });
      return;
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) problems[path] = problem('notOneOf', { options: spec.values.filter(Boolean).join(', ') });
      return;
  }
}

function checkList(spec: Extract<ParamSpec, { type: 'list' }>, value: unknown, path: string, problems: Problems): void {
  if (!Array.isArray(value)) {
    problems[path] = problem('notList');
    return;
  }
  if (spec.minItems && value.length < spec.minItems) problems[path] = problem('tooFew', { min: spec.minItems });
  const seen = new Set<string>();
  value.forEach((row, i) => {
    const at = `${path}.${i}`;
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      problems[at] = problem('rowOfFields');
      return;
    }
    for (const k of Object.keys(row)) if (!(k in spec.item)) problems[`${at}.${k}`] = problem('unknownField');
    for (const [name, s] of Object.entries(spec.item)) {
      if (!(name in row)) problems[`${at}.${name}`] = problem('required');
      else checkScalar(s, (row as Record<string, unknown>)[name], `${at}.${name}`, problems);
    }
    if (spec.keyField) {
      const key = String((row as Record<string, unknown>)[spec.keyField]);
      if (seen.has(key)) problems[`${at}.${spec.keyField}`] = problem('keyListedTwice', { key });
      seen.add(key);
    }
  });
  const keySpec = spec.keyField ? spec.item[spec.keyField] : undefined;
  const shippedKeys = spec.fixedKeys && keySpec?.type === 'enum' ? keySpec.values.filter(Boolean) : null;
  if (shippedKeys) {
    const missing = shippedKeys.filter((k) => !seen.has(k));
    const extra = [...seen].filter((k) => !shippedKeys.includes(k));
    if (missing.length) problems[path] = problem('rowsRemoved', { keys: missing.join(', ') });
    else if (extra.length) problems[path] = problem('rowsAdded', { keys: extra.join(', ') });
  }
}

/**
 * The parameters of a version against its rule's shape: no unknown name, none missing, each of
 * its type; a list with fixed rows keeps exactly its rows.
 */
export function checkParams(def: RuleDefinition, params: unknown, path = 'params'): Problems {
  const problems: Problems = {};
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return { [path]: problem('paramsObject') };
  for (const k of Object.keys(params)) if (!(k in def.params)) problems[`${path}.${k}`] = problem('unknownParam', { rule: def.key });
  for (const [name, spec] of Object.entries(def.params)) {
    const value = (params as Params)[name];
    if (value === undefined) problems[`${path}.${name}`] = problem('required');
    else if (spec.type === 'list') checkList(spec, value, `${path}.${name}`, problems);
    else checkScalar(spec, value, `${path}.${name}`, problems);
  }
  return problems;
}

export const checkSource = (source: unknown, path: string): Problems => {
  const parsed = RuleSource.safeParse(source);
  if (parsed.success) return {};
  const issue = parsed.error.issues[0];
  return { [[path, ...issue.path.map(String)].join('.')]: zodIssueProblem(issue, source) };
};

export interface DatedVersion {
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/** Versions of one rule, each with from ≤ to and no day covered twice. Returns the first problem. */
export function checkDates(versions: DatedVersion[], path: (i: number) => string): Problems {
  for (let i = 0; i < versions.length; i++) {
    const v = versions[i];
    if (v.effectiveFrom !== null && !isDate(v.effectiveFrom)) return { [`${path(i)}.effectiveFrom`]: problem('dateOrNull') };
    if (v.effectiveTo !== null && !isDate(v.effectiveTo)) return { [`${path(i)}.effectiveTo`]: problem('dateOrNull') };
    if (v.effectiveFrom && v.effectiveTo && v.effectiveTo < v.effectiveFrom) return { [`${path(i)}.effectiveTo`]: problem('endsBeforeStart') };
  }
  const order = versions.map((v, i) => ({ v, i })).sort((a, b) => (a.v.effectiveFrom ?? '') .localeCompare(b.v.effectiveFrom ?? ''));
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1];
    const cur = order[k];
    const prevEnd = prev.v.effectiveTo;
    if (prevEnd === null || (cur.v.effectiveFrom ?? '') <= prevEnd) {
      return { [`${path(cur.i)}.effectiveFrom`]: problem('versionOverlap', { from: prev.v.effectiveFrom ?? '', to: prevEnd ?? '' }) };
    }
  }
  return {};
}
