import { performance } from 'node:perf_hooks';
import { calendarLoader } from '../../main/calendar/load';
import { RULE_KEYS } from '../../main/deadlines/catalog';
import type { RuleKey } from '../../main/deadlines/model';
import { DeadlinesRepo, type DeadlineRow } from '../../main/deadlines/repo';
import { computeRow, syncRecordDeadlines } from '../../main/deadlines/service';
import { loadCatalogue } from '../../main/rules/load';
import type { Session } from '../../main/shared/session';
import type { BenchRow } from '../types';
import { inBatches, withLargeCache, withoutIndexes } from './bulk';

// Deadlines: a sample of records synced through the engine (syncRecordDeadlines), timed; then a
// million rows computed by the real engine (computeRow) from a pool of rule × start combinations
// and written through the repository's own upsert. The table is clustered on the board's order
// (stored_state, due_at, id), so the rows are generated in that order: each lands at the end of
// the tree instead of at a random page of a gigabyte of rows.

const START = Date.parse('2024-01-01T00:00:00.000Z');
const END = Date.parse('2027-06-30T00:00:00.000Z');
const MODULES = ['incidents', 'transfers', 'inbox'] as const;
const FIXED: RuleKey[] = ['scc.expiry', 'hold.until', 'target.until'];
const STATE_ORDER = ['met', 'open', 'waived'] as const;

export function seedDeadlines(session: Session, n: number, nowMs: number, log: (line: string) => void): BenchRow[] {
  const calendars = calendarLoader(session);
  const catalogue = loadCatalogue(session);
  const nowIso = new Date(nowMs).toISOString();
  const hourAgo = new Date(nowMs - 3_600_000).toISOString();

  const sample = Math.min(1_000, Math.max(100, Math.round(n / 1000)));
  const t0 = performance.now();
  for (let i = 0; i < sample; i++) {
    const start = new Date(nowMs - i * 3_600_000).toISOString();
    session.tx(() =>
      syncRecordDeadlines(session, { module: 'incidents', recordId: `sample-${i}`, recordRef: `INC-S-${i}`, recordTitle: `Sample incident ${i}` }, [
        { key: 'cac', ruleKey: 'cac.report.4h', start },
        { key: 'pipl', ruleKey: 'pipl57.authority', start },
        { key: 'summary', ruleKey: 'cac.summary.30d', start: start.slice(0, 10) },
      ]),
    );
  }
  const syncMs = (performance.now() - t0) / sample;

  // A pool of real computations: every rule from starts spread over 2024–mid 2027.
  const pool: DeadlineRow[] = [];
  for (let i = 0; i < 3_000; i++) {
    const ruleKey = RULE_KEYS[i % RULE_KEYS.length];
    const start = new Date(START + ((END - START) * i) / 3_000).toISOString();
    const until = FIXED.includes(ruleKey) ? new Date(Date.parse(start) + 90 * 86_400_000).toISOString().slice(0, 10) : null;
    const base = { id: '', module: 'incidents', record_id: '', record_ref: '', record_title: '', key: ruleKey };
    const status = { stored_state: 'open' as const, met_at: null, met_note: null, request_waived_reason: null, dpo_waived_reason: null };
    if (!catalogue.at(ruleKey, start.slice(0, 10))) continue; // a rule not yet in force then (e.g. one from 2026-06-19)
    pool.push(computeRow(base, { ruleKey, start, until, label: null }, status, undefined, calendars, nowIso, catalogue));
  }
  // Past deadlines are mostly met; a few were waived; open ones are what the board shows.
  const stateOf = (i: number) => {
    const past = Date.parse(pool[(i * 7919) % pool.length].due_at) < nowMs;
    return past ? (i % 10 === 0 ? 'open' : i % 10 === 1 ? 'waived' : 'met') : i % 5 === 0 ? 'met' : 'open';
  };

  // Board order without sorting a million objects: a counting sort on (state, rank of due_at);
  // within a bucket, i ascending is id order.
  const dues = [...new Set(pool.map((p) => p.due_at))].sort();
  const dueRank = pool.map((p) => dues.indexOf(p.due_at));
  const keyOf = (i: number) => STATE_ORDER.indexOf(stateOf(i)) * dues.length + dueRank[(i * 7919) % pool.length];
  const buckets = new Uint32Array(STATE_ORDER.length * dues.length + 1);
  for (let i = 0; i < n; i++) buckets[keyOf(i) + 1]++;
  for (let b = 1; b < buckets.length; b++) buckets[b] += buckets[b - 1];
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[buckets[keyOf(i)]++] = i;

  const repo = new DeadlinesRepo(session.db);
  const rowOf = (i: number): DeadlineRow => {
    const p = pool[(i * 7919) % pool.length];
    const module = MODULES[i % MODULES.length];
    const record = Math.floor(i / 3);
    const state = stateOf(i);
    return {
      ...p,
      id: `d${String(i).padStart(8, '0')}`,
      module,
      record_id: `${module}-${record}`,
      record_ref: `${module.slice(0, 3).toUpperCase()}-${record}`,
      record_title: `Bench record ${record}`,
      key: `${p.rule_key}#${i}`,
      stored_state: state,
      met_at: state === 'met' ? p.due_at : null,
      dpo_waived_reason: state === 'waived' ? 'bench' : null,
      // Written when its record was (future starts: planned an hour ago), before the last alert poll.
      changed_at: p.start_at < hourAgo ? p.start_at : hourAgo,
    };
  };
  const t1 = performance.now();
  withLargeCache(session.db, () =>
    withoutIndexes(session.db, ['deadlines'], () =>
      inBatches(
        session.db,
        n,
        20_000,
        (from, to) => {
          const rows: DeadlineRow[] = [];
          for (let k = from; k < to; k++) rows.push(rowOf(order[k]));
          repo.upsertMany(rows);
        },
        (done) => done % 200_000 === 0 && log(`  deadlines: ${done} of ${n}`),
      ),
    ),
  );
  const bulkSeconds = (performance.now() - t1) / 1000;
  log(`  deadlines: ${n} in ${bulkSeconds.toFixed(1)} s (bulk) + ${((syncMs * sample) / 1000).toFixed(1)} s (${sample} records through the engine)`);
  return [
    { name: `syncRecordDeadlines, 3 clocks a record (sample of ${sample}, own transaction each)`, value: syncMs, unit: 'ms/record' },
    { name: `seed ${n} deadlines in bulk (engine rows, repository upsert, board order)`, value: bulkSeconds, unit: 's' },
  ];
}
