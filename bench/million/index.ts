import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApi, type ApiCall } from '../../main/api';
import { FileAccess } from '../../main/files/access';
import type { Db } from '../../main/store/database';
import { DEFAULT_KDF } from '../../main/store/keyfile';
import { VaultManager } from '../../main/vault/service';
import { copyToPlain } from '../plain';
import type { BenchRow } from '../types';
import { seedDeadlines } from './deadlines';
import { seedIncidents } from './incidents';
import { seedRequests } from './requests';

// One vault at scale for every section that reads at scale (inbox, deadlines, incidents, search,
// audit, unlock, the renderer): seeded once per run with the parts the chosen sections need, and
// copied once to a plain database for the "same SQL on plain SQLite" column.

export type Part = 'requests' | 'deadlines' | 'incidents';

export const PROFILE = { legalName: '北京智言科技有限公司', registeredAddress: '北京市海淀区中关村大街1号', dpoName: 'Li Wei', dpoEmail: 'dpo@example.cn', phone: '' };
export const PASSPHRASE = 'bench passphrase 1234';
/** The vault's clock: fixed, so every run sees the same overdue and due-soon rows. */
export const NOW_MS = Date.parse('2026-11-29T02:00:00.000Z');

export interface MillionVault {
  dataDir: string;
  vault: VaultManager;
  api: ApiCall;
  sizes: Record<Part, number>;
  /** Incidents logged through the use-case (with obligations and timeline), for `get`. */
  incidentIds: string[];
  /** Seeding figures (the use-case sample and the bulk load). */
  seedRows: BenchRow[];
  /** The plain copy, made on first use. */
  plain(): Db;
  /** Passphrase unlock with the vault's real scrypt parameters, for sections that lock it. */
  unlock(): Promise<void>;
  close(): void;
}

export async function buildMillion(dir: string, scale: number, parts: Set<Part>, log: (line: string) => void): Promise<MillionVault> {
  const dataDir = join(dir, 'vault');
  const now = new Date(NOW_MS);
  // DEFAULT_KDF: the same scrypt as a real vault, so unlock and the renderer's first screen are real.
  const vault = new VaultManager({ dataDir, kdf: DEFAULT_KDF, now: () => now, files: new FileAccess({ extraRoots: [dir] }) });
  await vault.create(PASSPHRASE, PROFILE);
  const session = vault.session();
  const sizes: Record<Part, number> = {
    requests: parts.has('requests') ? Math.max(2_000, Math.round(1_000_000 * scale)) : 0,
    deadlines: parts.has('deadlines') ? Math.max(2_000, Math.round(1_000_000 * scale)) : 0,
    incidents: parts.has('incidents') ? Math.max(2_000, Math.round(100_000 * scale)) : 0,
  };
  const seedRows: BenchRow[] = [];
  let incidentIds: string[] = [];
  const t0 = performance.now();
  if (sizes.incidents) {
    const r = seedIncidents(session, sizes.incidents, NOW_MS, log);
    incidentIds = r.logged;
    seedRows.push(...r.rows);
  }
  if (sizes.requests) seedRows.push(...seedRequests(session, sizes.requests, NOW_MS, log));
  if (sizes.deadlines) seedRows.push(...seedDeadlines(session, sizes.deadlines, NOW_MS, log));
  session.db.pragma('wal_checkpoint(TRUNCATE)');
  seedRows.push({ name: 'seed the vault at scale, all parts', value: (performance.now() - t0) / 1000, unit: 's' });

  let plain: Db | null = null;
  return {
    dataDir,
    vault,
    api: createApi(vault, { logError: (c, e) => log(`  ${c}: ${String(e)}`) }),
    sizes,
    incidentIds,
    seedRows,
    plain() {
      if (!plain) {
        const t = performance.now();
        plain = copyToPlain(vault.session().db, join(dir, 'plain.db'));
        const seconds = (performance.now() - t) / 1000;
        log(`  plain copy in ${seconds.toFixed(1)} s`);
        seedRows.push({ name: 'copy the vault to a plain database (for the plain SQLite column)', value: seconds, unit: 's' });
      }
      return plain;
    },
    unlock: async () => {
      await vault.unlock({ passphrase: PASSPHRASE });
    },
    close() {
      plain?.close();
      vault.close();
    },
  };
}
