import type { Language } from '../../preload/contract/common';
import { formatInstant, formatNumber } from './format';

/**
 * One registry of what the audit log, the timelines and the inbox history say, keyed by the
 * stored action ("inbox.transition") and rendered from the stored parameters in the UI language
 * (CONVENTIONS.md: store what happened as data, render it as words). A module adds its actions in
 * renderer/features/<module>/activity.ts (found by renderer/app/activity.ts); see docs/RENDERER.md.
 */
export interface ActivityEntry {
  action: string;
  /** The record's reference, when known (INC-2026-0001). */
  ref: string | null;
  params: Record<string, unknown>;
  /** The entity's own id where it names the thing (a calendar: "CN-2026"). */
  entityId?: string | null;
  /** The stored English line: the readable fallback for an action nobody registered. */
  summary: string;
}

export interface ActivityHelpers {
  lang: Language;
  ref: string;
  id: string;
  /** A parameter as text ('' when absent). */
  s(name: string): string;
  n(value: unknown): string;
  instant(value: unknown): string;
  /** " — reason" / "——reason" when the parameter is non-empty. */
  dash(value: unknown): string;
}

export type ActivityMessage = (p: Record<string, unknown>, h: ActivityHelpers) => string;
export type ActivityMessages = Record<string, Record<Language, ActivityMessage>>;

const registry = new Map<string, Record<Language, ActivityMessage>>();

export function registerActivity(messages: ActivityMessages): void {
  for (const [action, m] of Object.entries(messages)) registry.set(action, m);
}

export const isRegistered = (action: string): boolean => registry.has(action);

export function renderActivity(entry: ActivityEntry, lang: Language): string {
  const message = registry.get(entry.action)?.[lang];
  const p = entry.params ?? {};
  const h: ActivityHelpers = {
    lang,
    ref: entry.ref ?? '',
    id: entry.entityId ?? '',
    s: (name) => (p[name] === undefined || p[name] === null ? '' : String(p[name])),
    n: (v) => (typeof v === 'number' ? formatNumber(v, lang) : String(v ?? '')),
    instant: (v) => (typeof v === 'string' ? formatInstant(v, lang) : ''),
    dash: (v) => (typeof v === 'string' && v.trim() ? (lang === 'zh-CN' ? `——${v.trim()}` : ` — ${v.trim()}`) : ''),
  };
  if (message) {
    try {
      const text = message(p, h);
      return lang === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text;
    } catch {
      // a stored entry of an older shape: fall through to the stored line
    }
  }
  // Readable fallback for an action no module registered yet: the stored line, never the code.
  return entry.summary || (entry.ref ? `${entry.ref}` : '—');
}
