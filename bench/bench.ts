// `npm run bench [-- --quick]`: seeds vaults at scale in a temp folder and prints each figure
// as a table and as JSON (bench-results/bench.json). Every module adds a section.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupBench } from './backup';
import { deadlinesBench } from './deadlines';
import { exportsBench } from './exports';
import { foundationBench } from './foundation';
import { inboxBench } from './inbox';
import { incidentsBench } from './incidents';
import { noticesBench } from './notices';
import { rulesBench } from './rules';
import { transfersBench } from './transfers';
import type { BenchRow, BenchSection } from './types';

const sections: [string, BenchSection][] = [
  ['foundation', foundationBench],
  ['deadlines', deadlinesBench],
  ['incidents', incidentsBench],
  ['notices', noticesBench],
  ['transfers', transfersBench],
  ['inbox', inboxBench],
  ['exports', exportsBench],
  ['rules', rulesBench],
  ['backup', backupBench],
];

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  // --scale=0.2 runs a fifth of the full sizes (for profiling one section).
  const scaleArg = Number(process.argv.find((a) => a.startsWith('--scale='))?.slice('--scale='.length));
  const scale = Number.isFinite(scaleArg) && scaleArg > 0 ? scaleArg : quick ? 0.02 : 1;
  const results: Record<string, BenchRow[]> = {};
  for (const [name, run] of sections) {
    if (only && !only.split(',').includes(name)) continue;
    const dir = mkdtempSync(join(tmpdir(), `dpo-bench-${name}-`));
    console.log(`▶ ${name}`);
    try {
      results[name] = await run({ dir, scale, log: (line) => console.log(line) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const table = Object.entries(results).flatMap(([section, rows]) =>
    rows.map((r) => ({
      section,
      figure: r.name,
      value: `${r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2)} ${r.unit}`,
      goal: r.goal ? `${r.goal.op} ${r.goal.value} ${r.unit}` : '',
      met: r.goal ? ((r.goal.op === '<=' ? r.value <= r.goal.value : r.value >= r.goal.value) ? 'yes' : 'NO') : '',
    })),
  );
  console.table(table);
  mkdirSync('bench-results', { recursive: true });
  const json = { at: new Date().toISOString(), scale, node: process.version, results };
  writeFileSync(join('bench-results', 'bench.json'), JSON.stringify(json, null, 2));
  console.log(JSON.stringify(json));
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
