import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { KeyFile } from '../main/store/keyfile';
import { unwrapKey } from '../main/store/keyfile';
import { verifyThreads } from '../main/audit/verify';
import { apiOver } from './app-session';
import { summarize, type Call } from './measure';
import { NOW_MS, PASSPHRASE } from './million';
import { TERMS } from './million/text';
import type { BenchRow, BenchSection } from './types';

// The vault itself at scale: unlock (scrypt apart from everything after the key), the app's
// whole read/write workload on the encrypted vault against the same workload on its plain copy,
// and audit.verify over the vault's log.

/** What the home screen asks for right after unlock (renderer/app and features/dashboard). */
export const HOME_SCREEN: Call[] = [
  ['vault.status', {}],
  ['settings.get', {}],
  ['jobs.list', {}],
  ['deadlines.alerts', {}],
  ['deadlines.counts', { zone: 'Asia/Shanghai' }],
  ['deadlines.list', { limit: 50, zone: 'Asia/Shanghai' }],
  ['transfers.classify', {}],
];

export const foundationBench: BenchSection = async (ctx) => {
  const m = await ctx.million();
  const rows: BenchRow[] = [];
  const records = m.sizes.requests + m.sizes.deadlines + m.sizes.incidents;

  // Unlock: scrypt alone (what the passphrase costs), then the whole unlock of the vault at scale,
  // which times its own parts (the key apart from everything after it: a difference of two
  // separately timed runs is mostly the scheduler's on a loaded machine), plus the home screen.
  const keyFile = JSON.parse(readFileSync(m.vault.paths.keyFile, 'utf8')) as KeyFile;
  const scrypt: number[] = [];
  const unlock: number[] = [];
  const afterKey: number[] = [];
  const home: number[] = [];
  for (let i = 0; i < 5; i++) {
    const s = performance.now();
    (await unwrapKey(keyFile.byPassphrase, PASSPHRASE))!.fill(0);
    scrypt.push(performance.now() - s);
    m.vault.lock();
    const u = performance.now();
    await m.unlock();
    unlock.push(performance.now() - u);
    afterKey.push(m.vault.lastUnlockTimings!.afterKeyMs);
    const h = performance.now();
    for (const [channel, input] of HOME_SCREEN) {
      const r = await m.api(channel, input);
      if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    }
    home.push(performance.now() - h);
  }
  const med = (xs: number[]) => summarize(xs).median;
  rows.push({ name: `scrypt (N=2^17, r=8): unwrapping the key, median of 5`, value: med(scrypt), unit: 'ms' });
  rows.push({ name: `vault.unlock of a vault with ${records} records, median of 5`, value: med(unlock), unit: 'ms' });
  rows.push({ name: 'unlock after the key: open, pragmas, migration check, triggers and anchor, audit entry, commit', value: med(afterKey), unit: 'ms', detail: { runs: runsOf(afterKey) } });
  rows.push({ name: 'home screen\'s first queries after unlock (status, settings, jobs, alerts, counts, board, classify)', value: med(home), unit: 'ms', detail: { runs: runsOf(home) } });
  const whole = afterKey.map((a, i) => a + home[i]);
  rows.push({ name: 'everything after the key: the unlock after the key + the home screen', value: med(whole), unit: 'ms', goal: { op: '<=', value: 100 }, detail: { runs: runsOf(whole) } });

  // The app's read/write workload, the same calls on the vault and on its plain copy, in
  // alternating blocks. Writes go through the real use-cases (each its own transaction).
  const plainApi = apiOver(m.plain(), () => new Date(NOW_MS));
  const rounds = Math.max(20, Math.round(200 * Math.min(1, ctx.scale * 5)));
  const enc: number[] = [];
  const raw: number[] = [];
  for (let block = 0; block < rounds; block += 10) {
    for (const [api, into] of [[m.api, enc], [plainApi, raw]] as const) {
      const t = performance.now();
      for (let i = block; i < block + 10; i++) await workload(api, i);
      into.push(performance.now() - t);
    }
  }
  const encMs = enc.reduce((a, b) => a + b, 0);
  const rawMs = raw.reduce((a, b) => a + b, 0);
  rows.push({
    name: `app workload, ${rounds} rounds of 8 calls (create, list, get, update, search, board, incidents, audit), encrypted`,
    value: encMs / rounds,
    unit: 'ms/round',
    plain: rawMs / rounds,
    ratioGoal: 1.3,
  });

  // audit.verify over the whole log of the vault at scale (worker threads), then the daily check
  // from the anchored head over a day's entries (appended after the full check set the anchor).
  const session = m.vault.session();
  const count = (session.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const v = performance.now();
  const full = (await m.api('audit.verify', { scope: 'full' })) as { ok: true; value: { ok: boolean; entries: number } };
  const verifyMs = performance.now() - v;
  if (!full.ok || !full.value.ok || full.value.entries !== count) throw new Error(`audit chain did not verify in the benchmark: ${JSON.stringify(full)}`);
  rows.push({ name: `audit.verify over ${count} entries (whole chain, ${verifyThreads()} worker threads)`, value: verifyMs, unit: 'ms', goal: { op: '<=', value: Math.max(100, 2000 * (count / 1_000_000)) } });
  const day = 1_000;
  session.tx(() => {
    for (let i = 0; i < day; i++) session.audit.append({ action: 'inbox.update', entity: 'request', entityId: `r-${i}`, summary: `Request REQ-B-${i} changed: subject`, details: { subject: { from: 'a', to: 'b' } } });
  });
  const d = performance.now();
  const daily = (await m.api('audit.verify', { scope: 'sinceAnchor' })) as { ok: true; value: { ok: boolean; checked: number } };
  const dailyMs = performance.now() - d;
  if (!daily.ok || !daily.value.ok || daily.value.checked !== day) throw new Error(`the daily check did not read the day's entries: ${JSON.stringify(daily)}`);
  rows.push({ name: `audit.verify since the anchor (${day} entries written since, of ${count + day})`, value: dailyMs, unit: 'ms', goal: { op: '<=', value: 100 } });
  return rows;
};

/** Every run's figure, for a noisy run to be read as such. */
const runsOf = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');

const STATES = ['new', 'verifying', 'inProgress'] as const;

/** One round of what a DPO's day does: log a request, page the inbox, open it, edit it, search, the board, incidents, the log. */
async function workload(api: (c: string, i: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>, i: number): Promise<void> {
  const ok = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await api(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  const created = await ok<{ id: string }>('inbox.create', {
    channel: 'email',
    requester: { name: `工作负载 ${i}`, contact: `workload${i}@example.cn` },
    jurisdiction: 'CN',
    type: 'deletion',
    subject: `请删除我的账户 ${i}`,
    body: '请删除我的个人信息。',
  });
  await ok('inbox.list', { state: STATES[i % 3], limit: 50 });
  await ok('inbox.get', { id: created.id });
  await ok('inbox.update', { id: created.id, subject: `请删除我的账户和订单 ${i}` });
  await ok('search.query', { text: i % 2 ? TERMS.phraseZh : TERMS.commonEn, limit: 20 });
  await ok('deadlines.list', { limit: 50 });
  await ok('incidents.list', { limit: 50 });
  await ok('audit.list', { limit: 50 });
}
