import { afterEach, describe, expect, it } from 'vitest';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 13, links between records: shown on both sides with the other's state and next due,
// audited, offered when a request cites an incident, and an incident at an overseas recipient
// flags its transfer with a re-assess deadline until the outcome is recorded.

let tv: TestVault;
afterEach(() => tv?.cleanup());

async function seed() {
  const incident = await tv.ok('incidents.create', { title: 'Support database leaked at Acme (US)', discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 120_000, jurisdictions: ['CN'] });
  const transfer = await tv.ok('transfers.create', { recipient: { name: 'Acme Support Inc.', country: 'US' }, annex1: { individualsScale: 150_000 }, route: { chosen: 'standardContract' }, contract: { signedDate: '2026-10-01', effectiveDate: '2026-10-01' } });
  const request = await tv.ok('inbox.create', { channel: 'email', requester: { name: '张三', contact: 'zhang@example.cn' }, jurisdiction: 'CN', type: 'deletion', subject: '关于 INC-2026-0001 的删除请求', body: '贵司公告的事件 INC-2026-0001 涉及我的数据，请删除。' });
  return { incident, transfer, request };
}

const audit = async () => (await tv.ok('audit.list', { limit: 20, entity: 'link' })).items;

describe('links between records', () => {
  it('a request citing an incident’s reference offers the link; linking shows on both sides and is audited', async () => {
    tv = await makeTestVault();
    const { incident, request } = await seed();
    const offered = await tv.ok('links.list', { module: 'inbox', recordId: request.id });
    expect(offered.items).toEqual([]);
    expect(offered.suggestions).toEqual([expect.objectContaining({ ref: 'INC-2026-0001', role: 'related', other: expect.objectContaining({ module: 'incidents', recordId: incident.id }) })]);
    const linked = await tv.ok('links.create', { from: { module: 'inbox', recordId: request.id }, to: { ref: 'INC-2026-0001' } });
    expect(linked.suggestions).toEqual([]);
    // The request sees the incident's state and its next due ("immediately", PIPL Art. 57).
    expect(linked.items[0].other).toMatchObject({ ref: 'INC-2026-0001', state: { en: 'Detected', zh: '已发现' }, nextDue: { at: '2026-11-29T01:00:00.000Z', immediate: true } });
    const back = await tv.ok('links.list', { module: 'incidents', recordId: incident.id });
    expect(back.items[0].other).toMatchObject({ ref: 'REQ-2026-0001', state: { en: 'New', zh: '新收到' }, nextDue: { immediate: false, overdue: false } });
    expect((await audit()).map((e) => e.action)).toEqual(['links.create']);
    const again = await tv.call('links.create', { from: { module: 'incidents', recordId: incident.id }, to: { module: 'inbox', recordId: request.id } });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await tv.ok('links.remove', { id: linked.items[0].id, from: { module: 'inbox', recordId: request.id } });
    expect((await tv.ok('links.list', { module: 'incidents', recordId: incident.id })).items).toEqual([]);
    expect((await audit()).map((e) => e.action)).toEqual(['links.remove', 'links.create']);
  });

  it('refuses a link to itself or to a reference that does not exist, writing nothing', async () => {
    tv = await makeTestVault();
    const { incident } = await seed();
    const before = (await tv.ok('audit.list', { limit: 1 })).total;
    expect(await tv.call('links.create', { from: { module: 'incidents', recordId: incident.id }, to: { ref: 'INC-2026-0001' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await tv.call('links.create', { from: { module: 'incidents', recordId: incident.id }, to: { ref: 'XB-2099-0001' } })).toMatchObject({ ok: false, error: { fields: { 'to.ref': 'No record with this reference' } } });
    expect(await tv.call('links.create', { from: { module: 'incidents', recordId: incident.id }, to: { ref: 'REQ-2026-0001' }, role: 'incidentAtRecipient' })).toMatchObject({ ok: false, error: { fields: { role: expect.any(String) } } });
    expect((await tv.ok('audit.list', { limit: 1 })).total).toBe(before);
  });

  it('an incident at the overseas recipient flags its transfer and opens a re-assess deadline until the outcome is recorded', async () => {
    tv = await makeTestVault();
    const { incident, transfer } = await seed();
    await tv.ok('links.create', { from: { module: 'incidents', recordId: incident.id }, to: { module: 'transfers', recordId: transfer.id } });
    const flagged = await tv.ok('transfers.get', { id: transfer.id });
    expect(flagged.reviews).toEqual([expect.objectContaining({ incidentRef: 'INC-2026-0001', outcome: null, openedOn: '2026-11-29' })]);
    expect(flagged.gaps.map((g) => g.key)).toContain('incident.INC-2026-0001');
    const clock = flagged.deadlines.find((d) => d.key.startsWith('incident.reassess.'))!;
    expect(clock).toMatchObject({ state: 'open', rule: { en: 'Re-assess after incident INC-2026-0001: PIPIA review and possible re-filing' } });
    expect(clock.basis.en).toContain('Standard Contract Measures');
    const board = await tv.ok('deadlines.list', { module: 'transfers' });
    expect(board.items.map((d) => d.key)).toContain(clock.key);
    // The incident's side shows the transfer and its state.
    const fromIncident = await tv.ok('links.list', { module: 'incidents', recordId: incident.id });
    expect(fromIncident.items[0]).toMatchObject({ role: 'incidentAtRecipient', other: { ref: 'XB-2026-0001' } });

    const decided = await tv.ok('transfers.recordReview', { id: transfer.id, reviewId: flagged.reviews[0].id, outcome: 'refiling', note: 'Acme moves storage to a new data centre after the breach' });
    expect(decided.reviews[0]).toMatchObject({ outcome: 'refiling', decidedOn: '2026-11-29' });
    expect(decided.deadlines.find((d) => d.key === clock.key)?.state).toBe('met');
    expect(decided.gaps.map((g) => g.key)).not.toContain('incident.INC-2026-0001');
    // Re-filing needed: recorded as a change during the term, which re-opens the filing.
    expect(decided.deadlines.some((d) => d.key.startsWith('scc.refiling.') && d.state !== 'met')).toBe(true);
    expect((await tv.ok('audit.list', { limit: 1 })).items[0].action).toBe('transfers.recordReview');
  });

  it('unlinking before the outcome removes the open re-assessment', async () => {
    tv = await makeTestVault();
    const { incident, transfer } = await seed();
    const l = await tv.ok('links.create', { from: { module: 'transfers', recordId: transfer.id }, to: { module: 'incidents', recordId: incident.id } });
    await tv.ok('links.remove', { id: l.items[0].id, from: { module: 'transfers', recordId: transfer.id } });
    const t = await tv.ok('transfers.get', { id: transfer.id });
    expect(t.reviews).toEqual([]);
    expect(t.deadlines.some((d) => d.key.startsWith('incident.reassess.'))).toBe(false);
  });

  it('a notice drafted from a request shows as a link on both sides', async () => {
    tv = await makeTestVault();
    const { request } = await seed();
    await tv.ok('inbox.decide', { id: request.id, outcome: 'refused', refusalGround: 'legalObligation', refusalReasons: '须保存交易记录三年。' });
    const n = await tv.ok('notices.create', { kind: 'reply', links: [{ module: 'inbox', recordId: request.id }] });
    const fromRequest = await tv.ok('links.list', { module: 'inbox', recordId: request.id });
    expect(fromRequest.items).toEqual([expect.objectContaining({ source: 'notice', other: expect.objectContaining({ ref: n.ref, state: { en: 'Draft', zh: '草稿' } }) })]);
    const fromNotice = await tv.ok('links.list', { module: 'notices', recordId: n.id });
    expect(fromNotice.items[0].other.ref).toBe('REQ-2026-0001');
  });
});
