import type { Language } from '../../preload/contract/common';
import { formatCount, formatInstantIn } from '../../preload/contract/format';
import { incidentTimelineText, timelineActionCode, type IncidentTimelineAction, type TimelineWords } from '../../preload/contract/incident-timeline';
import type { TimelineEntry } from '../../preload/contract/incidents';
import { getSettings } from '../settings/service';
import type { Session } from '../shared/session';
import type { Localized } from './model';
import { IncidentsRepo, type TimelineRow } from './repo';

// The incident's timeline: each entry stored as what happened (action + parameters), never as a
// sentence; its words come from the one wording in preload/contract/incident-timeline.ts.

export type TimelineKind = TimelineEntry['kind'];
export interface TimelineEvent {
  action: IncidentTimelineAction;
  params: Record<string, unknown>;
}

/** Appends one timeline entry; `at` is when it happened (a note's own time), recorded now. */
export function addTimeline(session: Session, id: string, kind: TimelineKind, event: TimelineEvent, at?: string): void {
  const now = session.now().toISOString();
  new IncidentsRepo(session.db).addTimeline(id, {
    at: at ?? now,
    recorded_at: now,
    actor: session.actor(),
    kind,
    text: '',
    action: timelineActionCode(event.action),
    params: JSON.stringify(event.params),
  });
}

const words = (lang: Language, zone: string): TimelineWords => ({
  lang,
  instant: (v) => (typeof v === 'string' ? formatInstantIn(v, lang, zone) : ''),
  n: (v) => (typeof v === 'number' ? formatCount(v, lang) : String(v ?? '')),
});

const parse = <T>(json: string | null, fallback: T): T => {
  if (!json) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

/** One stored entry in both languages (instants in the display zone): the entry's data, else its stored sentence. */
export function entryText(row: TimelineRow, zone: string): Localized {
  const params = parse<Record<string, unknown>>(row.params, {});
  const en = incidentTimelineText(row.action, params, words('en', zone));
  const zh = incidentTimelineText(row.action, params, words('zh-CN', zone));
  if (en !== null && zh !== null) return { en, zh };
  return parse<Localized>(row.text, { en: row.text, zh: row.text });
}

export function timelineEntries(session: Session, id: string): TimelineEntry[] {
  const zone = getSettings(session).displayZone;
  return new IncidentsRepo(session.db).timeline(id).map((t) => ({
    id: t.id,
    at: t.at,
    recordedAt: t.recorded_at,
    actor: t.actor,
    kind: t.kind as TimelineKind,
    action: t.action,
    params: t.action ? parse<Record<string, unknown>>(t.params, {}) : null,
    text: entryText(t, zone),
  }));
}

/** The DPO's notes as typed (the search entry carries them). */
export function noteTexts(rows: TimelineRow[]): string[] {
  return rows.filter((t) => t.kind === 'note').map((t) => (t.action ? String(parse<{ text?: string }>(t.params, {}).text ?? '') : parse<Localized>(t.text, { en: t.text, zh: t.text }).en));
}

/** An event in words in both languages (an audit summary says the same as the timeline). */
export function eventText(session: Session, event: TimelineEvent): Localized {
  const zone = getSettings(session).displayZone;
  const action = timelineActionCode(event.action);
  return { en: incidentTimelineText(action, event.params, words('en', zone)) ?? '', zh: incidentTimelineText(action, event.params, words('zh-CN', zone)) ?? '' };
}
