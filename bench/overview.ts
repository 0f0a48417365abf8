import { readRow, versusPlain } from './measure';
import type { BenchRow, BenchSection } from './types';

// Issue 17: at 1,000,000 records the overview's queries answer in ≤ 100 ms together. overview.figures
// is one call that runs all of them (obligations, requests, incidents, transfers, thresholds, the
// 30-day timeline) over the shared vault at scale: requests, deadlines and incidents. Transfers
// are not in that vault, so their figure reads an empty count table.

export const overviewBench: BenchSection = async (ctx) => {
  const m = await ctx.million();
  const { api, sizes } = m;
  const plain = m.plain();
  const records = sizes.requests + sizes.deadlines + sizes.incidents;
  const rows: BenchRow[] = [];
  rows.push(readRow(`overview.figures, this quarter (${records} records: ${sizes.requests} requests, ${sizes.deadlines} deadlines, ${sizes.incidents} incidents)`, await versusPlain(api, plain, 30, () => ['overview.figures', { period: { kind: 'quarter' } }], 3), { op: '<=', value: 100 }));
  rows.push(readRow('overview.figures, this year', await versusPlain(api, plain, 30, () => ['overview.figures', { period: { kind: 'year' } }], 3), { op: '<=', value: 100 }));
  rows.push(readRow('overview.figures, custom 60 months', await versusPlain(api, plain, 20, () => ['overview.figures', { period: { kind: 'custom', from: '2021-12', to: '2026-11' } }], 3), { op: '<=', value: 100 }));
  return rows;
};
