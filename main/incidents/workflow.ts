import type { z } from 'zod';
import type { AddIncidentNote, Incident, TransitionIncident } from '../../preload/contract/incidents';
import { conflict, invalid, problem, type Problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { OBLIGATION_LABELS, STATE_NAMES, type IncidentState } from './model';
import { checkTransition, openObligations } from './obligations';
import { addTimeline, evaluate, load, settle, toDto, touch } from './record';
import { fieldMap } from '../shared/input-guard';
import { index } from './search-entry';

// Workflow (detected → assessing → contained → notifying → monitoring → closed) and the DPO's notes.

export function transitionIncident(session: Session, input: z.output<typeof TransitionIncident>): Incident {
  return session.tx(() => {
    const l = load(session, input.id);
    const from = l.row.state as IncidentState;
    const check = checkTransition(from, input.to);
    if (!check.allowed) throw conflict(problem('incidentAlreadyIn', { state: STATE_NAMES[from] }));
    const reason = input.reason?.trim() ?? '';
    const at = input.at ?? session.now().toISOString();
    const problems = fieldMap<Problem>();
    if (check.needsReason && !reason) problems.reason = check.kind === 'reopen' ? problem('reopenReason') : problem('stepBackReason');
    if (Date.parse(at) < Date.parse(l.facts.discoveredAt)) problems.at = problem('beforeDiscovery');
    if (Date.parse(at) > session.now().getTime() + 5 * 60_000) problems.at = problem('future');
    if (Object.keys(problems).length) throw invalid(problems);

    // The state change fills the facts it proves, unless the DPO already recorded them.
    const filled: string[] = [];
    if (input.to === 'contained' && l.facts.containedAt === null) (l.facts.containedAt = at), filled.push('containedAt');
    // Handling is over once the incident is monitored or closed: starts the CAC 30-day summary clock.
    if ((input.to === 'monitoring' || input.to === 'closed') && l.facts.handlingEndedAt === null) {
      l.facts.handlingEndedAt = at;
      filled.push('handlingEndedAt');
    }
    const stillOpen = input.to === 'closed' ? openObligations(evaluate(session, l).obligations) : [];
    if (stillOpen.length && !input.confirmPendingObligations) {
      const names = { en: stillOpen.map((k) => OBLIGATION_LABELS[k].en).join('; '), zh: stillOpen.map((k) => OBLIGATION_LABELS[k].zh).join('；') };
      throw conflict(problem('obligationsPending', { names }));
    }

    l.row.state = input.to;
    l.row.closed_at = input.to === 'closed' ? at : null;
    l.row.facts = JSON.stringify(l.facts);
    touch(session, l);
    const why = reason ? ` — ${reason}` : '';
    addTimeline(session, l.row.id, 'state', { action: 'stateChanged', params: { from, to: input.to, reason: reason || null, pending: stillOpen } }, at);
    const dto = settle(session, l);
    session.audit.append({
      action: 'incidents.transition',
      entity: 'incident',
      entityId: l.row.id,
      summary: `${l.row.ref}: ${STATE_NAMES[from].en} → ${STATE_NAMES[input.to].en}${why}`,
      details: { from, to: input.to, at, reason: reason || null, kind: check.kind, factsFilled: filled, pendingAtClose: stillOpen },
    });
    return dto;
  });
}

export function addNote(session: Session, input: z.output<typeof AddIncidentNote>): Incident {
  return session.tx(() => {
    const l = load(session, input.id);
    const at = input.at ?? session.now().toISOString();
    if (Date.parse(at) > session.now().getTime() + 5 * 60_000) throw invalid({ at: problem('future') });
    addTimeline(session, l.row.id, 'note', { action: 'note', params: { text: input.text } }, at);
    touch(session, l);
    index(session, l.row, l.facts); // the DPO's notes are searchable
    const dto = toDto(session, l, evaluate(session, l));
    session.audit.append({
      action: 'incidents.addNote',
      entity: 'incident',
      entityId: l.row.id,
      summary: `${l.row.ref}: note at ${at}`,
      details: { at, text: input.text },
    });
    return dto;
  });
}
