import { afterEach, describe, expect, it } from 'vitest';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 13: a record created by mistake can be voided with a reason — kept, greyed, out of
// counts and clocks, audited — and restored.

let tv: TestVault;
afterEach(() => tv?.cleanup());

describe('voiding a record created by mistake', () => {
  it('an incident: kept, off the board and out of the list, writes refused, audited; restoring brings its clocks back', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', { title: 'Duplicate of INC-1', discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 1_200_000, jurisdictions: ['CN'] });
    expect((await tv.ok('deadlines.list', { module: 'incidents' })).items.length).toBeGreaterThan(0);
    const noReason = await tv.call('records.void', { module: 'incidents', recordId: inc.id, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { reason: 'Required' } } });
    const v = await tv.ok('records.void', { module: 'incidents', recordId: inc.id, reason: 'Logged twice by mistake' });
    expect(v.voided).toMatchObject({ by: 'Li Wei', reason: 'Logged twice by mistake' });
    expect((await tv.ok('deadlines.list', { module: 'incidents' })).items).toEqual([]);
    expect((await tv.ok('deadlines.counts', {})).total).toEqual({ overdue: 0, today: 0, week: 0, later: 0 });
    expect((await tv.ok('incidents.list', {})).total).toBe(0);
    const kept = await tv.ok('incidents.get', { id: inc.id });
    expect(kept.voided?.reason).toBe('Logged twice by mistake');
    const edit = await tv.call('incidents.update', { id: inc.id, facts: { title: 'x' } });
    expect(edit).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const entry = (await tv.ok('audit.list', { limit: 1 })).items[0];
    expect(entry).toMatchObject({ action: 'records.void', entity: 'incident', ref: inc.ref, params: { reason: 'Logged twice by mistake' } });
    await tv.ok('records.restore', { module: 'incidents', recordId: inc.id, reason: 'It was not a duplicate' });
    expect((await tv.ok('incidents.list', {})).total).toBe(1);
    expect((await tv.ok('deadlines.list', { module: 'incidents' })).items.length).toBeGreaterThan(0);
  });

  it('a request: out of the inbox list and its state counts, its reply clock off the board', async () => {
    tv = await makeTestVault();
    const r = await tv.ok('inbox.create', { channel: 'email', requester: { name: 'A', contact: 'a@example.cn' }, jurisdiction: 'CN', type: 'access', subject: 'test entry' });
    await tv.ok('records.void', { module: 'inbox', recordId: r.id, reason: 'A test entry' });
    const list = await tv.ok('inbox.list', {});
    expect(list.total).toBe(0);
    expect(list.counts.new).toBe(0);
    expect((await tv.ok('deadlines.list', { module: 'inbox' })).items).toEqual([]);
    expect(await tv.call('inbox.transition', { id: r.id, to: 'inProgress' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a transfer: its volumes leave the company totals', async () => {
    tv = await makeTestVault();
    const t = await tv.ok('transfers.create', { recipient: { name: 'Acme', country: 'US' }, annex1: { individualsScale: 150_000 }, route: { chosen: 'standardContract' } });
    expect((await tv.ok('transfers.classify', {})).totals.nonSensitive).toBe(150_000);
    await tv.ok('records.void', { module: 'transfers', recordId: t.id, reason: 'Registered for the wrong recipient' });
    expect((await tv.ok('transfers.classify', {})).totals.nonSensitive).toBe(0);
    expect((await tv.ok('transfers.list', {})).total).toBe(0);
    await tv.ok('records.restore', { module: 'transfers', recordId: t.id, reason: 'Right recipient after all' });
    expect((await tv.ok('transfers.classify', {})).totals.nonSensitive).toBe(150_000);
  });

  it('a notice only while it is a draft', async () => {
    tv = await makeTestVault();
    const n = await tv.ok('notices.create', { kind: 'policy.change', language: 'zh-CN' });
    await tv.ok('records.void', { module: 'notices', recordId: n.id, reason: 'Wrong kind' });
    expect((await tv.ok('notices.list', {})).total).toBe(0);
    await tv.ok('records.restore', { module: 'notices', recordId: n.id, reason: 'Needed' });
    expect((await tv.ok('records.void', { module: 'notices', recordId: n.id, reason: 'Wrong kind' })).voided).toBeTruthy();
  });
});
