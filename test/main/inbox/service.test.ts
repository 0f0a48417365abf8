import { afterEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../preload/contract';
import { makeTestVault, type TestVault } from '../../helpers/vault';

let tv: TestVault;
afterEach(() => tv?.cleanup());

const request = (over: Partial<Input<'inbox.create'>> = {}): Input<'inbox.create'> => ({
  channel: 'email',
  requester: { name: '张伟', contact: 'zhang.wei@example.cn' },
  jurisdiction: 'CN',
  type: 'deletion',
  subject: '请删除我的个人信息',
  body: '我要求删除我的账户中的全部个人信息。',
  ...over,
});

const rows = (table: string) => (tv.session.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const auditCount = () => rows('audit_log');
const due = (r: { deadlines: { key: string; dueAt: string }[] }, key: string) => r.deadlines.find((d) => d.key === key)?.dueAt;

describe('deadlines through the engine, across the 2026 holidays', () => {
  it.each([
    {
      why: 'rights request received Mon 28 Sep: Oct 1–7 off, Sat Oct 10 worked → 15 working days end Fri Oct 23',
      now: '2026-09-28T02:00:00.000Z',
      input: request(),
      key: 'reply',
      expected: '2026-10-23T15:59:59.999Z',
    },
    {
      why: 'rights request received Fri 13 Feb: Sat Feb 14 and Sat Feb 28 worked, Feb 15–23 off → Thu Mar 12',
      now: '2026-02-13T02:00:00.000Z',
      input: request({ type: 'access' }),
      key: 'reply',
      expected: '2026-03-12T15:59:59.999Z',
    },
    {
      why: 'complaint received 16 Sep: 15 days end on Oct 1, a holiday → rolls to Thu Oct 8',
      now: '2026-09-16T02:00:00.000Z',
      input: request({ type: 'complaint' }),
      key: 'reply',
      expected: '2026-10-08T15:59:59.999Z',
    },
    {
      why: 'EU request received 31 Jan: one month ends on the last day of February (Brussels)',
      now: '2026-01-31T10:00:00.000Z',
      input: request({ jurisdiction: 'EU', type: 'access' }),
      key: 'gdpr.reply',
      expected: '2026-02-28T22:59:59.999Z',
    },
  ])('$why', async ({ now, input, key, expected }) => {
    tv = await makeTestVault({ now });
    const r = await tv.ok('inbox.create', input);
    expect(due(r, key)).toBe(expected);
    const d = r.deadlines.find((x) => x.key === key)!;
    expect(d.basis.en).not.toBe('');
    expect(d.explanation.en).not.toBe('');
  });

  it('reclassifying an imported complaint as a rights request switches the clock to working days', async () => {
    tv = await makeTestVault({ now: '2026-09-16T02:00:00.000Z' });
    const r = await tv.ok('inbox.create', request({ type: 'complaint' }));
    expect(r.deadlines.find((d) => d.key === 'reply')!.ruleKey).toBe('request.complaint.15d');
    const after = await tv.ok('inbox.update', { id: r.id, type: 'deletion' });
    // Sep 17–18, 21–25, 28–30 = 10; Oct 1–7 off; Oct 8, 9, Sat 10, 12, 13 = 15.
    expect(after.deadlines.find((d) => d.key === 'reply')).toMatchObject({ ruleKey: 'request.rights.15wd', dueAt: '2026-10-13T15:59:59.999Z' });
    expect(after.dueAt).toBe('2026-10-13T15:59:59.999Z');
    expect(after.timeline.at(-1)?.text).toContain('Classified as deletion');
  });

  it('an internal target is shown beside the legal deadline', async () => {
    tv = await makeTestVault({ now: '2026-09-28T02:00:00.000Z' });
    const r = await tv.ok('inbox.create', request({ internalTarget: '2026-10-16' }));
    expect(due(r, 'target')).toBe('2026-10-16T15:59:59.999Z');
    expect(r.dueAt).toBe('2026-10-23T15:59:59.999Z');
  });
});

describe('intake validation writes nothing', () => {
  it.each([
    { why: 'a minor without a guardian', input: request({ isMinor: true }), fields: ['guardian.contact', 'guardian.name'] },
    { why: 'a minor with a guardian name only', input: request({ isMinor: true, guardian: { name: '张母', contact: '' } }), fields: ['guardian.contact'] },
    { why: 'a deceased person’s data asked by an agent', input: request({ type: 'deceasedPersonData', representative: { kind: 'agent', name: 'Law firm', contact: 'a@b.cn' } }), fields: ['representative.kind'] },
    { why: 'an earlier receipt time without a reason', input: request({ receivedAt: '2026-11-20T02:00:00.000Z' }), fields: ['receivedAtReason'] },
    { why: 'a missing requester name (schema)', input: request({ requester: { name: ' ', contact: 'x@y.cn' } }), fields: ['requester.name'] },
    { why: 'an unknown jurisdiction (schema)', input: { ...request(), jurisdiction: 'MARS' } as unknown as Input<'inbox.create'>, fields: ['jurisdiction'] },
  ])('$why → VALIDATION naming the field', async ({ input, fields }) => {
    tv = await makeTestVault();
    const before = auditCount();
    const r = await tv.call('inbox.create', input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(Object.keys(r.error.fields ?? {}).sort()).toEqual(fields);
    expect(rows('inbox_requests')).toBe(0);
    expect(rows('deadlines')).toBe(0);
    expect(auditCount()).toBe(before);
  });

  it('a minor with the guardian named is accepted and the guardian is kept', async () => {
    tv = await makeTestVault();
    const r = await tv.ok('inbox.create', request({ isMinor: true, guardian: { name: '张母', contact: '138 0000 0000' } }));
    expect(r.guardian).toEqual({ name: '张母', contact: '138 0000 0000' });
    expect(r.ref).toBe('REQ-2026-0001');
  });
});

describe('identity, decision and reply', () => {
  it('a refusal without a ground is refused naming the field, and nothing changes', async () => {
    tv = await makeTestVault();
    const r = await tv.ok('inbox.create', request());
    const before = auditCount();
    const res = await tv.call('inbox.decide', { id: r.id, outcome: 'refused', refusalReasons: 'We must keep it' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { refusalGround: expect.stringContaining('nine grounds') } } });
    expect((await tv.ok('inbox.get', { id: r.id })).decision).toBeNull();
    expect(auditCount()).toBe(before);
  });

  it('acting before identity is verified is refused; after verification the decision and reply close the loop', async () => {
    tv = await makeTestVault({ now: '2026-11-23T01:00:00.000Z' });
    const r = await tv.ok('inbox.create', request());
    const early = await tv.call('inbox.decide', { id: r.id, outcome: 'fulfilled', actionsTaken: 'Deleted' });
    expect(early).toMatchObject({ ok: false, error: { fields: { identity: expect.any(String) } } });

    tv.setNow('2026-11-24T03:00:00.000Z');
    const verified = await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'accountLogin', outcome: 'verified' });
    expect(verified.state).toBe('inProgress');
    expect(verified.identityChecks[0]).toMatchObject({ method: 'accountLogin', verifiedBy: 'Li Wei', outcome: 'verified' });

    const decided = await tv.ok('inbox.decide', { id: r.id, outcome: 'refused', refusalGround: 'legalObligation', refusalReasons: '交易记录须依法保存三年' });
    expect(decided.decision).toMatchObject({ outcome: 'refused', refusalGround: 'legalObligation', refusalGroundText: { zh: '与我们履行法律法规规定的义务相关的' } });

    tv.setNow('2026-11-25T03:00:00.000Z');
    const refused = await tv.ok('inbox.transition', { id: r.id, to: 'refused' });
    expect(refused.state).toBe('refused');
    expect(refused.dueState).toBe('met');
    expect(refused.deadlines.find((d) => d.key === 'reply')).toMatchObject({ state: 'met', metAt: '2026-11-25T03:00:00.000Z' });
    const closed = await tv.ok('inbox.transition', { id: r.id, to: 'closed' });
    expect(closed.nextStates).toEqual(['inProgress']);
    const reopen = await tv.call('inbox.transition', { id: r.id, to: 'inProgress' });
    expect(reopen).toMatchObject({ ok: false, error: { fields: { reason: expect.any(String) } } });
    const reopened = await tv.ok('inbox.transition', { id: r.id, to: 'inProgress', reason: 'Requester disputes the ground' });
    expect(reopened.timeline.at(-1)?.text).toBe('closed → inProgress: Requester disputes the ground');
  });

  it('account closure needs the account checked, not only the person', async () => {
    tv = await makeTestVault();
    const r = await tv.ok('inbox.create', request({ type: 'accountClosure' }));
    await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'idDocument', outcome: 'verified' });
    const res = await tv.call('inbox.decide', { id: r.id, outcome: 'fulfilled', actionsTaken: 'Closed' });
    expect(res).toMatchObject({ ok: false, error: { fields: { identity: expect.stringContaining('account') } } });
    await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'smsCode', outcome: 'verified', accountChecked: true });
    expect((await tv.ok('inbox.decide', { id: r.id, outcome: 'fulfilled', actionsTaken: 'Closed' })).decision?.outcome).toBe('fulfilled');
  });

  it('with the pause setting on, waiting for proof pauses the clock and moves the due date by the paused time', async () => {
    tv = await makeTestVault({ now: '2026-11-02T02:00:00.000Z' });
    await tv.ok('settings.update', { pauseClockForIdentity: true });
    const r = await tv.ok('inbox.create', request());
    expect(r.dueAt).toBe('2026-11-23T15:59:59.999Z');
    tv.setNow('2026-11-03T02:00:00.000Z');
    const waiting = await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'idDocument', outcome: 'moreInfoNeeded', note: 'Asked for ID card' });
    expect(waiting.state).toBe('verifying');
    expect(waiting.pauses).toEqual([{ startedAt: '2026-11-03T02:00:00.000Z', endedAt: null, reason: 'Waiting for proof of identity', kind: 'identity' }]);
    tv.setNow('2026-11-06T02:00:00.000Z');
    const done = await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'idDocument', outcome: 'verified' });
    expect(done.pauses[0].endedAt).toBe('2026-11-06T02:00:00.000Z');
    // Three days paused: the clock starts Thu Nov 5 instead of Mon Nov 2 → 15 working days end Thu Nov 26.
    expect(done.dueAt).toBe('2026-11-26T15:59:59.999Z');
    expect(done.timeline.map((t) => t.text)).toContain('Reply clock resumed');
  });

  it('with the pause setting off (the default), verifying does not move the due date', async () => {
    tv = await makeTestVault({ now: '2026-11-02T02:00:00.000Z' });
    const r = await tv.ok('inbox.create', request());
    tv.setNow('2026-11-03T02:00:00.000Z');
    await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'idDocument', outcome: 'moreInfoNeeded' });
    tv.setNow('2026-11-06T02:00:00.000Z');
    const done = await tv.ok('inbox.verifyIdentity', { id: r.id, method: 'idDocument', outcome: 'verified' });
    expect(done.pauses).toEqual([]);
    expect(done.dueAt).toBe('2026-11-23T15:59:59.999Z');
  });

  it('GDPR extension only with the notice sent within the first month', async () => {
    tv = await makeTestVault({ now: '2026-01-31T10:00:00.000Z' });
    const r = await tv.ok('inbox.create', request({ jurisdiction: 'EU', type: 'access' }));
    tv.setNow('2026-03-02T10:00:00.000Z');
    const late = await tv.call('inbox.extend', { id: r.id, reasons: 'Data in many systems' });
    expect(late).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { noticeSentAt: expect.stringContaining('first month') } } });
    const ok = await tv.ok('inbox.extend', { id: r.id, noticeSentAt: '2026-02-20T09:00:00.000Z', reasons: 'Data in many systems' });
    expect(due(ok, 'gdpr.extended')).toBe('2026-04-30T21:59:59.999Z');
    expect(ok.deadlines.find((d) => d.key === 'gdpr.reply')?.state).toBe('waived');
    expect(ok.messages.at(-1)).toMatchObject({ direction: 'out', body: 'Data in many systems' });
    const cn = await tv.ok('inbox.create', request());
    expect(await tv.call('inbox.extend', { id: cn.id, reasons: 'x' })).toMatchObject({ ok: false, error: { fields: { id: expect.any(String) } } });
  });
});

