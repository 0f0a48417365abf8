import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../preload/contract';
import { deadlinesMigrations } from '../../../main/deadlines/migrations';
import { incidentsMigrations } from '../../../main/incidents/migrations';
import { openDatabase } from '../../../main/store/database';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 13, items 3–5: what the DPO types is kept, counts follow every write, and a duty is
// "not required" only for a recorded reason.

let tv: TestVault;
afterEach(() => tv?.cleanup());

const base: Input<'incidents.create'> = {
  title: 'Support database exposed at a US vendor',
  discoveredAt: '2026-11-29T01:00:00.000Z',
  individualsAffected: 1_200_000,
  jurisdictions: ['CN', 'EU'],
};
const ob = <O extends { key: string }>(inc: { obligations: O[] }, key: string): O => inc.obligations.find((o) => o.key === key)!;

describe('(3) the note typed in "Mark done"', () => {
  it('is kept with the obligation, on the timeline, in the audit entry and in search', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    const done = await tv.ok('incidents.markObligation', { id: inc.id, key: 'pipl57.authority', state: 'done', doneAt: '2026-11-29T01:30:00.000Z', reference: 'BJ-CAC-0099', note: 'Phoned the duty officer Wang' });
    expect(ob(done, 'pipl57.authority').done).toMatchObject({ reference: 'BJ-CAC-0099', note: 'Phoned the duty officer Wang' });
    const line = done.timeline.find((t) => t.kind === 'obligation')!;
    expect(line.text.en).toBe('Notify the PI protection authority: done (BJ-CAC-0099) — Phoned the duty officer Wang');
    expect(line.text.zh).toContain('——Phoned the duty officer Wang');
    const entry = (await tv.ok('audit.list', { limit: 1 })).items[0];
    expect(entry.summary).toContain('Phoned the duty officer Wang');
    const hits = await tv.ok('search.query', { text: 'duty officer Wang' });
    expect(hits.hits.map((h) => h.ref)).toEqual([inc.ref]);
  });
});

describe('(4) counts and sort keys follow every write', () => {
  it('the list’s next due includes pending "immediately" duties, and a done one leaves it', async () => {
    tv = await makeTestVault();
    const small = await tv.ok('incidents.create', { ...base, individualsAffected: 10, jurisdictions: ['CN'] });
    let item = (await tv.ok('incidents.list', {})).items[0];
    expect(item).toMatchObject({ nextDueAt: base.discoveredAt, nextDueImmediate: true, hasOverdue: false });
    for (const key of ['pipl57.authority', 'pipl57.individuals']) {
      await tv.ok('incidents.markObligation', { id: small.id, key, state: 'done', doneAt: '2026-11-29T01:30:00.000Z', reference: 'R-1' });
    }
    item = (await tv.ok('incidents.list', {})).items[0];
    expect(item).toMatchObject({ nextDueAt: null, nextDueImmediate: false });
  });

  it('a due date overridden on the board reaches the incident list’s sort key and overdue flag at once', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', { ...base, jurisdictions: ['CN'] });
    for (const key of ['pipl57.authority', 'pipl57.individuals']) {
      await tv.ok('incidents.markObligation', { id: inc.id, key, state: 'done', doneAt: '2026-11-29T01:30:00.000Z', reference: 'R-1' });
    }
    const cac = ob(await tv.ok('incidents.get', { id: inc.id }), 'cac.report').deadline!;
    expect((await tv.ok('incidents.list', {})).items[0].nextDueAt).toBe('2026-11-29T05:00:00.000Z');
    await tv.ok('deadlines.override', { id: cac.id, dueAt: '2026-11-29T01:50:00.000Z', reason: 'The CAC duty officer asked for it by 09:50' });
    const item = (await tv.ok('incidents.list', {})).items[0];
    expect(item.nextDueAt).toBe('2026-11-29T01:50:00.000Z');
    expect(item.hasOverdue).toBe(true); // the vault clock is 02:00Z
    expect((await tv.ok('incidents.list', { hasOverdue: true })).items.map((i) => i.id)).toEqual([inc.id]);
  });

  it('turning on "CII operator" in Settings moves every incident that follows it to the 1-hour clock at once', async () => {
    tv = await makeTestVault();
    const follows = await tv.ok('incidents.create', { ...base, jurisdictions: ['CN'] });
    const own = await tv.ok('incidents.create', { ...base, jurisdictions: ['CN'], ciiOperator: false });
    expect(ob(follows, 'cac.report').ruleKey).toBe('cac.report.4h');
    await tv.ok('settings.update', { ciiOperator: true });
    const after = await tv.ok('incidents.get', { id: follows.id });
    expect(ob(after, 'cac.report')).toMatchObject({ ruleKey: 'cac.report.cii.1h', dueAt: '2026-11-29T02:00:00.000Z' });
    expect(ob(await tv.ok('incidents.get', { id: own.id }), 'cac.report').ruleKey).toBe('cac.report.4h');
    const board = await tv.ok('deadlines.list', { module: 'incidents', limit: 50 });
    expect(board.items.filter((d) => d.key === 'cac.report').map((d) => d.ruleKey).sort()).toEqual(['cac.report.4h', 'cac.report.cii.1h']);
  });

  it('an inbox clock overridden on the board reaches the inbox list’s due column', async () => {
    tv = await makeTestVault();
    const r = await tv.ok('inbox.create', { channel: 'email', requester: { name: 'A', contact: 'a@example.cn' }, jurisdiction: 'CN', type: 'access', subject: 'x' });
    const reply = r.deadlines.find((d) => d.key === 'reply')!;
    await tv.ok('deadlines.override', { id: reply.id, dueAt: '2026-12-01T09:00:00.000Z', reason: 'Promised an answer by Tuesday' });
    expect((await tv.ok('inbox.list', {})).items[0].dueAt).toBe('2026-12-01T09:00:00.000Z');
  });

  it('a write says so in its result, so the screen refreshes; a read does not', async () => {
    tv = await makeTestVault();
    const write = await tv.call('incidents.create', base);
    expect(write).toMatchObject({ ok: true, wrote: true });
    const read = await tv.call('incidents.list', {});
    expect(read.ok && 'wrote' in read).toBe(false);
  });
});

