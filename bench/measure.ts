import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ApiCall } from '../main/api';
import type { Db } from '../main/store/database';
import { replayer, traceSql } from './sql-trace';
import type { BenchRow } from './types';

export interface Timing {
  p95: number;
  median: number;
  runs: number;
}

export function summarize(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))], median: s[Math.floor(s.length / 2)], runs: s.length };
}

const failed = (r: unknown) => !!r && typeof r === 'object' && (r as { ok?: unknown }).ok === false;

/** Times fn `runs` times after `warm` untimed calls (page cache, statement cache); a failed result throws. */
export async function timed(runs: number, fn: (i: number) => unknown, warm = 20): Promise<Timing> {
  for (let i = 0; i < warm; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    const r = await fn(i);
    ms.push(performance.now() - a);
    if (failed(r)) throw new Error(`bench call failed: ${JSON.stringify(r)}`);
  }
  return summarize(ms);
}

export type Call = [channel: string, input: unknown];

/**
 * One API call on the vault beside the same SQL on the plain copy: the statements the call ran
 * (traced once per distinct input) are prepared on the plain database and run with the same
 * values. The two are interleaved call by call, so a burst of load on a shared machine lands on
 * both sides alike.
 */
export async function versusPlain(api: ApiCall, plain: Db, runs: number, call: (i: number) => Call, warm = 20): Promise<{ app: Timing; plain: Timing }> {
  const replays = new Map<string, () => number>();
  const replayOf = async (c: Call) => {
    const key = JSON.stringify(c);
    let replay = replays.get(key);
    if (!replay) {
      const traced = await traceSql(() => api(c[0], c[1]));
      if (failed(traced.value)) throw new Error(`bench call failed: ${JSON.stringify(traced.value)}`);
      replays.set(key, (replay = replayer(plain, traced.statements)));
    }
    return replay;
  };
  for (let i = 0; i < warm; i++) {
    const c = call(i);
    await api(c[0], c[1]);
    (await replayOf(c))();
  }
  const app: number[] = [];
  const raw: number[] = [];
  // DPO_BENCH_PROFILE_DIR=<dir>: a CPU profile of the app's side of each figure (open it in DevTools).
  const profileDir = process.env.DPO_BENCH_PROFILE_DIR;
  const inspector = profileDir ? new Session() : null;
  if (inspector) {
    inspector.connect();
    inspector.post('Profiler.enable');
    inspector.post('Profiler.start');
  }
  for (let i = 0; i < runs; i++) {
    const c = call(i);
    const replay = await replayOf(c);
    const a = performance.now();
    const r = await api(c[0], c[1]);
    const b = performance.now();
    replay();
    raw.push(performance.now() - b);
    app.push(b - a);
    // A figure far off its goal should say so while the run goes on, not after minutes of silence.
    if (b - a > 1000 || raw[raw.length - 1] > 1000) console.log(`  slow: ${c[0]} ${JSON.stringify(c[1]).slice(0, 120)}: app ${(b - a).toFixed(0)} ms, plain ${raw[raw.length - 1].toFixed(0)} ms`);
    if (failed(r)) throw new Error(`bench call failed: ${JSON.stringify(r)}`);
  }
  if (inspector && profileDir) {
    await new Promise<void>((done) =>
      inspector.post('Profiler.stop', (_e, result) => {
        writeFileSync(join(profileDir, `${call(0)[0]}-${Date.now()}.cpuprofile`), JSON.stringify((result as { profile: unknown }).profile));
        inspector.disconnect();
        done();
      }),
    );
  }
  return { app: summarize(app), plain: summarize(raw) };
}

/**
 * A table row for a read figure: the app's p95 with the plain SQL's p95 beside it. The ratio goal
 * (1.5× for list pages and searches) is left out (0) for a record's page, which builds the record
 * in JavaScript from several queries.
 */
export function readRow(name: string, t: { app: Timing; plain: Timing }, goal?: BenchRow['goal'], ratioGoal = 1.5): BenchRow {
  return {
    name: `${name}, p95`,
    value: t.app.p95,
    unit: 'ms',
    ...(goal ? { goal } : {}),
    plain: t.plain.p95,
    ...(ratioGoal ? { ratioGoal } : {}),
    detail: { median: t.app.median, plainMedian: t.plain.median, runs: t.app.runs },
  };
}
