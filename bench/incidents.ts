import { readRow, versusPlain } from './measure';
import type { BenchRow, BenchSection } from './types';

// Issue 4: with 100,000 incidents, the list's first page p95 ≤ 5 ms and opening one ≤ 5 ms. The
// incidents are in the shared vault at scale (bench/million/incidents.ts says how they are made).

export const incidentsBench: BenchSection = async (ctx) => {
  const m = await ctx.million();
  const n = m.sizes.incidents;
  const { api, incidentIds: ids } = m;
  const plain = m.plain();
  const rows: BenchRow[] = [];
  rows.push(readRow(`list first page (50, newest discovery) of ${n}`, await versusPlain(api, plain, 200, () => ['incidents.list', { limit: 50 }]), { op: '<=', value: 5 }));
  rows.push(readRow('open one incident (get)', await versusPlain(api, plain, 200, (i) => ['incidents.get', { id: ids[i % ids.length] }]), { op: '<=', value: 5 }, 0));
  rows.push(readRow('list first page sorted by next due', await versusPlain(api, plain, 100, () => ['incidents.list', { limit: 50, sort: 'nextDue' }])));
  rows.push(readRow('list first page, jurisdiction US-CA + open only', await versusPlain(api, plain, 100, () => ['incidents.list', { limit: 50, jurisdiction: 'US-CA', openOnly: true }])));
  rows.push(readRow('list first page, has overdue', await versusPlain(api, plain, 100, () => ['incidents.list', { limit: 50, hasOverdue: true }])));
  rows.push(readRow('list search by title ("泄露")', await versusPlain(api, plain, 50, () => ['incidents.list', { limit: 50, search: '泄露' }])));
  const page1 = (await api('incidents.list', { limit: 50 })) as { ok: true; value: { nextCursor: string } };
  rows.push(readRow('list next page (keyset)', await versusPlain(api, plain, 100, () => ['incidents.list', { limit: 50, cursor: page1.value.nextCursor }])));
  return rows;
};
