import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../preload/contract';
import { incidentsMigrations } from '../../../main/incidents/migrations';
import { readStoredSentence } from '../../../main/incidents/timeline-sentences';
import { openDatabase } from '../../../main/store/database';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 13: the incident timeline keeps what happened as action + parameters (like the audit log
// and the inbox history), and older stored sentences are read back into data by migration 260.

let tv: TestVault | undefined;
afterEach(() => tv?.cleanup());

const base: Input<'incidents.create'> = { title: 'Customer database exposed', discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 1000, jurisdictions: ['CN', 'EU'] };
const line = (en: string, zh = en) => JSON.stringify({ en, zh });

// Each row: kind, the stored English line (the shapes the services wrote before 260), what it reads as.
const STORED: [string, string, { action: string; params: Record<string, unknown> } | null][] = [
  ['created', 'Logged: Customer database exposed', { action: 'created', params: { title: 'Customer database exposed' } }],
  ['facts', 'People affected: 1,000 → 1,200,000; Minors’ PI involved: no → yes; Cause: — → misconfigured bucket; a → b', {
    action: 'factsChanged',
    params: { changes: [{ key: 'individualsAffected', from: 1000, to: 1_200_000 }, { key: 'minorsInvolved', from: false, to: true }, { key: 'cause', from: null, to: 'misconfigured bucket; a → b' }] },
  }],
  ['facts', 'GDPR risk: — → high', { action: 'factsChanged', params: { changes: [{ key: 'gdprRisk', from: null, to: 'high' }] } }],
  ['state', 'Detected → Assessing', { action: 'stateChanged', params: { from: 'detected', to: 'assessing', reason: null, pending: [] } }],
  ['state', 'Contained → Closed (closed with pending: Notify the PI protection authority; CAC summary report)', {
    action: 'stateChanged', params: { from: 'contained', to: 'closed', reason: null, pending: ['pipl57.authority', 'cac.summary'] },
  }],
  ['state', 'Closed → Assessing — More accounts found', { action: 'stateChanged', params: { from: 'closed', to: 'assessing', reason: 'More accounts found', pending: [] } }],
  ['state', 'Voided as created by mistake — duplicate of INC-2026-0002', { action: 'voided', params: { reason: 'duplicate of INC-2026-0002' } }],
  ['state', 'Restored (no longer void)', { action: 'restored', params: {} }],
  ['note', 'Called the vendor', { action: 'note', params: { text: 'Called the vendor' } }],
  ['obligation', 'Report to the cyberspace administration: done (京网信-2026-0188) — first report, items (1) and (2); the rest to be supplemented — by phone', {
    action: 'obligationDone', params: { key: 'cac.report', reference: '京网信-2026-0188', firstReport: true, note: 'by phone' },
  }],
  ['obligation', 'Notify the individuals: done', { action: 'obligationDone', params: { key: 'pipl57.individuals', reference: '', firstReport: false, note: '' } }],
  ['obligation', 'Notify the individuals: done mark withdrawn — wrong date', { action: 'obligationWithdrawn', params: { key: 'pipl57.individuals', reason: 'wrong date' } }],
  ['obligation', 'CAC follow-up report (BJ-77): new accounts found', { action: 'followUp', params: { reference: 'BJ-77', note: 'new accounts found' } }],
  ['obligation', 'CII operator default changed in Settings (now yes): obligations recomputed', { action: 'ciiRecomputed', params: { cii: true } }],
  ['override', 'GDPR notice to the supervisory authority: set not required by the DPO — no EU residents', {
    action: 'obligationOverride', params: { key: 'gdpr33.authority', required: false, reason: 'no EU residents' },
  }],
  ['override', 'Grade set to Major by the DPO (computed: General) — press coverage', { action: 'gradeOverride', params: { grade: 'major', computed: 'general', removed: false, reason: 'press coverage' } }],
  ['notice', 'Report to the cyberspace administration: done — notice sent by in-app or portal notice', { action: 'noticeSent', params: { key: 'cac.report', channel: 'portal', met: true } }],
  ['notice', 'Notify the individuals: notice sent by e-mail', { action: 'noticeSent', params: { key: 'pipl57.individuals', channel: 'email', met: false } }],
  // Not in a shape the services wrote: kept as the stored sentence.
  ['facts', 'Something the old code never wrote', null],
  ['notice', 'Notice (incident.other): notice sent by carrier pigeon', null],
  ['state', 'Somewhere → Elsewhere', null],
];

describe('older timeline sentences read back as data', () => {
  it.each(STORED)('%s: %s', (kind, en, expected) => {
    expect(readStoredSentence(kind, line(en))).toEqual(expected);
  });

  it('migration 260 converts the stored sentences of a vault written before it; an unreadable one keeps its text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpo-inc-mig-'));
    const db = openDatabase(join(dir, 'v.db'), { key: null });
    try {
      incidentsMigrations.find((m) => m.version === 200)!.up(db);
      db.prepare(`INSERT INTO incidents VALUES ('i1', 'INC-2026-0001', 2026, 1, 'Leak', 'detected', '2026-11-29T01:00:00.000Z', 'major', NULL, ',CN,', 5, '~', '{}', 1, 'x', 'x', NULL)`).run();
      const insert = db.prepare(`INSERT INTO incident_timeline (incident_id, at, recorded_at, actor, kind, text) VALUES ('i1', 'x', 'x', 'dpo', ?, ?)`);
      for (const [kind, en] of STORED) insert.run(kind, line(en, `中文：${en}`));
      incidentsMigrations.find((m) => m.version === 260)!.up(db);
      const rows = db.prepare('SELECT kind, text, action, params FROM incident_timeline ORDER BY id').all() as { kind: string; text: string; action: string | null; params: string | null }[];
      rows.forEach((row, i) => {
        const expected = STORED[i][2];
        expect(row.action).toBe(expected ? `incidentTimeline.${expected.action}` : null);
        expect(row.params === null ? null : JSON.parse(row.params)).toEqual(expected ? expected.params : null);
        expect(row.text).toBe(line(STORED[i][1], `中文：${STORED[i][1]}`)); // the sentence itself is kept
      });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('new timeline entries are data, put in words in both languages', () => {
  it('stores action + parameters, no sentence; the record reads them in Chinese and English with the display zone', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    await tv.ok('incidents.update', { id: inc.id, expectedVersion: inc.version, facts: { individualsAffected: 1_200_000, containedAt: '2026-11-29T01:40:00.000Z', gdprRisk: 'high' } });
    await tv.ok('incidents.transition', { id: inc.id, to: 'assessing' });
    const got = await tv.ok('incidents.get', { id: inc.id });
    const rows = tv.session.db.prepare('SELECT text, action, params FROM incident_timeline ORDER BY id').all() as { text: string; action: string; params: string }[];
    expect(rows.map((r) => r.action)).toEqual(['incidentTimeline.created', 'incidentTimeline.factsChanged', 'incidentTimeline.stateChanged']);
    expect(rows.every((r) => r.text === '')).toBe(true);
    expect(JSON.parse(rows[1].params)).toEqual({
      changes: [
        { key: 'containedAt', from: null, to: '2026-11-29T01:40:00.000Z' },
        { key: 'individualsAffected', from: 1000, to: 1_200_000 },
        { key: 'gdprRisk', from: null, to: 'high' },
      ],
    });
    const facts = got.timeline.find((t) => t.kind === 'facts')!;
    expect(facts.text.zh).toBe('控制时间：— → 2026年11月29日 09:40（北京时间）；受影响人数：1,000 → 1,200,000；GDPR 风险等级：— → 高风险');
    expect(facts.text.en).toBe('Contained: — → 29 Nov 2026, 09:40 (Beijing time); People affected: 1,000 → 1,200,000; GDPR risk: — → high risk');
    expect(got.timeline.find((t) => t.kind === 'state')!.text).toEqual({ en: 'Detected → Assessing', zh: '已发现 → 评估中' });
  });
});
