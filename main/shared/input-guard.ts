// The first check every channel input passes, before its zod schema, in main/api.ts: one walk
// of the raw input, so no channel (including the next one someone adds) can forget it.
//
// - Ill-formed Unicode (a lone UTF-16 surrogate) is refused, naming the field. SQLite stores
//   such a string as U+FFFD while JSON would hash the escaped surrogate, so the audit chain
//   would hash something other than what is stored (issue 10, item 1).
// - Every string is normalised once, to NFC, so what is validated, stored, hashed and searched
//   is one and the same string ("é" typed as e + U+0301 finds "é").
// - Keys that name an object's machinery (`__proto__`, `constructor`, `prototype`) are refused,
//   naming the key: assigned into a plain object they change its prototype or read an inherited
//   function instead of a value (issue 10, item 2).
// - Nesting deeper than any input of the contract needs is refused before anything recurses.

import { problem, sayProblem, type Problem } from '../../preload/contract/problems';

/** Keys no input may use, at any depth. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any channel's input (the deepest is about 5); stops recursion bombs. */
export const MAX_INPUT_DEPTH = 32;

const BROKEN: Problem = problem('brokenText');
const RESERVED: Problem = problem('reservedName');
const TOO_DEEP: Problem = problem('tooDeep', { max: MAX_INPUT_DEPTH });
/** The English words of the guard's refusals (what `fields` carries). */
export const UNICODE_PROBLEM = sayProblem(BROKEN);
export const RESERVED_KEY_PROBLEM = sayProblem(RESERVED);
export const DEPTH_PROBLEM = sayProblem(TOO_DEEP);

/** A field map that cannot be confused by a key such as `__proto__` (no prototype at all). */
export function fieldMap<V = string>(entries?: Iterable<readonly [string, V]>): Record<string, V> {
  const map = Object.create(null) as Record<string, V>;
  if (entries) for (const [k, v] of entries) map[k] = v;
  return map;
}

/**
 * The first `max` UTF-16 units of a well-formed string, never ending in half a surrogate pair
 * (a cut emoji would be stored as U+FFFD: not the text that was validated).
 */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  const last = s.charCodeAt(max - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}

export type GuardResult = { ok: true; value: unknown } | { ok: false; fields: Record<string, Problem> };

// Latin-1 text is always NFC (no combining marks below U+0300): skip the ICU call for it, which
// keeps a 35 MB base64 upload from paying ~0.4 s for nothing.
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

export function normaliseText(s: string): string {
  return BEYOND_LATIN1.test(s) ? s.normalize('NFC') : s;
}

/**
 * Walks the raw input and returns a copy with every string normalised, or the fields that are
 * refused (dotted paths, as zod names them). Never throws, never recurses past MAX_INPUT_DEPTH.
 */
export function guardInput(raw: unknown): GuardResult {
  const fields = fieldMap<Problem>();
  const refuse = (path: string[], p: Problem) => {
    const key = path.length ? path.join('.') : '(input)';
    if (!(key in fields)) fields[key] = p;
  };

  const walk = (value: unknown, path: string[], depth: number): unknown => {
    if (typeof value === 'string') {
      if (!value.isWellFormed()) {
        refuse(path, BROKEN);
        return value;
      }
      return normaliseText(value);
    }
    if (typeof value !== 'object' || value === null) return value;
    if (depth >= MAX_INPUT_DEPTH) {
      refuse(path, TOO_DEEP);
      return value;
    }
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, String(i)], depth + 1));
    // Anything but a plain record (a Date or typed array through IPC) is left for the schema to judge.
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const shownKey = key.toWellFormed();
      if (!key.isWellFormed()) {
        refuse([...path, shownKey], BROKEN);
        continue;
      }
      if (RESERVED_KEYS.has(key)) {
        refuse([...path, key], RESERVED);
        continue;
      }
      const normalKey = normaliseText(key);
      out[normalKey] = walk((value as Record<string, unknown>)[key], [...path, normalKey], depth + 1);
    }
    return out;
  };

  const value = walk(raw, [], 0);
  return Object.keys(fields).length ? { ok: false, fields } : { ok: true, value };
}