describe('(5) GDPR Art. 34 before the risk is assessed', () => {
  it('is "to be assessed" with its question, not "not required", for 1.2 M people', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    const art34 = ob(inc, 'gdpr34.individuals');
    expect(art34.state).toBe('toAssess');
    expect(art34.question?.fact).toBe('gdprRisk');
    expect(art34.question?.text.en).toContain('high risk');
    expect(art34.explanation.en).toMatch(/^To be assessed/);
    // No clock is requested while it is to be assessed, so the board has no "Started …" for it.
    expect(art34).toMatchObject({ startAt: null, dueAt: null, deadline: null });
    expect(ob(inc, 'minors.authority')).toMatchObject({ state: 'notRequired', startAt: null });
    // Closing asks for confirmation while it is open.
    const close = await tv.call('incidents.transition', { id: inc.id, to: 'closed' });
    expect(close).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('GDPR communication to data subjects') } });
  });

  it('becomes "not required" only with the recorded reason, which its "why" quotes', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    const noReason = await tv.call('incidents.update', { id: inc.id, facts: { gdprRisk: 'risk' } });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { gdprRiskReason: 'Say why the risk is not high' } } });
    const assessed = await tv.ok('incidents.update', { id: inc.id, facts: { gdprRisk: 'risk', gdprRiskReason: 'Only hashed e-mail addresses; no contact data' } });
    const art34 = ob(assessed, 'gdpr34.individuals');
    expect(art34.state).toBe('notRequired');
    expect(art34.question).toBeNull();
    expect(art34.explanation.en).toBe('Not required: the DPO assessed the risk as a risk, but not high ("Only hashed e-mail addresses; no contact data").');
    const high = await tv.ok('incidents.update', { id: inc.id, facts: { gdprRisk: 'high' } });
    expect(ob(high, 'gdpr34.individuals').state).toBe('pending');
  });

  it('a DPO override decides it without the question', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', base);
    const o = await tv.ok('incidents.overrideObligation', { id: inc.id, key: 'gdpr34.individuals', required: false, reason: 'The lead authority confirmed no communication is needed' });
    expect(ob(o, 'gdpr34.individuals').state).toBe('notRequired');
  });
});

describe('migration 210', () => {
  it('puts a pending "immediately" duty into next due and keeps the overdue check on fixed clocks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dpo-inc-210-'));
    const db = openDatabase(join(dir, 'v.db'), { key: null });
    try {
      for (const m of [...deadlinesMigrations, ...incidentsMigrations.filter((x) => x.version < 210)]) m.up(db);
      db.prepare(`INSERT INTO incidents (id, ref, ref_year, ref_seq, title, state, discovered_at, grade, jurisdictions, individuals_affected, next_due_at, version, created_at, updated_at, closed_at)
        VALUES ('i1', 'INC-2026-0001', 2026, 1, 'Leak', 'detected', '2026-11-29T01:00:00.000Z', 'general', ',CN,', 5, '2026-11-29T05:00:00.000Z', 1, 'x', 'x', NULL)`).run();
      const row = (key: string, clock: string, due: string) =>
        db.prepare(`INSERT INTO deadlines (id, module, record_id, record_ref, record_title, key, rule_key, start, clock, start_at, due_at, computed_due_at, zone, explanation, stored_state, changed_at)
          VALUES (?, 'incidents', 'i1', 'INC-2026-0001', 'Leak', ?, 'pipl57.authority', ?, ?, ?, ?, ?, 'Asia/Shanghai', '{}', 'open', 'x')`).run(key, key, due, clock, due, due, due);
      row('pipl57.authority', 'immediate', '2026-11-29T01:00:00.000Z');
      row('cac.report', 'due', '2026-11-29T05:00:00.000Z');
      incidentsMigrations.find((m) => m.version === 210)!.up(db);
      expect(db.prepare('SELECT next_due_at, next_due_immediate, overdue_from FROM incidents').get()).toEqual({
        next_due_at: '2026-11-29T01:00:00.000Z',
        next_due_immediate: 1,
        overdue_from: '2026-11-29T05:00:00.000Z',
      });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
