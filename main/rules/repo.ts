import type { Db } from '../store/database';
import { prepared } from '../store/prepared';
import type { RuleVersion } from './model';

interface VersionRow {
  id: string;
  rule_key: string;
  effective_from: string | null;
  effective_to: string | null;
  name: string;
  basis: string;
  source: string;
  params: string;
  revision: number;
  origin: RuleVersion['origin'];
  reason: string;
  changed_at: string;
  changed_by: string;
  rev: string;
}

export interface PublisherRow {
  fingerprint: string;
  name: string;
  public_key: string;
  added_at: string;
}

const toVersion = (r: VersionRow): RuleVersion => ({
  id: r.id,
  key: r.rule_key,
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
  name: JSON.parse(r.name),
  basis: JSON.parse(r.basis),
  source: JSON.parse(r.source),
  params: JSON.parse(r.params),
  revision: r.revision,
  origin: r.origin,
  reason: r.reason,
  changedAt: r.changed_at,
  changedBy: r.changed_by,
});

export class RulesRepo {
  constructor(private readonly db: Db) {}

  all(): RuleVersion[] {
    return this.db.prepare<[], VersionRow>('SELECT * FROM rule_versions ORDER BY rule_key, effective_from').all().map(toVersion);
  }

  /** Changes with every write (each write stamps a fresh random rev), so a rolled-back preview is never mistaken for the stored catalogue. */
  fingerprint(): string {
    return prepared<[], { f: string | null }>(this.db, 'SELECT group_concat(rev) AS f FROM rule_versions').get()?.f ?? '';
  }

  insert(v: RuleVersion, rev: string): void {
    this.db
      .prepare(
        `INSERT INTO rule_versions (id, rule_key, effective_from, effective_to, name, basis, source, params, revision, origin, reason, changed_at, changed_by, rev)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(v.id, v.key, v.effectiveFrom, v.effectiveTo, JSON.stringify(v.name), JSON.stringify(v.basis), JSON.stringify(v.source), JSON.stringify(v.params), v.revision, v.origin, v.reason, v.changedAt, v.changedBy, rev);
  }

  /** Replaces every version of the given rules (an edit or an import writes a rule's whole history). */
  replaceRule(key: string, versions: RuleVersion[], rev: () => string): void {
    this.db.prepare('DELETE FROM rule_versions WHERE rule_key = ?').run(key);
    for (const v of versions) this.insert(v, rev());
  }

  publishers(): PublisherRow[] {
    return this.db.prepare<[], PublisherRow>('SELECT * FROM rule_publishers ORDER BY added_at, fingerprint').all();
  }

  addPublisher(p: PublisherRow): void {
    this.db.prepare('INSERT INTO rule_publishers (fingerprint, name, public_key, added_at) VALUES (?, ?, ?, ?)').run(p.fingerprint, p.name, p.public_key, p.added_at);
  }

  removePublisher(fingerprint: string): number {
    return this.db.prepare('DELETE FROM rule_publishers WHERE fingerprint = ?').run(fingerprint).changes;
  }
}
