import type { z } from 'zod';
import type { Governance, governanceChannels } from '../../preload/contract/governance';
import { texts } from '../rules/catalogue';
import { loadCatalogue } from '../rules/load';
import { listRecordDeadlines, syncRecordDeadlines } from '../deadlines/service';
import { invalid, problem } from '../shared/errors';
import type { Session } from '../shared/session';
import { GovernanceRepo, type PioRow } from './repo';
import { isMaterialChange, pioRequests } from './rules';

const RECORD = { module: 'governance' as const, recordId: 'pio', recordRef: 'PIO', recordTitle: 'PI protection officer' };
const beijingToday = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
const EMPTY: PioRow = { individuals_total: null, as_of: null, officer_name: '', officer_contact: '', updated_at: '' };

function thresholdOf(session: Session, date: string) {
  const catalogue = loadCatalogue(session);
  const v = catalogue.at('pio.report', date) ?? catalogue.versions('pio.report').at(-1)!;
  return { threshold: v.params.atLeastIndividuals as number, ...texts(v) };
}

/** Re-syncs the report clocks (inside the caller's tx); also run when the catalogue changes. */
export function refreshGovernance(session: Session): void {
  syncRecordDeadlines(session, RECORD, pioRequests(new GovernanceRepo(session.db).events()));
}

export function getGovernance(session: Session): Governance {
  const repo = new GovernanceRepo(session.db);
  const pio = repo.pio() ?? EMPTY;
  const t = thresholdOf(session, pio.as_of ?? beijingToday(session.now()));
  const events = repo.events();
  return {
    individualsTotal: pio.individuals_total,
    asOf: pio.as_of,
    officerName: pio.officer_name,
    officerContact: pio.officer_contact,
    threshold: t.threshold,
    rule: t.name,
    basis: t.basis,
    reached: events.some((e) => e.kind === 'reached'),
    events: events.map((e) => ({ seq: e.seq, kind: e.kind, date: e.date, note: e.note, recordedAt: e.recorded_at })),
    deadlines: listRecordDeadlines(session, 'governance', 'pio'),
  };
}

type UpdateInput = z.output<(typeof governanceChannels)['governance.update']['input']>;

/**
 * Records the count and the officer. Reaching the threshold (Civil Code Art. 1259: "以上" includes
 * the number) opens the report clock on the as-of date; changing the officer or the contact once
 * reporting applies is a material change that opens another.
 */
export function updateGovernance(session: Session, input: UpdateInput): Governance {
  const repo = new GovernanceRepo(session.db);
  const today = beijingToday(session.now());
  const before = repo.pio() ?? EMPTY;
  const after: PioRow = {
    individuals_total: input.individualsTotal !== undefined ? input.individualsTotal : before.individuals_total,
    as_of: input.asOf ?? (input.individualsTotal !== undefined ? today : before.as_of),
    officer_name: input.officerName ?? before.officer_name,
    officer_contact: input.officerContact ?? before.officer_contact,
    updated_at: session.now().toISOString(),
  };
  if (after.as_of && after.as_of > today) throw invalid({ asOf: problem('future') });
  return session.tx(() => {
    const events = repo.events();
    const reached = events.some((e) => e.kind === 'reached');
    const now = session.now().toISOString();
    const { threshold } = thresholdOf(session, after.as_of ?? today);
    const added: string[] = [];
    if (!reached && after.individuals_total !== null && after.individuals_total >= threshold) {
      repo.addEvent({ kind: 'reached', date: after.as_of ?? today, note: `${after.individuals_total} individuals`, recorded_at: now });
      added.push('reached');
    } else if (isMaterialChange({ name: before.officer_name, contact: before.officer_contact }, { name: after.officer_name, contact: after.officer_contact }, reached)) {
      const what = [before.officer_name !== after.officer_name ? 'officer' : null, before.officer_contact !== after.officer_contact ? 'contact' : null].filter(Boolean).join(', ');
      repo.addEvent({ kind: 'materialChange', date: input.asOf ?? today, note: input.note?.trim() || what, recorded_at: now });
      added.push('materialChange');
    }
    repo.savePio(after);
    refreshGovernance(session);
    session.audit.append({
      action: 'governance.update',
      entity: 'governance',
      entityId: 'pio',
      summary: `PI protection officer record updated${added.length ? ` (${added.join(', ')})` : ''}`,
      details: { before, after, threshold, events: added },
    });
    return getGovernance(session);
  });
}

export function recordPioReport(session: Session, input: { date: string; reference: string }): Governance {
  const repo = new GovernanceRepo(session.db);
  if (input.date > beijingToday(session.now())) throw invalid({ date: problem('future') });
  if (!repo.events().some((e) => e.kind !== 'reported')) throw invalid({ date: problem('noReportDue') });
  return session.tx(() => {
    repo.addEvent({ kind: 'reported', date: input.date, note: input.reference, recorded_at: session.now().toISOString() });
    refreshGovernance(session);
    session.audit.append({ action: 'governance.recordReport', entity: 'governance', entityId: 'pio', summary: `PI protection officer reported on ${input.date} (${input.reference})`, details: input });
    return getGovernance(session);
  });
}
