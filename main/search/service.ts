import type { SearchHit } from '../../preload/contract/search';
import type { Session } from '../shared/session';
import { SearchRepo, type SearchDoc } from './repo';

/** Call inside the transaction that writes the record, so the index never drifts from the data. */
export function indexRecord(session: Session, doc: SearchDoc): void {
  new SearchRepo(session.db).upsert(doc);
}

export function unindexRecord(session: Session, module: string, recordId: string): void {
  new SearchRepo(session.db).remove(module, recordId);
}

export function searchAll(session: Session, text: string, limit: number): SearchHit[] {
  const repo = new SearchRepo(session.db);
  const rows = [...text].length >= 3 ? repo.match(text, limit) : repo.like(text, limit);
  return rows.map((r) => ({
    module: r.module as SearchHit['module'],
    recordId: r.record_id,
    ref: r.ref,
    title: r.title,
    snippet: r.snippet,
  }));
}