describe('retention holds', () => {
  it('each hold’s end is a final-deletion deadline with its basis', async () => {
    tv = await makeTestVault();
    const r = await tv.ok('inbox.create', request({ type: 'accountClosure' }));
    await tv.ok('inbox.recordHold', { id: r.id, kind: 'networkLogs', description: '登录日志', from: '2026-11-20' });
    await tv.ok('inbox.recordHold', { id: r.id, kind: 'transactions', description: '订单记录', from: '2026-11-20' });
    const after = await tv.ok('inbox.recordHold', { id: r.id, kind: 'backup', description: 'Nightly backup', until: '2026-12-31' });
    expect(after.holds.map((h) => [h.kind, h.deadline?.dueAt, h.deadline?.basis.en])).toEqual([
      ['networkLogs', '2027-05-20T15:59:59.999Z', 'Cybersecurity Law (amended 2025) Art. 23(3): network logs kept at least 6 months'],
      ['transactions', '2029-11-20T15:59:59.999Z', 'E-Commerce Law Art. 31: transaction records kept ≥ 3 years from completion'],
      ['backup', '2026-12-31T15:59:59.999Z', expect.stringContaining('PIPL Art. 47')],
    ]);
    expect(after.holds[1].deadline?.rule.zh).toBe('交易记录最终删除：订单记录');
    const cleared = await tv.ok('inbox.clearHold', { id: r.id, holdId: after.holds[2].id });
    expect(cleared.holds[2].deadline?.state).toBe('met');
  });

  it('a statutory hold without its start date is refused naming the field', async () => {
    tv = await makeTestVault();
    const r = await tv.ok('inbox.create', request());
    const res = await tv.call('inbox.recordHold', { id: r.id, kind: 'transactions', description: 'Orders' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { from: expect.any(String) } } });
    expect(rows('inbox_holds')).toBe(0);
  });
});

