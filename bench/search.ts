import { readRow, versusPlain, type Timing } from './measure';
import { TERMS } from './million/text';
import type { BenchRow, BenchSection } from './types';

// Issue 16: full-text search across all modules at 1,000,000 records, the first 20 hits p95 ≤ 20 ms,
// for Chinese two-character words and Latin words; common, rare and absent terms (their share of
// the documents is set by bench/million/text.ts), and the trigram index's own 3+ character case.

const QUERIES: [string, string][] = [
  ['Chinese 2 characters, in 1 record in 10', TERMS.commonZh],
  ['Chinese 2 characters, in 1 record in 1,000', TERMS.rareZh],
  ['Chinese 2 characters, in no record', TERMS.absentZh],
  ['Chinese 4 characters, in most records', TERMS.phraseZh],
  ['Latin word, in 1 record in 10', TERMS.commonEn],
  ['Latin word, in 1 record in 1,000', TERMS.rareEn],
  ['Latin word, in no record', TERMS.absentEn],
  ['Latin two words', TERMS.phraseEn],
  ['an e-mail address (one record)', 'user424242@example.cn'],
];

export const searchBench: BenchSection = async (ctx) => {
  const m = await ctx.million();
  const docs = m.sizes.requests + m.sizes.incidents;
  const plain = m.plain();
  const rows: BenchRow[] = [];
  const all: Timing[] = [];
  for (const [what, text] of QUERIES) {
    const t = await versusPlain(m.api, plain, 40, () => ['search.query', { text, limit: 20 }], 5);
    all.push(t.app);
    rows.push(readRow(`search "${text}" (${what}), first 20 hits`, t, { op: '<=', value: 20 }));
  }
  rows.unshift({ name: `search across all modules (${docs} records), worst p95 of the ${QUERIES.length} queries`, value: Math.max(...all.map((t) => t.p95)), unit: 'ms', goal: { op: '<=', value: 20 } });
  return rows;
};
