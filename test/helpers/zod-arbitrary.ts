// fast-check arbitraries generated from the contract's zod (v4) schemas, for the tests that must
// cover every channel and every field without a hand-kept list: whatever a module adds to the
// contract is generated here too. No zod 4 generator is published (zod-fast-check targets zod 3),
// so this reads zod's own definitions (`schema._zod.def`).
import fc from 'fast-check';
import type { z } from 'zod';

type Def = {
  type: string;
  format?: string;
  pattern?: RegExp;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  getter?: () => z.ZodType;
};
type CheckDef = {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): CheckDef[] => (d.checks ?? []).map((c) => c._zod.def);

/** Types that only wrap another (optional, default, …): their input is the inner schema's. */
const WRAPPERS = new Set(['optional', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema under every wrapper, nullable and pipe (whose input is its `in`). */
function unwrapped(schema: z.ZodType): z.ZodType {
  for (;;) {
    const d = defOf(schema);
    if (WRAPPERS.has(d.type) || d.type === 'nullable') schema = d.innerType!;
    else if (d.type === 'pipe') schema = d.in!;
    else return schema;
  }
}

/** Whether an object field may be left out. */
export function isOptional(schema: z.ZodType): boolean {
  const d = defOf(schema);
  return d.type === 'optional' || d.type === 'default' || d.type === 'prefault';
}

const TEXT_UNITS = [...'abcdefgxyzABCXYZ0123456789 -_.,中文数据泄露éü'];

function lengthBounds(d: Def): { min: number; max: number } {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum ?? 0);
    if (c.check === 'max_length') max = Math.min(max, c.maximum ?? max);
    if (c.check === 'length_equals') min = max = c.length ?? 0;
  }
  return { min, max };
}

function stringArbitrary(d: Def): fc.Arbitrary<string> {
  const { min, max } = lengthBounds(d);
  const fits = (s: string) => s.length >= min && s.length <= max;
  const regex = d.format === 'regex' ? d.pattern : checksOf(d).find((c) => c.format === 'regex')?.pattern;
  switch (d.format) {
    case 'datetime':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((x) => x.toISOString());
    case 'date':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((x) => x.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress().filter(fits);
    case 'uuid':
      return fc.uuid();
    default:
      break;
  }
  if (regex) return fc.stringMatching(regex).filter(fits);
  const cap = Math.min(max, Math.max(min, 24));
  // A letter or a slash first, so a trimmed non-empty string stays non-empty (and a full path,
  // the one refinement several fields share, comes up too).
  return fc
    .tuple(fc.constantFrom('a', '/'), fc.string({ minLength: Math.max(0, min - 1), maxLength: Math.max(0, cap - 1), unit: fc.constantFrom(...TEXT_UNITS) }))
    .map(([first, s]) => (cap === 0 ? '' : `${first}${s}`))
    .filter(fits);
}

function numberArbitrary(d: Def): fc.Arbitrary<number> {
  let min = -1e6;
  let max = 1e6;
  let integer = false;
  for (const c of checksOf(d)) {
    if (c.check === 'greater_than') min = c.inclusive ? (c.value as number) : (c.value as number) + 1e-9;
    if (c.check === 'less_than') max = c.inclusive ? (c.value as number) : (c.value as number) - 1e-9;
    if (c.check === 'number_format' && /int/.test(c.format ?? '')) integer = true;
  }
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values shaped like the schema's input; most pass it (refinements may not: filter with the schema). */
export function arbitraryOf(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  if (WRAPPERS.has(d.type)) return arbitraryOf(d.innerType!, depth);
  switch (d.type) {
    case 'string':
      return stringArbitrary(d);
    case 'number':
      return numberArbitrary(d);
    case 'int':
      return fc.integer({ min: -1e6, max: 1e6 });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
      return fc.constant(undefined);
    case 'unknown':
    case 'any':
      return fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer());
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries!));
    case 'literal':
      return fc.constantFrom(...d.values!);
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: arbitraryOf(d.innerType!, depth) });
    case 'pipe':
      return arbitraryOf(d.in!, depth);
    case 'lazy':
      return depth > 4 ? fc.constant(null) : arbitraryOf(d.getter!(), depth + 1);
    case 'array': {
      const { min, max } = lengthBounds(d);
      return fc.array(arbitraryOf(d.element!, depth + 1), { minLength: min, maxLength: Math.max(min, Math.min(max, 3)) });
    }
    case 'object': {
      const shape = d.shape!;
      const model = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, arbitraryOf(v, depth + 1)]));
      const requiredKeys = Object.keys(shape).filter((k) => !isOptional(shape[k]));
      return fc.record(model, { requiredKeys }) as fc.Arbitrary<unknown>;
    }
    case 'record': {
      const key = defOf(d.keyType!);
      const value = arbitraryOf(d.valueType!, depth + 1);
      if (key.type === 'enum') {
        const keys = Object.values(key.entries!).map(String);
        return fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] }) as fc.Arbitrary<unknown>;
      }
      return fc.dictionary(arbitraryOf(d.keyType!, depth + 1) as fc.Arbitrary<string>, value, { maxKeys: 3 });
    }
    case 'union':
      return fc.oneof(...d.options!.map((o) => arbitraryOf(o, depth)));
    default:
      throw new Error(`zod-arbitrary: no generator for zod type "${d.type}" (add one)`);
  }
}