describe('thread, edits and missing records', () => {
  it('adds messages in and out to the thread, findable by search', async () => {
    tv = await makeTestVault();
    const r = await tv.ok('inbox.create', request());
    await tv.ok('inbox.addMessage', { id: r.id, direction: 'out', body: '请提供身份证明以便核实。' });
    const after = await tv.ok('inbox.addMessage', { id: r.id, direction: 'in', body: '已附上身份证扫描件。' });
    expect(after.messages.map((m) => [m.direction, m.body])).toEqual([
      ['in', '我要求删除我的账户中的全部个人信息。'],
      ['out', '请提供身份证明以便核实。'],
      ['in', '已附上身份证扫描件。'],
    ]);
    expect(after.messages[1]).toMatchObject({ to: 'zhang.wei@example.cn', subject: 'Re: 请删除我的个人信息' });
    expect((await tv.ok('search.query', { text: '身份证扫描件' })).hits.map((h) => h.ref)).toEqual([r.ref]);
    const empty = await tv.call('inbox.addMessage', { id: r.id, direction: 'in', body: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { body: expect.any(String) } } });
  });

  it('moving the receipt time needs a reason and moves the clock', async () => {
    tv = await makeTestVault({ now: '2026-09-29T02:00:00.000Z' });
    const r = await tv.ok('inbox.create', request());
    const noReason = await tv.call('inbox.update', { id: r.id, receivedAt: '2026-09-28T02:00:00.000Z' });
    expect(noReason).toMatchObject({ ok: false, error: { fields: { receivedAtReason: expect.any(String) } } });
    const moved = await tv.ok('inbox.update', { id: r.id, receivedAt: '2026-09-28T02:00:00.000Z', receivedAtReason: 'Letter stamped on Monday' });
    expect(moved).toMatchObject({ receivedAt: '2026-09-28T02:00:00.000Z', receivedAtReason: 'Letter stamped on Monday', dueAt: '2026-10-23T15:59:59.999Z' });
    const audit = await tv.ok('audit.list', { limit: 1 });
    expect(audit.items[0]).toMatchObject({ action: 'inbox.update', entityId: r.id });
  });

  it('an unknown request is NOT_FOUND; a closed request cannot be decided until reopened', async () => {
    tv = await makeTestVault();
    expect(await tv.call('inbox.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const r = await tv.ok('inbox.create', request({ type: 'complaint' }));
    await tv.ok('inbox.transition', { id: r.id, to: 'withdrawn', reason: 'Phoned to withdraw' });
    const withdrawn = await tv.ok('inbox.get', { id: r.id });
    expect(withdrawn.deadlines.find((d) => d.key === 'reply')).toMatchObject({ state: 'waived', waivedReason: 'Request withdrawn: Phoned to withdraw' });
    const res = await tv.call('inbox.decide', { id: r.id, outcome: 'fulfilled', actionsTaken: 'x' });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { id: expect.stringContaining('Reopen') } } });
  });
});

