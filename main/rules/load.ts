import type { Session } from '../shared/session';
import type { Db } from '../store/database';
import { buildCatalogue, shippedVersions, type Catalogue } from './catalogue';
import { RulesRepo } from './repo';
import { SHIPPED_RULES } from './seed';

// Every sync of a record's deadlines needs the catalogue. Cached per open database, keyed by the
// rows' fingerprint, so an edit (or a rolled-back preview) is seen at the next load.
const cache = new WeakMap<Db, { fingerprint: string; catalogue: Catalogue }>();

/**
 * The vault's catalogue. A rule this release knows but the vault holds no version of (a rule
 * added after the vault was created) takes its shipped versions: no stored record used it yet.
 */
export function loadCatalogue(session: Pick<Session, 'db'>): Catalogue {
  const repo = new RulesRepo(session.db);
  const fingerprint = repo.fingerprint();
  const hit = cache.get(session.db);
  if (hit && hit.fingerprint === fingerprint) return hit.catalogue;
  const stored = repo.all();
  const present = new Set(stored.map((v) => v.key));
  const missing = SHIPPED_RULES.filter((r) => !present.has(r.def.key)).flatMap((r) => shippedVersions(r.def.key));
  const catalogue = buildCatalogue([...stored, ...missing], fingerprint);
  cache.set(session.db, { fingerprint, catalogue });
  return catalogue;
}
