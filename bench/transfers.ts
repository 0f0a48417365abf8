import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApi, type ApiCall } from '../main/api';
import { createTransfer, recordVolumes } from '../main/transfers/service';
import { VaultManager } from '../main/vault/service';
import { TransferCreate } from '../preload/contract/transfers';
import type { BenchRow, BenchSection } from './types';

// Issue 6 names no figure; these are the register's own: with 10,000 transfers (each with a
// year of volumes and a filing clock from the deadline engine), the list's first page
// (unfiltered, by country, overdue), a record with its verdict, the company verdict, and the CSV.

const PROFILE = { legalName: '北京智言科技有限公司', registeredAddress: '北京市海淀区中关村大街1号', dpoName: 'Li Wei', dpoEmail: 'dpo@example.cn', phone: '' };
const COUNTRIES = ['US', 'DE', 'SG', 'JP', 'GB', 'FR', 'HK', 'AU'];

async function ok<T>(api: ApiCall, channel: string, input: unknown): Promise<T> {
  const r = await api(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function p95(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.floor(times.length * 0.95))];
}

export const transfersBench: BenchSection = async (ctx) => {
  const n = Math.max(200, Math.round(10_000 * ctx.scale));
  const now = new Date('2026-11-29T02:00:00Z');
  const vault = new VaultManager({ dataDir: join(ctx.dir, 'vault'), kdf: { N: 2 ** 12, r: 8, p: 1 }, now: () => now });
  await vault.create('bench passphrase 1234', PROFILE);
  const api = createApi(vault, { logError: (c, e) => ctx.log(`  ${c}: ${String(e)}`) });

  // Seeded through the services (validation, deadline sync, search index, audit) in batches of
  // 500 per transaction, so the figure is the work per record rather than one fsync per record.
  const session = vault.session();
  const t0 = performance.now();
  let lastId = '';
  for (let start = 0; start < n; start += 500) {
    session.tx(() => {
      for (let i = start; i < Math.min(n, start + 500); i++) {
        const t = createTransfer(session, TransferCreate.parse({
          recipient: { name: `Recipient ${i}`, country: COUNTRIES[i % COUNTRIES.length], contactPerson: 'Contact', email: `c${i}@example.com` },
          annex1: { purpose: '客服与技术支持', processingMethod: '存储、查询', piCategories: ['姓名', '邮箱'], storageLocation: 'us-east-1' },
          route: { chosen: 'standardContract' },
          contract: { effectiveDate: i % 3 ? '2026-11-20' : '2026-09-28' },
        }));
        recordVolumes(session, { id: t.id, year: 2026, nonSensitiveIndividuals: 10 + (i % 100), sensitiveIndividuals: i % 10 ? 0 : 1, note: '' });
        lastId = t.id;
      }
    });
    ctx.log(`  ${Math.min(n, start + 500)} / ${n}`);
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  // One create through the API, as the DPO's click does it (its own transaction and fsync).
  const c0 = performance.now();
  await ok(api, 'transfers.create', { recipient: { name: 'One more', country: 'US' }, route: { chosen: 'standardContract' }, contract: { effectiveDate: '2026-11-20' } });
  const oneCreateMs = performance.now() - c0;
  ctx.log(`  seeded ${n} transfers in ${seedSeconds.toFixed(1)} s`);

  const runs = 50;
  const rows: BenchRow[] = [
    { name: `seed create + volumes (${n} transfers, deadline sync, batched)`, value: (seedSeconds * 1000) / n, unit: 'ms/transfer' },
    { name: 'transfers.create through the API (own transaction)', value: oneCreateMs, unit: 'ms' },
    { name: 'transfers.list first page (50)', value: await p95(runs, () => ok(api, 'transfers.list', { limit: 50 })), unit: 'ms p95' },
    { name: 'transfers.list by country (50)', value: await p95(runs, () => ok(api, 'transfers.list', { limit: 50, country: 'SG' })), unit: 'ms p95' },
    { name: 'transfers.list overdue (50)', value: await p95(runs, () => ok(api, 'transfers.list', { limit: 50, overdue: true })), unit: 'ms p95' },
    { name: 'transfers.get (verdict, gaps, deadlines)', value: await p95(runs, () => ok(api, 'transfers.get', { id: lastId })), unit: 'ms p95' },
    { name: 'transfers.classify (company totals)', value: await p95(runs, () => ok(api, 'transfers.classify', {})), unit: 'ms p95' },
  ];
  const e0 = performance.now();
  const csv = await ok<{ rows: number; csv: string }>(api, 'transfers.exportCsv', { language: 'zh-CN' });
  rows.push({ name: `transfers.exportCsv (${csv.rows} rows, ${(csv.csv.length / 1e6).toFixed(1)} M chars)`, value: performance.now() - e0, unit: 'ms' });
  vault.close();
  return rows;
};
