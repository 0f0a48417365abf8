import { AppError } from '../shared/errors';
import type { Db } from './database';
import type { Migration } from './migration';
import { allMigrations } from './migrations';

export const latestVersion = (migrations: Migration[] = allMigrations): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0);

/**
 * Brings the vault to the code's schema in one transaction: all steps apply or none.
 * A vault written by a newer version of the app is refused, never "downgraded".
 */
export function migrate(db: Db, migrations: Migration[] = allMigrations): { from: number; to: number } {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const versions = new Set<number>();
  for (const m of ordered) {
    if (versions.has(m.version)) throw new Error(`Two migrations share version ${m.version}`);
    versions.add(m.version);
  }
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = latestVersion(ordered);
  if (from > to) {
    throw new AppError(
      'CONFLICT',
      `This vault was written by a newer version of DPO Workstation (schema ${from}; this app knows up to ${to}). Install the newer version to open it.`,
    );
  }
  const pending = ordered.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${to}`);
  }).immediate();
  return { from, to };
}
