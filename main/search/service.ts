import type { SearchHit } from '../../preload/contract/search';
import { invalid, problem } from '../shared/errors';
import { attachmentHit, ATTACHMENTS_SEARCH_MODULE } from '../attachments/search';
import type { Session } from '../shared/session';
import { SearchRepo, type SearchDoc } from './repo';
import { planSearch, searchTerms } from './rules';

/** Call inside the transaction that writes the record, so the index never drifts from the data. */
export function indexRecord(session: Session, doc: SearchDoc): void {
  new SearchRepo(session.db).upsert(doc);
}

export function unindexRecord(session: Session, module: string, recordId: string): void {
  new SearchRepo(session.db).remove(module, recordId);
}

export { searchTerms } from './rules';

/**
 * The ref and title of any record as indexed: every module indexes each record in the write's
 * transaction, so this is the one cross-module way to ask "does this record exist, and what is
 * it called" (attachments use it for their owner).
 */
export function findIndexedRecord(session: Pick<Session, 'db'>, module: string, recordId: string): { ref: string; title: string } | null {
  return new SearchRepo(session.db).find(module, recordId) ?? null;
}

export function searchAll(session: Session, text: string, limit: number): SearchHit[] {
  const terms = searchTerms(text);
  if (terms.length === 0) throw invalid({ text: problem('searchTerms') });
  return new SearchRepo(session.db).search(planSearch(terms), limit).map((r) => (r.module === ATTACHMENTS_SEARCH_MODULE ? attachmentHit(session, r) : {
    module: r.module as SearchHit['module'],
    recordId: r.record_id,
    ref: r.ref,
    title: r.title,
    snippet: r.snippet,
  })).filter((h): h is SearchHit => h !== null);
}
