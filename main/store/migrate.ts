import { AppError, problem } from '../shared/errors';
import type { Db } from './database';
import type { Migration } from './migration';
import { appliedSteps, recordSteps } from './migration-ledger';
import { allMigrations } from './migrations';

export const latestVersion = (migrations: Migration[] = allMigrations): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0);

const newerVault = (from: number | string, to: number) => new AppError('CONFLICT', problem('newerSchema', { from, to }));

/**
 * Brings the vault to the code's schema in one transaction: all steps apply or none. Every
 * known step the vault has not had runs, in version order, even one numbered below the vault's
 * highest (see migration-ledger.ts). A vault that had a step this app does not know was
 * written by a newer version and is refused, never "downgraded".
 */
export function migrate(
  db: Db,
  migrations: Migration[] = allMigrations,
  now: () => string = () => new Date().toISOString(),
): { from: number; to: number; ran: number[] } {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  const names = new Map<number, string>();
  for (const m of ordered) {
    if (names.has(m.version)) throw new Error(`Two migrations share version ${m.version}`);
    names.set(m.version, m.name);
  }
  const from = db.pragma('user_version', { simple: true }) as number;
  const to = latestVersion(ordered);
  if (from > to) throw newerVault(from, to);
  const { steps: applied, inLedger } = appliedSteps(db, from);
  const unknown = [...applied].filter((v) => !names.has(v)).sort((a, b) => a - b);
  if (unknown.length > 0) throw newerVault(unknown.join(', '), to);

  const pending = ordered.filter((m) => !applied.has(m.version));
  if (pending.length === 0 && inLedger && from === to) return { from, to: from, ran: [] };
  db.transaction(() => {
    for (const m of pending) m.up(db);
    recordSteps(db, [...applied, ...pending.map((m) => m.version)], names, now());
    db.pragma(`user_version = ${to}`);
  }).immediate();
  return { from, to, ran: pending.map((m) => m.version) };
}
