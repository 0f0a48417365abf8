import { NOW_MS } from './million';
import { readRow, versusPlain } from './measure';
import type { BenchRow, BenchSection } from './types';

// Issue 3: with 1,000,000 stored deadlines, deadlines.list first page (sorted by due) p95 ≤ 5 ms;
// issue 16: deadlines.counts ≤ 20 ms. The deadlines are in the shared vault at scale.

export const deadlinesBench: BenchSection = async (ctx) => {
  const m = await ctx.million();
  const n = m.sizes.deadlines;
  const { api } = m;
  const plain = m.plain();
  const rows: BenchRow[] = [];
  // The board loads 50 rows a page (the contract's default) and the next page as it scrolls.
  rows.push(readRow(`deadlines.list first page (50, by due) of ${n}`, await versusPlain(api, plain, 200, () => ['deadlines.list', { limit: 50 }]), { op: '<=', value: 5 }));
  rows.push(readRow('deadlines.list first page (100, by due)', await versusPlain(api, plain, 200, () => ['deadlines.list', { limit: 100 }])));
  const first = (await api('deadlines.list', { limit: 50 })) as { ok: true; value: { nextCursor: string } };
  rows.push(readRow('deadlines.list next page (keyset)', await versusPlain(api, plain, 200, () => ['deadlines.list', { limit: 50, cursor: first.value.nextCursor }])));
  rows.push(readRow('deadlines.list module = transfers', await versusPlain(api, plain, 200, () => ['deadlines.list', { limit: 50, module: 'transfers' }])));
  rows.push(readRow('deadlines.list state = dueSoon', await versusPlain(api, plain, 100, () => ['deadlines.list', { limit: 50, state: 'dueSoon' }])));
  rows.push(readRow('deadlines.list state = met', await versusPlain(api, plain, 100, () => ['deadlines.list', { limit: 50, state: 'met' }])));
  rows.push(readRow('deadlines.alerts since a minute ago', await versusPlain(api, plain, 100, () => ['deadlines.alerts', { since: new Date(NOW_MS - 60_000).toISOString() }])));
  rows.push(readRow('deadlines.counts (the board\'s buckets)', await versusPlain(api, plain, 20, () => ['deadlines.counts', {}], 3), { op: '<=', value: 20 }));
  return rows;
};
