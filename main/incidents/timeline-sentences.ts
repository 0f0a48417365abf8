import { CAC_GRADE_NAMES, INCIDENT_STATE_NAMES, NOTICE_CHANNEL_WORDS, type IncidentTimelineAction } from '../../preload/contract/incident-timeline';
import { INCIDENT_FACT_LABELS, INCIDENT_OBLIGATION_LABELS } from '../../preload/contract/incidents';

// Migration 260 reads the sentences the timeline stored before it kept data: the English half of
// each {en, zh} line, in the shapes the services wrote. Pure. A line that does not read back
// exactly keeps its stored sentence (the caller leaves it alone).

export interface ReadEvent {
  action: IncidentTimelineAction;
  params: Record<string, unknown>;
}

const byEnglish = (names: Record<string, { en: string }>) => new Map(Object.entries(names).map(([k, v]) => [v.en, k]));
const STATES = byEnglish(INCIDENT_STATE_NAMES);
const GRADES = byEnglish(CAC_GRADE_NAMES);
const CHANNELS = byEnglish(NOTICE_CHANNEL_WORDS);
const DUTIES = byEnglish(INCIDENT_OBLIGATION_LABELS);
// longest first, so "GDPR risk" is not taken for the start of a longer label
const FACTS = [...byEnglish(INCIDENT_FACT_LABELS)].sort((a, b) => b[0].length - a[0].length);
const FIRST_REPORT = ' — first report, items (1) and (2); the rest to be supplemented';

/** "Notify the individuals: rest" → [key, "rest"] for a known duty label. */
function dutyPrefix(text: string): [string, string] | null {
  for (const [label, key] of DUTIES) if (text.startsWith(`${label}: `)) return [key, text.slice(label.length + 2)];
  return null;
}

/** A value as the old line showed it ("1,200,000", "yes", "—") back to data. */
function shownValue(s: string): unknown {
  if (s === '—') return null;
  if (s === 'yes' || s === 'no') return s === 'yes';
  if (/^\d{1,3}(,\d{3})*(\.\d+)?$/.test(s)) return Number(s.replace(/,/g, ''));
  return s;
}

/** "People affected: 1,000 → 1,200,000; Title: a → b" → the changes, or null when any part does not read. */
function factChangesOf(text: string): { key: string; from: unknown; to: unknown }[] | null {
  // A change starts the line or follows "; " with a fact's label (a value may hold "; " itself).
  const labelAt = (at: number) => FACTS.find(([label]) => text.startsWith(`${label}: `, at));
  const starts: { at: number; key: string; label: string }[] = [];
  for (let at = 0; at >= 0; at = text.indexOf('; ', at + 1)) {
    const from = at === 0 ? 0 : at + 2;
    const found = labelAt(from);
    if (found) starts.push({ at: from, key: found[1], label: found[0] });
    else if (at === 0) return null;
  }
  const out: { key: string; from: unknown; to: unknown }[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1].at - 2 : text.length;
    const body = text.slice(starts[i].at + starts[i].label.length + 2, end);
    const arrow = body.indexOf(' → ');
    if (arrow < 0) return null;
    out.push({ key: starts[i].key, from: shownValue(body.slice(0, arrow)), to: shownValue(body.slice(arrow + 3)) });
  }
  return out;
}

function stateLine(text: string): ReadEvent | null {
  const m = /^(\w+) → (\w+)(.*)$/s.exec(text);
  const from = m && STATES.get(m[1]);
  const to = m && STATES.get(m[2]);
  if (!m || !from || !to) return null;
  let rest = m[3];
  let pending: string[] = [];
  const p = /^(.*) \(closed with pending: (.*)\)$/s.exec(rest);
  if (p) {
    const keys = p[2].split('; ').map((l) => DUTIES.get(l));
    if (keys.some((k) => !k)) return null;
    pending = keys as string[];
    rest = p[1];
  }
  if (rest && !rest.startsWith(' — ')) return null;
  return { action: 'stateChanged', params: { from, to, reason: rest ? rest.slice(3) : null, pending } };
}

function dutyLine(kind: string, text: string): ReadEvent | null {
  const d = dutyPrefix(text);
  if (!d) return null;
  const [key, rest] = d;
  if (kind === 'notice') {
    const m = /^(done — )?notice sent by (.+)$/s.exec(rest);
    const channel = m && CHANNELS.get(m[2]);
    return m && channel ? { action: 'noticeSent', params: { key, channel, met: !!m[1] } } : null;
  }
  if (kind === 'override') {
    const m = /^set (required|not required|back to the computed result) by the DPO — (.*)$/s.exec(rest);
    return m ? { action: 'obligationOverride', params: { key, required: m[1] === 'required' ? true : m[1] === 'not required' ? false : null, reason: m[2] } } : null;
  }
  const withdrawn = /^done mark withdrawn — (.*)$/s.exec(rest);
  if (withdrawn) return { action: 'obligationWithdrawn', params: { key, reason: withdrawn[1] } };
  const done = /^done(?: \((.*?)\))?(.*)$/s.exec(rest);
  if (!done) return null;
  let tail = done[2];
  const firstReport = tail.startsWith(FIRST_REPORT);
  if (firstReport) tail = tail.slice(FIRST_REPORT.length);
  if (tail && !tail.startsWith(' — ')) return null;
  return { action: 'obligationDone', params: { key, reference: done[1] ?? '', firstReport, note: tail ? tail.slice(3) : '' } };
}

/** The event an older stored line ({en, zh}) records, or null when it does not read back exactly. */
export function readStoredSentence(kind: string, stored: string): ReadEvent | null {
  let en: string;
  try {
    const t = JSON.parse(stored) as { en?: unknown };
    if (typeof t.en !== 'string') return null;
    en = t.en;
  } catch {
    return null;
  }
  if (kind === 'note') return { action: 'note', params: { text: en } };
  if (kind === 'created') return en.startsWith('Logged: ') ? { action: 'created', params: { title: en.slice(8) } } : null;
  if (kind === 'facts') {
    const changes = factChangesOf(en);
    return changes ? { action: 'factsChanged', params: { changes } } : null;
  }
  if (kind === 'state') {
    if (en === 'Restored (no longer void)') return { action: 'restored', params: {} };
    const voided = /^Voided as created by mistake — (.*)$/s.exec(en);
    if (voided) return { action: 'voided', params: { reason: voided[1] } };
    return stateLine(en);
  }
  if (kind === 'override') {
    const g = /^Grade set to (.+?) by the DPO \(computed: (.+?)\) — (.*)$/s.exec(en);
    if (g) return GRADES.get(g[1]) && GRADES.get(g[2]) ? { action: 'gradeOverride', params: { grade: GRADES.get(g[1]), computed: GRADES.get(g[2]), removed: false, reason: g[3] } } : null;
    return dutyLine(kind, en);
  }
  if (kind === 'obligation') {
    const follow = /^CAC follow-up report(?: \((.*?)\))?: (.*)$/s.exec(en);
    if (follow) return { action: 'followUp', params: { reference: follow[1] ?? '', note: follow[2] } };
    const cii = /^CII operator default changed in Settings \(now (yes|no)\): obligations recomputed$/.exec(en);
    if (cii) return { action: 'ciiRecomputed', params: { cii: cii[1] === 'yes' } };
    return dutyLine(kind, en);
  }
  if (kind === 'notice') return dutyLine(kind, en);
  return null;
}
