import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApi } from '../main/api';
import { loadCatalogue } from '../main/rules/load';
import { applyChange, previewChange } from '../main/rules/service';
import { VaultManager } from '../main/vault/service';
import type { BenchRow, BenchSection } from './types';

// Issue 14: a catalogue change is previewed and then applied in one transaction. The cost grows
// with what the rule reaches: a period change recomputes the stored rows of that rule (and
// re-syncs the records whose clock moved); a threshold change re-evaluates every open record of
// the modules that read it. Seeded through the real use-cases.

const PROFILE = { legalName: 'Bench Co.', registeredAddress: '', dpoName: 'Bench', dpoEmail: 'dpo@example.com', phone: '' };

export const rulesBench: BenchSection = async (ctx) => {
  const requests = Math.max(100, Math.round(5_000 * ctx.scale));
  const incidents = Math.max(50, Math.round(2_000 * ctx.scale));
  const vault = new VaultManager({ dataDir: join(ctx.dir, 'rules'), kdf: { N: 2 ** 12, r: 8, p: 1 }, now: () => new Date('2026-11-29T02:00:00.000Z') });
  await vault.create('bench passphrase 1234', PROFILE);
  const api = createApi(vault, { logError: () => {} });
  const ok = async (channel: string, input: unknown) => {
    const r = await api(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const session = vault.session();
  const t0 = performance.now();
  for (let i = 0; i < requests; i++) {
    await ok('inbox.create', { channel: 'email', requester: { name: `R${i}`, contact: `r${i}@example.cn` }, jurisdiction: 'CN', type: 'access', subject: `Request ${i}` });
  }
  for (let i = 0; i < incidents; i++) {
    await ok('incidents.create', { title: `Leak ${i}`, discoveredAt: '2026-11-28T02:00:00.000Z', individualsAffected: 400_000 + i * 300, jurisdictions: ['CN'] });
  }
  ctx.log(`  seeded ${requests} requests and ${incidents} incidents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const time = (f: () => unknown) => {
    const s = performance.now();
    f();
    return performance.now() - s;
  };
  const rights = loadCatalogue(session).versions('request.rights.15wd')[0];
  const bands = loadCatalogue(session).versions('cac.grade.bands')[0];
  const lowered = (bands.params.bands as { grade: string; people: number }[]).map((b) => (b.grade === 'relativelyMajor' ? { ...b, people: 500_000 } : b));
  const period = { kind: 'edit' as const, versionId: rights.id, params: { period: { kind: 'workingDays', days: 20 } } };
  const grade = { kind: 'edit' as const, versionId: bands.id, params: { bands: lowered } };
  const rows: BenchRow[] = [
    { name: `preview a period change reaching ${requests} open requests`, value: time(() => previewChange(session, period)), unit: 'ms' },
    { name: `apply it (recompute, re-sync, audit)`, value: time(() => applyChange(session, { ...period, reason: 'bench' })), unit: 'ms' },
    { name: `preview a grade-band change over ${incidents} open incidents`, value: time(() => previewChange(session, grade)), unit: 'ms' },
    { name: `apply it`, value: time(() => applyChange(session, { ...grade, reason: 'bench' })), unit: 'ms' },
  ];
  vault.close();
  return rows;
};
