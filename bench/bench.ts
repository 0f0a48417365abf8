// `npm run bench [-- --quick | --only=a,b | --scale=0.2 | --keep]`: seeds vaults at scale in a temp folder
// and prints each figure as a table and as JSON (bench-results/bench.json), with the plain
// SQLite figure and the ratio beside every read, and the machine's load average per section.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { backupBench } from './backup';
import { deadlinesBench } from './deadlines';
import { exportsBench } from './exports';
import { foundationBench } from './foundation';
import { inboxBench } from './inbox';
import { incidentsBench } from './incidents';
import { LoadSampler, type LoadSummary } from './load';
import { buildMillion, type MillionVault, type Part } from './million';
import { noticesBench } from './notices';
import { overviewBench } from './overview';
import { rendererBench } from './renderer';
import { rulesBench } from './rules';
import { searchBench } from './search';
import { installSqlTrace, printSqlProfile } from './sql-trace';
import { transfersBench } from './transfers';
import type { BenchRow, BenchSection } from './types';

/** Each section with the parts of the shared vault at scale it reads. */
const sections: [string, BenchSection, Part[]][] = [
  ['foundation', foundationBench, ['requests', 'deadlines', 'incidents']],
  ['deadlines', deadlinesBench, ['deadlines']],
  ['incidents', incidentsBench, ['incidents']],
  ['inbox', inboxBench, ['requests']],
  ['search', searchBench, ['requests', 'incidents']],
  ['renderer', rendererBench, ['requests', 'deadlines']],
  ['overview', overviewBench, ['requests', 'deadlines', 'incidents']],
  ['notices', noticesBench, []],
  ['transfers', transfersBench, []],
  ['exports', exportsBench, []],
  ['rules', rulesBench, []],
  ['backup', backupBench, []],
];

interface SectionResult {
  rows: BenchRow[];
  seconds: number;
  load: LoadSummary;
}

async function main(): Promise<void> {
  installSqlTrace();
  const started = performance.now();
  const quick = process.argv.includes('--quick');
  // --keep leaves the seeded vault and its plain copy in the temp folder (printed) for a closer look.
  const keep = process.argv.includes('--keep');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  // --scale=0.2 runs a fifth of the full sizes (for profiling one section).
  const scaleArg = Number(process.argv.find((a) => a.startsWith('--scale='))?.slice('--scale='.length));
  const scale = Number.isFinite(scaleArg) && scaleArg > 0 ? scaleArg : quick ? 0.02 : 1;
  const chosen = sections.filter(([name]) => !only || only.includes(name));
  if (only) for (const name of only) if (!sections.some(([s]) => s === name)) throw new Error(`No bench section "${name}" (${sections.map(([s]) => s).join(', ')})`);
  const log = (line: string) => console.log(line);
  const cpuCount = availableParallelism?.() ?? cpus().length;
  const sampler = new LoadSampler(cpuCount);
  const results: Record<string, SectionResult> = {};
  const root = mkdtempSync(join(tmpdir(), 'dpo-bench-'));

  const parts = new Set(chosen.flatMap(([, , p]) => p));
  let million: Promise<MillionVault> | null = null;
  const getMillion = () => {
    if (!million) {
      million = (async () => {
        const t = performance.now();
        const from = Date.now();
        console.log(`▶ seed (vault at scale: ${[...parts].join(', ')})`);
        const m = await buildMillion(join(root, 'million'), scale, parts, log);
        m.plain();
        results.seed = { rows: m.seedRows, seconds: (performance.now() - t) / 1000, load: await sampler.since(from) };
        return m;
      })();
    }
    return million;
  };

  try {
    if (parts.size) await getMillion();
    for (const [name, run] of chosen) {
      const dir = mkdtempSync(join(root, `${name}-`));
      console.log(`▶ ${name}`);
      const from = Date.now();
      const t = performance.now();
      try {
        const rows = await run({ dir, scale, log, million: getMillion });
        results[name] = { rows, seconds: (performance.now() - t) / 1000, load: await sampler.since(from) };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    const opened = million as Promise<MillionVault> | null;
    if (opened) (await opened).close();
    if (keep) console.log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
    await sampler.stop();
  }

  printSqlProfile();
  printTable(results);
  mkdirSync('bench-results', { recursive: true });
  const json = {
    at: new Date().toISOString(),
    scale,
    node: process.version,
    cpus: cpuCount,
    loadAtEnd: loadavg(),
    totalSeconds: (performance.now() - started) / 1000,
    sections: results,
  };
  writeFileSync(join('bench-results', 'bench.json'), JSON.stringify(json, null, 2));
  console.log(`bench-results/bench.json written; ${json.totalSeconds.toFixed(0)} s in all`);
}

const fmt = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toFixed(3));

function printTable(results: Record<string, SectionResult>): void {
  const table = Object.entries(results).flatMap(([section, r]) => [
    ...r.rows.map((row) => {
      // The ratio is of the medians when the row has them (a p95 under load is mostly the
      // scheduler's); the p95s stand beside it.
      const d = row.detail as { median?: number; plainMedian?: number } | undefined;
      const ratio = row.plain ? (d?.median && d.plainMedian ? d.median / d.plainMedian : row.value / row.plain) : undefined;
      const goalMet = row.goal ? (row.goal.op === '<=' ? row.value <= row.goal.value : row.value >= row.goal.value) : undefined;
      const ratioMet = ratio !== undefined && row.ratioGoal ? ratio <= row.ratioGoal : undefined;
      const met = [goalMet, ratioMet].filter((m) => m !== undefined);
      return {
        section,
        figure: row.name,
        value: `${fmt(row.value)} ${row.unit}`,
        'plain SQLite': row.plain !== undefined ? `${fmt(row.plain)} ${row.unit}` : '',
        'ratio (medians)': ratio !== undefined ? `${ratio.toFixed(2)}×` : '',
        goal: [row.goal ? `${row.goal.op} ${row.goal.value} ${row.unit}` : '', row.ratioGoal && ratio !== undefined ? `≤ ${row.ratioGoal}×` : ''].filter(Boolean).join(', '),
        met: met.length ? (met.every(Boolean) ? 'yes' : 'NO') : '',
      };
    }),
    { section, figure: `(load average ${r.load.min}–${r.load.max}, mean ${r.load.avg}, on ${r.load.cpus} CPUs; ${r.seconds.toFixed(0)} s)`, value: '', 'plain SQLite': '', 'ratio (medians)': '', goal: '', met: '' },
  ]);
  console.table(table);
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
