import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../preload/contract';
import { inboxNoticeSource } from '../../../main/inbox/notice-source';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const base: Input<'inbox.create'> = {
  channel: 'webForm',
  requester: { name: 'Requester', contact: 'r@example.cn' },
  jurisdiction: 'CN',
  type: 'access',
  subject: 'Request',
};

/** Logs a request received `daysAgo` days before the vault's clock (2026-11-29T02:00Z). */
async function logged(over: Partial<Input<'inbox.create'>>, daysAgo = 0) {
  const receivedAt = new Date(Date.parse('2026-11-29T02:00:00.000Z') - daysAgo * 86_400_000).toISOString();
  return tv.ok('inbox.create', { ...base, ...over, ...(daysAgo ? { receivedAt, receivedAtReason: 'Logged late' } : {}) });
}

describe('inbox list', () => {
  it('filters by state, type, jurisdiction, overdue and due-within, sorted by due, with counts per state', async () => {
    tv = await makeTestVault();
    const old = await logged({ subject: 'Old access', type: 'access' }, 40); // overdue
    const complaint = await logged({ subject: 'Complaint', type: 'complaint' }, 12); // 15 days → due in 3 days
    const eu = await logged({ subject: 'EU copy', type: 'copy', jurisdiction: 'EU' }, 1);
    const withdrawn = await logged({ subject: 'Withdrawn', type: 'deletion' }, 50);
    await tv.ok('inbox.transition', { id: withdrawn.id, to: 'withdrawn', reason: 'Phoned to withdraw' });

    const all = await tv.ok('inbox.list', { limit: 50 });
    expect(all.items.map((i) => i.subject)).toEqual(['Withdrawn', 'Old access', 'Complaint', 'EU copy']);
    expect(all.counts).toMatchObject({ new: 3, withdrawn: 1, verifying: 0 });
    expect(all.total).toBe(4);

    const overdue = await tv.ok('inbox.list', { overdue: true, limit: 50 });
    expect(overdue.items.map((i) => [i.subject, i.dueState])).toEqual([['Old access', 'overdue']]);
    const within5 = await tv.ok('inbox.list', { dueWithinDays: 5, limit: 50 });
    expect(within5.items.map((i) => i.subject)).toEqual(['Old access', 'Complaint']);
    expect((await tv.ok('inbox.list', { state: 'withdrawn', limit: 50 })).items.map((i) => [i.subject, i.dueState])).toEqual([['Withdrawn', 'waived']]);
    expect((await tv.ok('inbox.list', { type: 'complaint', limit: 50 })).items.map((i) => i.id)).toEqual([complaint.id]);
    const euList = await tv.ok('inbox.list', { jurisdiction: 'EU', limit: 50 });
    expect(euList).toMatchObject({ total: 1, items: [{ id: eu.id }] });
    expect(old.dueState).toBe('overdue');
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    tv = await makeTestVault();
    for (let i = 0; i < 7; i++) await logged({ subject: `R${i}` }, i);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { subject: string }[]; nextCursor: string | null } = await tv.ok('inbox.list', { limit: 3, cursor });
      seen.push(...page.items.map((i) => i.subject));
      cursor = page.nextCursor;
    } while (cursor);
    // Same order as one long page (due, then id for requests due the same day), each once.
    const whole = await tv.ok('inbox.list', { limit: 50 });
    expect(seen).toEqual(whole.items.map((i) => i.subject));
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(0, 3)).toEqual(['R6', 'R5', 'R4']);
    const bad = await tv.call('inbox.list', { limit: 3, cursor: 'bm9wZQ' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { cursor: expect.any(String) } } });
  });
});

