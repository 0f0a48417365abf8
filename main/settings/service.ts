import { IANAZone } from 'luxon';
import { Settings, type OrganisationProfileInput, type SettingsUpdate } from '../../preload/contract/settings';
import { invalid, problem } from '../shared/errors';
import { allRecordPorts } from '../shared/record-ports';
import type { Session } from '../shared/session';
import type { Db } from '../store/database';
import { DEFAULT_SETTINGS } from './model';
import { SettingsRepo } from './repo';

const KEY = 'settings';

// Every record's page and every deadline read the settings: parsing and validating them is kept
// per open database, keyed by the stored text, so a write (or a rolled-back one) is seen at once.
const parsed = new WeakMap<Db, { text: string | undefined; settings: Settings }>();

export function getSettings(session: Pick<Session, 'db'>): Settings {
  const text = new SettingsRepo(session.db).text(KEY);
  let hit = parsed.get(session.db);
  if (!hit || hit.text !== text) {
    const stored = (text === undefined ? undefined : JSON.parse(text)) as Partial<Settings> | undefined;
    parsed.set(session.db, (hit = { text, settings: Settings.parse({ ...DEFAULT_SETTINGS, ...stored }) }));
  }
  // A copy: a caller may change what it was given.
  return structuredClone(hit.settings);
}

/** Writes the first settings of a new vault (inside the creating transaction). */
export function initSettings(session: Session, profile: OrganisationProfileInput): Settings {
  const settings = Settings.parse({ ...DEFAULT_SETTINGS, profile });
  new SettingsRepo(session.db).write(KEY, settings);
  session.audit.append({ action: 'settings.init', entity: 'settings', summary: `Vault created for ${profile.legalName}`, details: settings });
  return settings;
}

export function updateSettings(session: Session, update: SettingsUpdate): Settings {
  return session.tx(() => {
    if (update.displayZone !== undefined && !IANAZone.isValidZone(update.displayZone)) throw invalid({ displayZone: problem('unknownZone', { zone: update.displayZone }) });
    const before = getSettings(session);
    const after = Settings.parse({ ...before, ...update, profile: { ...before.profile, ...update.profile } });
    const changed = changedPaths(before, after);
    if (changed.length === 0) return before;
    new SettingsRepo(session.db).write(KEY, after);
    session.audit.append({
      action: 'settings.update',
      entity: 'settings',
      summary: `Settings changed: ${changed.join(', ')}`,
      details: { changed, before: pick(before, changed), after: pick(after, changed) },
    });
    // What the modules computed from a setting (an incident's CII clock) follows at once.
    for (const port of allRecordPorts()) port.onSettingsChanged?.(session, changed);
    return after;
  });
}

function changedPaths(a: Settings, b: Settings): string[] {
  const out: string[] = [];
  for (const k of Object.keys(b) as (keyof Settings)[]) {
    if (k === 'profile') {
      for (const p of Object.keys(b.profile) as (keyof Settings['profile'])[]) {
        if (a.profile[p] !== b.profile[p]) out.push(`profile.${p}`);
      }
    } else if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.push(k);
  }
  return out;
}

function pick(s: Settings, paths: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of paths) {
    const [head, tail] = p.split('.') as [keyof Settings, string | undefined];
    out[p] = tail ? (s[head] as Record<string, unknown>)[tail] : s[head];
  }
  return out;
}
