import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { asTranslatable, type Jurisdiction } from '../../preload/contract/common';
import { IncidentsRepo, NO_DUE } from '../../main/incidents/repo';
import { createIncident } from '../../main/incidents/service';
import { SearchRepo } from '../../main/search/repo';
import type { Session } from '../../main/shared/session';
import type { BenchRow } from '../types';
import { inBatches, withLargeCache, withoutIndexes } from './bulk';

// Incidents: the first ones logged through the real use-case (grade, obligations, clocks on the
// board, timeline, search index, audit chain), timed per record; the rest are copies of those rows
// written through the module's repository and the search repository (same SQL, fresh ids,
// references and discovery times, the template's clock shifted with it). The list reads only
// the incidents table; `get` is timed on fully logged ones.

const JURISDICTIONS: Jurisdiction[][] = [['CN'], ['CN', 'EU'], ['CN', 'US-CA'], ['EU'], ['CN', 'EU', 'US-CA'], ['OTHER']];
const START = Date.parse('2024-01-01T00:00:00.000Z');
const DESCRIPTION = 'Customer records were exposed through a misconfigured storage bucket.';

export function seedIncidents(session: Session, n: number, nowMs: number, log: (line: string) => void): { rows: BenchRow[]; logged: string[] } {
  const step = (nowMs - START) / n;
  const full = Math.min(n, 2_000);
  const logged: string[] = [];
  const t0 = performance.now();
  for (let from = 0; from < full; from += 500) {
    session.tx(() => {
      for (let i = from; i < Math.min(full, from + 500); i++) {
        const inc = createIncident(session, {
          title: `${i % 3 === 0 ? '客户数据泄露' : 'Misconfigured bucket'} #${i}`,
          description: asTranslatable(DESCRIPTION),
          discoveredAt: new Date(START + i * step).toISOString(),
          individualsAffected: (i * 7919) % 2_000_000,
          jurisdictions: JURISDICTIONS[i % JURISDICTIONS.length],
          piCategories: ['name', 'phone'],
          minorsInvolved: i % 17 === 0,
        });
        if (i % 97 === 0) logged.push(inc.id);
      }
    });
  }
  const serviceMs = (performance.now() - t0) / full;

  const db = session.db;
  const repo = new IncidentsRepo(db);
  const search = new SearchRepo(db);
  const templates = (db.prepare('SELECT id FROM incidents').all() as { id: string }[]).map((r) => repo.get(r.id)!);
  const t1 = performance.now();
  withLargeCache(db, () =>
    withoutIndexes(db, ['incidents'], () =>
      inBatches(db, n - full, 20_000, (from, to) => {
        for (let i = full + from; i < full + to; i++) {
          const tpl = templates[i % templates.length];
          const discovered = START + i * step;
          const shift = discovered - Date.parse(tpl.discovered_at);
          const nextDue = tpl.next_due_at === NO_DUE ? NO_DUE : new Date(Date.parse(tpl.next_due_at) + shift).toISOString();
          const row = { ...tpl, id: randomUUID(), ref: `INC-2026-${String(i + 1).padStart(4, '0')}`, ref_seq: i + 1, title: `${tpl.title.split(' #')[0]} #${i}`, discovered_at: new Date(discovered).toISOString(), next_due_at: nextDue };
          repo.insert(row);
          search.upsert({ module: 'incidents', recordId: row.id, ref: row.ref, title: row.title, body: `${DESCRIPTION}\nname phone` });
        }
      }),
    ),
  );
  const bulkSeconds = (performance.now() - t1) / 1000;
  log(`  incidents: ${n} in ${bulkSeconds.toFixed(1)} s (bulk) + ${((serviceMs * full) / 1000).toFixed(1)} s (${full} through the use-case)`);
  return {
    logged,
    rows: [
      { name: `incidents.create through the use-case (sample of ${full}, 500 a transaction)`, value: serviceMs, unit: 'ms/record' },
      { name: `seed ${n - full} incidents in bulk (row, details, search document)`, value: bulkSeconds, unit: 's' },
    ],
  };
}
