import type { Db } from './database';

/**
 * Which migrations a vault has had, one row each. A single user_version cannot say it: each
 * module numbers its steps in its own range, so a step added later to a low range (incidents
 * 230 after the rule catalogue's 950) sits below a vault's highest version and would never run.
 */
const TABLE = 'schema_migrations';

/**
 * The steps every vault written before the ledger existed has had: the set of the last build
 * that landed without it (commit 0a1604a, schema 950). Such a vault gets these rows on its next
 * unlock, and every other known step runs. Frozen: never add to it.
 */
export const STEPS_BEFORE_LEDGER: readonly number[] = [
  1, 2, 10, 100, 110, 120, 130, 131, 200, 201, 210, 220, 240, 250, 300, 310, 400, 410, 420, 430, 440,
  500, 501, 510, 512, 520, 530, 600, 700, 800, 900, 950,
];

const hasLedger = (db: Db): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(TABLE) !== undefined;

/**
 * The versions this vault has had; `userVersion` is its PRAGMA user_version. `inLedger` is false
 * for a vault from before the ledger, whose steps are inferred and must still be written down.
 */
export function appliedSteps(db: Db, userVersion: number): { steps: Set<number>; inLedger: boolean } {
  if (hasLedger(db)) {
    const rows = db.prepare(`SELECT version FROM ${TABLE}`).pluck().all() as number[];
    return { steps: new Set(rows), inLedger: true };
  }
  if (userVersion === 0) return { steps: new Set(), inLedger: false };
  return { steps: new Set(STEPS_BEFORE_LEDGER.filter((v) => v <= userVersion)), inLedger: false };
}

/** Writes the ledger (creating it on a vault that had none) inside the caller's transaction. */
export function recordSteps(db: Db, applied: Iterable<number>, names: Map<number, string>, at: string): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const insert = db.prepare(`INSERT OR IGNORE INTO ${TABLE} (version, name, applied_at) VALUES (?, ?, ?)`);
  for (const v of applied) insert.run(v, names.get(v) ?? '(before the ledger)', at);
}
