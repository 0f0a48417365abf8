import { eitherWay } from '../../preload/contract/common';
import { indexRecord } from '../search/service';
import type { Session } from '../shared/session';
import type { IncidentFacts } from './model';
import { IncidentsRepo, type IncidentRow } from './repo';
import { noteTexts } from './timeline';

/** The search entry: the facts, the DPO's notes, and what was typed when marking duties done. */
export function index(session: Session, row: Pick<IncidentRow, 'id' | 'ref' | 'title'>, f: IncidentFacts): void {
  const repo = new IncidentsRepo(session.db);
  const marks = repo.obligations(row.id).flatMap((o) => (o.done ? [JSON.parse(o.done) as { reference: string; note: string }] : []));
  const notes = noteTexts(repo.timeline(row.id));
  // Both versions of the free-text facts are searchable (issue 13).
  const body = [eitherWay(f.description), eitherWay(f.cause), eitherWay(f.harmAssessment), eitherWay(f.measuresTaken), f.affectedSystems.join(' '), f.piCategories.join(' '), f.owner, ...marks.flatMap((m) => [m.reference, m.note]), ...notes]
    .filter(Boolean)
    .join('\n')
    .slice(0, 50_000);
  indexRecord(session, { module: 'incidents', recordId: row.id, ref: row.ref, title: row.title, body });
}