/** Inputs the schema accepts. */
export function validArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  return arbitraryOf(schema).filter((v) => schema.safeParse(v).success);
}

/**
 * Every place a string can sit in the schema's input, as paths with `*` for an array item or a
 * record value. Enum and literal strings count: any string the renderer can send is walked.
 */
export function stringPathsOf(schema: z.ZodType, path: string[] = [], seen = new Set<z.ZodType>()): string[] {
  const d = defOf(unwrapped(schema));
  const here = path.join('.');
  switch (d.type) {
    case 'string':
    case 'enum':
      return [here];
    case 'literal':
      return d.values!.some((v) => typeof v === 'string') ? [here] : [];
    case 'lazy': {
      if (seen.has(schema)) return [];
      seen.add(schema);
      return stringPathsOf(d.getter!(), path, seen);
    }
    case 'array':
      return stringPathsOf(d.element!, [...path, '*'], seen);
    case 'object':
      return Object.entries(d.shape!).flatMap(([k, v]) => stringPathsOf(v, [...path, k], seen));
    case 'record':
      return stringPathsOf(d.valueType!, [...path, '*'], seen);
    case 'union':
      return [...new Set(d.options!.flatMap((o) => stringPathsOf(o, path, seen)))];
    default:
      return [];
  }
}

/** The string leaves of a generated value: [concrete path, pattern path with `*`]. */
export function stringLeaves(value: unknown, isRecord: (pattern: string) => boolean, path: string[] = [], pattern: string[] = []): { path: string[]; pattern: string }[] {
  if (typeof value === 'string') return [{ path, pattern: pattern.join('.') }];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, isRecord, [...path, String(i)], [...pattern, '*']));
  if (value && typeof value === 'object') {
    const recordHere = isRecord(pattern.join('.'));
    return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, isRecord, [...path, k], [...pattern, recordHere ? '*' : k]));
  }
  return [];
}

/** Paths (with `*`) whose object is a record with free keys, so generated keys map to `*`. */
export function recordPathsOf(schema: z.ZodType, path: string[] = []): string[] {
  const d = defOf(unwrapped(schema));
  switch (d.type) {
    case 'array':
      return recordPathsOf(d.element!, [...path, '*']);
    case 'object':
      return Object.entries(d.shape!).flatMap(([k, v]) => recordPathsOf(v, [...path, k]));
    case 'record':
      return [path.join('.'), ...recordPathsOf(d.valueType!, [...path, '*'])];
    case 'union':
      return [...new Set(d.options!.flatMap((o) => recordPathsOf(o, path)))];
    default:
      return [];
  }
}

/** Sets the value at a concrete path of a deep copy. */
export function withValueAt(value: unknown, path: string[], next: unknown): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  let at: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
  at[path[path.length - 1]] = next;
  return copy;
}