describe('other bad inputs write nothing', () => {
  it.each([
    { why: 'identity checked before the request arrived', channel: 'inbox.verifyIdentity', input: { method: 'idDocument', outcome: 'verified', verifiedAt: '2026-11-01T00:00:00.000Z' }, field: 'verifiedAt' },
    { why: 'identity checked in the future', channel: 'inbox.verifyIdentity', input: { method: 'idDocument', outcome: 'verified', verifiedAt: '2026-12-01T00:00:00.000Z' }, field: 'verifiedAt' },
    { why: 'an unknown identity method (schema)', channel: 'inbox.verifyIdentity', input: { method: 'palmReading', outcome: 'verified' }, field: 'method' },
    { why: 'a message dated in the future', channel: 'inbox.addMessage', input: { direction: 'in', body: 'hi', at: '2026-12-01T00:00:00.000Z' }, field: 'at' },
    { why: 'a backup hold without its clearing date', channel: 'inbox.recordHold', input: { kind: 'backup', description: 'Nightly backup' }, field: 'until' },
    { why: 'a hold that ends before it starts', channel: 'inbox.recordHold', input: { kind: 'other', description: 'Tax file', from: '2026-12-01', until: '2026-11-01' }, field: 'until' },
    { why: 'a state the workflow does not allow', channel: 'inbox.transition', input: { to: 'closed' }, field: 'to' },
    { why: 'control: a valid move (new → verifying) is accepted', channel: 'inbox.transition', input: { to: 'verifying' }, field: null },
    { why: 'a withdrawal without how', channel: 'inbox.transition', input: { to: 'withdrawn' }, field: 'reason' },
    { why: 'fulfilled without what was done', channel: 'inbox.decide', input: { outcome: 'fulfilled' }, field: 'actionsTaken' },
  ] as const)('$why', async ({ channel, input, field }) => {
    tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
    const r = await tv.ok('inbox.create', request({ receivedAt: '2026-11-28T02:00:00.000Z', receivedAtReason: 'Letter opened today' }));
    if (field === null) {
      // Control row: a valid move is accepted, so the refusals above are about their field.
      expect((await tv.call(channel, { id: r.id, ...input } as never)).ok).toBe(true);
      return;
    }
    const before = { audit: rows('audit_log'), messages: rows('inbox_messages'), holds: rows('inbox_holds'), checks: rows('inbox_identity_checks') };
    const res = await tv.call(channel, { id: r.id, ...input } as never);
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [field]: expect.any(String) } } });
    expect({ audit: rows('audit_log'), messages: rows('inbox_messages'), holds: rows('inbox_holds'), checks: rows('inbox_identity_checks') }).toEqual(before);
    expect((await tv.ok('inbox.get', { id: r.id })).state).toBe('new');
  });
});
