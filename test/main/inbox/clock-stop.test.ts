import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../preload/contract';
import { markReplySent } from '../../../main/inbox/handling';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// "Stop the clock" (UK GDPR as amended, from 2026-02-05): one event with its reason and its
// resume, applied only to the clocks whose rule allows it, on the timeline and in the audit log.

let tv: TestVault;
afterEach(() => tv?.cleanup());

const uk = (over: Partial<Input<'inbox.create'>> = {}): Input<'inbox.create'> => ({
  channel: 'email',
  requester: { name: 'Oliver Smith', contact: 'oliver@example.co.uk' },
  jurisdiction: 'UK',
  type: 'access',
  subject: 'Subject access request',
  ...over,
});
const due = (r: { deadlines: { key: string; dueAt: string }[] }, key: string) => r.deadlines.find((d) => d.key === key)?.dueAt;

describe('stop the clock', () => {
  it('stops the UK clock while clarification is awaited and resumes it; the policy clock runs on', async () => {
    tv = await makeTestVault({ now: '2026-03-02T10:00:00.000Z' });
    const r = await tv.ok('inbox.create', uk());
    expect(r.clockStop).toEqual({ allowed: true, open: null });
    expect(due(r, 'uk.reply')).toBe('2026-04-02T22:59:59.999Z');
    tv.setNow('2026-03-05T10:00:00.000Z');
    const stopped = await tv.ok('inbox.stopClock', { id: r.id, reason: 'Asked which account the request covers' });
    expect(stopped.clockStop.open).toEqual({ startedAt: '2026-03-05T10:00:00.000Z', reason: 'Asked which account the request covers' });
    expect(await tv.call('inbox.stopClock', { id: r.id, reason: 'again' })).toMatchObject({ ok: false, error: { fields: { id: expect.stringContaining('already stopped') } } });
    tv.setNow('2026-03-15T10:00:00.000Z');
    const resumed = await tv.ok('inbox.resumeClock', { id: r.id, note: 'Requester replied' });
    expect(resumed.clockStop.open).toBeNull();
    expect(resumed.pauses).toEqual([{ startedAt: '2026-03-05T10:00:00.000Z', endedAt: '2026-03-15T10:00:00.000Z', reason: 'Asked which account the request covers', kind: 'stopClock' }]);
    expect(due(resumed, 'uk.reply')).toBe('2026-04-12T22:59:59.999Z');
    expect(due(resumed, 'reply')).toBe(due(r, 'reply'));
    expect(resumed.timeline.map((t) => t.text)).toEqual(expect.arrayContaining(['Clock stopped: Asked which account the request covers', 'Clock resumed after 10 day(s): Requester replied']));
    const actions = (await tv.ok('audit.list', { limit: 3 })).items.map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(['inbox.resumeClock', 'inbox.stopClock']);
  });

  it.each([
    { why: 'a UK request received before 2026-02-05', now: '2026-02-04T10:00:00.000Z', input: uk() },
    { why: 'a PRC request', now: '2026-03-02T10:00:00.000Z', input: uk({ jurisdiction: 'CN' }) },
    { why: 'an EU request (GDPR sets no stop)', now: '2026-03-02T10:00:00.000Z', input: uk({ jurisdiction: 'EU' }) },
  ])('refuses for $why, with nothing written', async ({ now, input }) => {
    tv = await makeTestVault({ now });
    const r = await tv.ok('inbox.create', input);
    expect(r.clockStop.allowed).toBe(false);
    const auditBefore = (await tv.ok('audit.list', { limit: 1 })).total;
    expect(await tv.call('inbox.stopClock', { id: r.id, reason: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { id: expect.any(String) } } });
    expect((await tv.ok('audit.list', { limit: 1 })).total).toBe(auditBefore);
    expect(await tv.call('inbox.resumeClock', { id: r.id })).toMatchObject({ ok: false, error: { fields: { id: 'The clock is not stopped' } } });
  });

  it('a CCPA request takes its extension to 90 days; the extension notice acknowledges receipt', async () => {
    tv = await makeTestVault({ now: '2026-11-20T18:00:00.000Z' });
    const ca = await tv.ok('inbox.create', uk({ jurisdiction: 'US-CA', requester: { name: 'Ann', contact: 'ann@example.com' } }));
    expect(ca.deadlines.map((d) => d.key)).toEqual(expect.arrayContaining(['ccpa.ack', 'ccpa.reply']));
    const ext = await tv.ok('inbox.extend', { id: ca.id, reasons: 'Many records' });
    expect(ext.deadlines.find((d) => d.key === 'ccpa.reply')?.waivedReason).toContain('Extended');
    expect(due(ext, 'ccpa.extended')).toBe('2027-02-19T07:59:59.999Z');
    expect(ext.deadlines.find((d) => d.key === 'ccpa.ack')?.state).toBe('met'); // the extension notice is the first message out
  });

  it('a refusal of a minor’s request is given in writing with reasons: not by phone (Minors Regulations Art. 34(3))', async () => {
    tv = await makeTestVault();
    const r = await tv.ok('inbox.create', uk({ jurisdiction: 'CN', isMinor: true, guardian: { name: '母亲', contact: 'mum@example.cn' } }));
    await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'idDocument', outcome: 'verified' });
    const decided = await tv.ok('inbox.decide', { id: r.id, outcome: 'refused', refusalGround: 'legalObligation', refusalReasons: 'Records kept by law' });
    expect(decided.decision?.writtenRefusal?.basis.en).toContain('Art. 34(3)');
    expect(() => tv.session.tx(() => markReplySent(tv.session, r.id, { at: '2026-11-29T03:00:00.000Z', via: 'notice n1, phone' }))).toThrow(expect.objectContaining({ fields: { channel: expect.stringContaining('in writing') } }));
    expect((await tv.ok('inbox.get', { id: r.id })).replySentAt).toBeNull();
    tv.session.tx(() => markReplySent(tv.session, r.id, { at: '2026-11-29T03:00:00.000Z', via: 'notice n1, letter' }));
    expect((await tv.ok('inbox.get', { id: r.id })).state).toBe('refused');
  });
});