describe('quarter figures', () => {
  it('counts received, replied on time and refusals by ground for a quarter in Beijing time', async () => {
    tv = await makeTestVault();
    const onTime = await logged({ subject: 'A', type: 'complaint' }, 5);
    await tv.ok('inbox.decide', { id: onTime.id, outcome: 'fulfilled', actionsTaken: 'Explained' });
    await tv.ok('inbox.transition', { id: onTime.id, to: 'answered' });
    const late = await logged({ subject: 'B', type: 'access' }, 50); // 2026-10-10: due Oct 30, answered Nov 29
    await tv.ok('inbox.decide', { id: late.id, outcome: 'refused', refusalGround: 'tradeSecrets', refusalReasons: 'Model weights' });
    await tv.ok('inbox.transition', { id: late.id, to: 'refused' });
    await logged({ subject: 'C', type: 'access' }, 1);
    await logged({ subject: 'Last quarter', type: 'access' }, 80); // 2026-09-10: Q3

    const q4 = await tv.ok('inbox.stats', { quarter: '2026-Q4' });
    expect(q4).toMatchObject({ received: 3, replied: 2, repliedOnTime: 1, onTimePercent: 50, stillOpen: 1 });
    expect(q4.refusedByGround.find((g) => g.ground === 'tradeSecrets')).toMatchObject({ count: 1, text: { zh: '涉及商业秘密的' } });
    expect(q4.refusedByGround).toHaveLength(9);
    expect((await tv.ok('inbox.stats', { quarter: '2026-Q3' })).received).toBe(1);
    expect(await tv.call('inbox.stats', { quarter: '2026-Q5' })).toMatchObject({ ok: false, error: { fields: { quarter: expect.any(String) } } });
  });
});

describe('notice source', () => {
  it('fills the reply’s merge fields, and a dispatched reply meets the deadline and answers the request', async () => {
    tv = await makeTestVault();
    const r = await logged({ subject: 'Delete my data', type: 'deletion', jurisdiction: 'EU', requester: { name: 'Anna', contact: 'anna@example.de' } });
    await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'emailLink', outcome: 'verified' });
    await tv.ok('inbox.decide', { id: r.id, outcome: 'partlyFulfilled', actionsTaken: 'Profile deleted', refusalGround: 'legalObligation', refusalReasons: 'Orders kept 3 years' });
    await tv.ok('inbox.recordHold', { id: r.id, kind: 'transactions', description: 'Orders', from: '2026-11-01' });

    const f = inboxNoticeSource.fields(tv.session, r.id)!;
    expect(f.ref).toBe(r.ref);
    expect(f.values).toMatchObject({
      'request.ref': r.ref,
      'request.requesterName': 'Anna',
      'request.typeZh': '删除个人信息',
      'request.refusalGroundZh': '与我们履行法律法规规定的义务相关的',
      'request.refusalGroundNumber': '1',
      'request.refusalReasons': 'Orders kept 3 years',
      'request.actionsTaken': 'Profile deleted',
      'request.holds': 'Orders — kept until 2029-11-01 (E-Commerce Law Art. 31: transaction records kept ≥ 3 years from completion)',
    });
    expect(f.values['request.rightToComplain']).toContain('PIPL Art. 50');
    expect(f.values['request.rightToComplain']).toContain('GDPR Art. 12(4)');
    expect(inboxNoticeSource.fields(tv.session, 'nope')).toBeNull();

    tv.setNow('2026-11-30T08:00:00.000Z');
    tv.session.tx(() =>
      inboxNoticeSource.onDispatched!(tv.session, r.id, { noticeId: 'n1', noticeRef: 'NTC-2026-0001', kind: 'reply', dispatchedAt: '2026-11-30T08:00:00.000Z', channel: 'email' }),
    );
    const after = await tv.ok('inbox.get', { id: r.id });
    expect(after).toMatchObject({ state: 'answered', replySentAt: '2026-11-30T08:00:00.000Z', dueState: 'met' });
    expect(after.deadlines.filter((d) => d.key === 'reply' || d.key === 'gdpr.reply').map((d) => d.state)).toEqual(['met', 'met']);
    expect(after.timeline.map((t) => t.text)).toContain('Reply sent (notice NTC-2026-0001, email)');
    const audit = await tv.ok('audit.list', { limit: 5 });
    expect(audit.items[0].action).toBe('inbox.replySent');
  });

  it('a notice of another kind linked to the request changes nothing', async () => {
    tv = await makeTestVault();
    const r = await logged({});
    tv.session.tx(() => inboxNoticeSource.onDispatched!(tv.session, r.id, { noticeId: 'n2', noticeRef: 'NTC-2026-0002', kind: 'policy.change', dispatchedAt: '2026-11-29T02:00:00.000Z', channel: 'email' }));
    expect((await tv.ok('inbox.get', { id: r.id })).replySentAt).toBeNull();
  });
});
