import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestVault, type TestVault } from '../../helpers/vault';
import { INCIDENT, installFakeIncidents } from '../../fixtures/notices/fake-sources';

let tv: TestVault;
let fake: ReturnType<typeof installFakeIncidents>;
beforeEach(async () => {
  tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
  fake = installFakeIncidents({ 'inc-1': INCIDENT });
});
afterEach(() => {
  fake.restore();
  tv.cleanup();
});

const auditCount = async () => (await tv.ok('audit.list', { limit: 1 })).total;

const FILL_INDIVIDUALS = [
  { key: 'basicSituation', text: { 'zh-CN': '2026年11月27日，我们发现用户数据库遭到未授权访问。' } },
  { key: 'cause', text: { 'zh-CN': '一个测试环境的访问密钥被误公开。' } },
  { key: 'possibleHarm', text: { 'zh-CN': '您可能收到冒充我们的诈骗短信或邮件。' } },
  { key: 'measuresTaken', text: { 'zh-CN': '我们已吊销该密钥并报告监管部门。' } },
  { key: 'selfProtection', text: { 'zh-CN': '请警惕索要验证码的来电和短信。' } },
  { key: 'remedies', text: { 'zh-CN': '我们为受影响用户提供一年的免费身份保护服务。' } },
];

async function draftFromIncident() {
  return tv.ok('notices.create', { kind: 'incident.individuals', language: 'zh-CN', links: [{ module: 'incidents', recordId: 'inc-1' }] });
}

describe('drafting from a linked incident', () => {
  it('fills merge fields from the incident and the profile, and lists the missing elements', async () => {
    const n = await draftFromIncident();
    expect(n.ref).toBe('NTC-2026-0001');
    expect(n.state).toBe('draft');
    expect(n.links).toEqual([{ module: 'incidents', recordId: 'inc-1', ref: 'INC-2026-0007', title: '用户数据库未授权访问', found: true }]);
    // The template's PI-categories sentence is kept because the incident provides the field.
    expect(n.content.sections.find((s) => s.key === 'piCategories')?.text['zh-CN']).toContain('{{incident.piCategories}}');
    const preview = await tv.ok('notices.preview', { id: n.id, channel: 'email', language: 'zh-CN' });
    expect(preview.text).toContain('本次事件涉及的个人信息种类：姓名、手机号码、电子邮件地址。');
    expect(preview.text).toContain('北京智言科技有限公司');
    expect(preview.text).toContain('dpo@example.cn');
    const missing = n.checklist.elements.filter((e) => e.status === 'missing').map((e) => e.key);
    expect(missing).toEqual(['basicSituation', 'cause', 'possibleHarm', 'measuresTaken', 'selfProtection', 'remedies']);
    expect(n.checklist.elements.find((e) => e.key === 'cause')?.basis.en).toBe('PIPL Art. 57');
    expect(n.mergeFields).toContainEqual({ name: 'incident.awareAt', value: '2026-11-27T08:00:00.000Z' });
  });

  it('a template sentence quoting a field the record lacks starts empty rather than unknown', async () => {
    fake.restore();
    fake = installFakeIncidents({ 'inc-2': { ref: 'INC-2', title: 't', values: {} } });
    const n = await tv.ok('notices.create', { kind: 'incident.individuals', language: 'zh-CN', links: [{ module: 'incidents', recordId: 'inc-2' }] });
    expect(n.content.sections.find((s) => s.key === 'piCategories')?.text['zh-CN']).toBe('');
    expect(n.checklist.mergeFieldProblems).toEqual([]);
  });

  it('refuses a link to a record that does not exist, writing nothing', async () => {
    const before = await auditCount();
    const r = await tv.call('notices.create', { kind: 'incident.individuals', language: 'zh-CN', links: [{ module: 'incidents', recordId: 'nope' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'links.0.recordId': 'No incidents record with this id' } } });
    expect(await auditCount()).toBe(before);
    expect((await tv.ok('notices.list', { limit: 10 })).total).toBe(0);
  });

  it('GDPR Art. 33: a notice drafted more than 72 h after awareness requires the reasons for the delay', async () => {
    // Aware 2026-11-27 08:00 UTC; 42 h later the reasons are not required, 74 h later they are.
    const early = await tv.ok('notices.create', { kind: 'gdpr.art33', language: 'en', links: [{ module: 'incidents', recordId: 'inc-1' }] });
    expect(early.checklist.elements.find((e) => e.key === 'delayReasons')?.status).toBe('notRequired');
    tv.setNow('2026-11-30T10:00:00.000Z');
    const n = await tv.ok('notices.create', { kind: 'gdpr.art33', language: 'en', links: [{ module: 'incidents', recordId: 'inc-1' }] });
    expect(n.content.conditions.lateNotice).toBe(true);
    expect(n.checklist.elements.find((e) => e.key === 'delayReasons')).toMatchObject({ status: 'missing', condition: { key: 'lateNotice', on: true } });
  });
});

describe('approval', () => {
  it('is refused with VALIDATION naming each missing element, and nothing is written', async () => {
    const n = await draftFromIncident();
    await tv.ok('notices.submitForReview', { id: n.id });
    const before = await auditCount();
    const r = await tv.call('notices.approve', { id: n.id });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(Object.keys(r.error.fields ?? {}).sort()).toEqual(
      ['basicSituation', 'cause', 'measuresTaken', 'possibleHarm', 'remedies', 'selfProtection'].map((k) => `elements.${k}`).sort(),
    );
    expect(r.error.fields?.['elements.cause']).toContain('Cause of the incident');
    expect(await auditCount()).toBe(before);
    expect((await tv.ok('notices.get', { id: n.id })).state).toBe('inReview');
  });

  it('a waiver needs a reason; with one the element counts as waived and approval goes through', async () => {
    const n = await draftFromIncident();
    const weak = await tv.call('notices.update', { id: n.id, waivers: { remedies: 'no' } });
    expect(weak).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'waivers.remedies': expect.stringContaining('reason') } } });
    await tv.ok('notices.update', { id: n.id, sections: FILL_INDIVIDUALS.slice(0, 5), waivers: { remedies: '本次事件未造成可补偿的损失，经法务确认' } });
    const reviewed = await tv.ok('notices.submitForReview', { id: n.id });
    expect(reviewed.checklist.elements.find((e) => e.key === 'remedies')).toMatchObject({ status: 'waived', waiverReason: '本次事件未造成可补偿的损失，经法务确认' });
    const approved = await tv.ok('notices.approve', { id: n.id });
    expect(approved.state).toBe('approved');
    expect(approved.approval).toEqual({ by: 'Li Wei', at: '2026-11-29T02:00:00.000Z' });
  });

  it('an unknown merge field is refused on edit, naming it; never rendered as a blank', async () => {
    const n = await draftFromIncident();
    const r = await tv.call('notices.update', { id: n.id, sections: [{ key: 'cause', text: { 'zh-CN': '原因：{{incident.rootCause}}' } }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'sections.cause.zh-CN': 'Unknown merge field {{incident.rootCause}}' } } });
  });

  it('only a notice in review can be approved', async () => {
    const n = await draftFromIncident();
    expect(await tv.call('notices.approve', { id: n.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});

describe('versions and dispatch', () => {
  async function approved() {
    const n = await draftFromIncident();
    await tv.ok('notices.update', { id: n.id, sections: FILL_INDIVIDUALS });
    await tv.ok('notices.submitForReview', { id: n.id });
    return tv.ok('notices.approve', { id: n.id });
  }

  it('editing an approved notice makes version 2; version 1 stays readable, approved, with a diff', async () => {
    const n = await approved();
    const v2 = await tv.ok('notices.update', { id: n.id, sections: [{ key: 'cause', text: { 'zh-CN': '一个生产环境的访问密钥被误公开。' } }] });
    expect(v2).toMatchObject({ version: 2, state: 'draft', approval: null });
    const v1 = await tv.ok('notices.get', { id: n.id, version: 1 });
    expect(v1).toMatchObject({ version: 1, state: 'approved', historical: true, approval: { by: 'Li Wei' } });
    expect(v1.content.sections.find((s) => s.key === 'cause')?.text['zh-CN']).toBe('一个测试环境的访问密钥被误公开。');
    const versions = await tv.ok('notices.versions', { id: n.id });
    expect(versions.map((v) => [v.version, v.state])).toEqual([[2, 'draft'], [1, 'approved']]);
    const diff = await tv.ok('notices.diff', { id: n.id, from: 1, to: 2 });
    const cause = diff.find((d) => d.key === 'cause' && d.language === 'zh-CN')!;
    expect(cause.changed).toBe(true);
    expect(cause.parts).toEqual([
      { op: 'same', text: '一个' },
      { op: 'removed', text: '测试' },
      { op: 'added', text: '生产' },
      { op: 'same', text: '环境的访问密钥被误公开。' },
    ]);
  });

  it('markDispatched records channel, date, recipients and the output hash, and tells the incident in the same transaction', async () => {
    const n = await approved();
    const eml = await tv.ok('notices.exportEml', { id: n.id, language: 'zh-CN' });
    tv.setNow('2026-11-29T03:00:00.000Z');
    const d = await tv.ok('notices.markDispatched', { id: n.id, channel: 'email', dispatchedAt: '2026-11-29T02:30:00+00:00', recipientsCount: 1200, outputId: eml.outputId });
    expect(d.state).toBe('dispatched');
    expect(d.dispatch).toMatchObject({ channel: 'email', dispatchedAt: '2026-11-29T02:30:00.000Z', recipientsCount: 1200, sha256: eml.sha256, fileName: eml.fileName });
    expect(fake.dispatched).toEqual([{ recordId: 'inc-1', noticeId: n.id, noticeRef: n.ref, kind: 'incident.individuals', channel: 'email', dispatchedAt: '2026-11-29T02:30:00.000Z', conditions: {} }]);
    const audit = await tv.ok('audit.list', { limit: 5, entity: 'notice', entityId: n.id });
    expect(audit.items[0].summary).toContain(eml.sha256);
  });

  it('when the linked module refuses the dispatch, nothing of it is written', async () => {
    const n = await approved();
    fake.state.failOnDispatch = true;
    const before = await auditCount();
    const r = await tv.call('notices.markDispatched', { id: n.id, channel: 'letter', dispatchedAt: '2026-11-29T02:00:00Z', recipientsCount: 3 });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await tv.ok('notices.get', { id: n.id })).state).toBe('approved');
    expect(await auditCount()).toBe(before);
  });

  it('a dispatch typed to the minute of the approval is accepted; a minute earlier is refused', async () => {
    // Approved at 02:00:00.000Z; the form's datetime-local has no seconds.
    tv.setNow('2026-11-29T02:00:42.000Z');
    const n = await approved();
    const early = await tv.call('notices.markDispatched', { id: n.id, channel: 'email', dispatchedAt: '2026-11-29T01:59:00Z', recipientsCount: 1 });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { dispatchedAt: 'Cannot be before the approval' } } });
    expect((await tv.ok('notices.markDispatched', { id: n.id, channel: 'email', dispatchedAt: '2026-11-29T02:00:00Z', recipientsCount: 1 })).state).toBe('dispatched');
  });

  it('refuses a dispatch in the future or with an output of another notice', async () => {
    const n = await approved();
    const r = await tv.call('notices.markDispatched', { id: n.id, channel: 'email', dispatchedAt: '2026-12-30T00:00:00Z', recipientsCount: 1, outputId: 'not-an-output' });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { dispatchedAt: 'Cannot be in the future', outputId: 'Not an output of this version of the notice' } } });
  });
});

describe('bad input never writes', () => {
  it.each([
    ['an unknown kind', { kind: 'press.release', language: 'zh-CN' }, 'kind'],
    ['an unknown language', { kind: 'reply', language: 'fr' }, 'language'],
    ['a link to an unknown module', { kind: 'reply', language: 'en', links: [{ module: 'hr', recordId: 'x' }] }, 'links.0.module'],
    ['languages without the notice language', { kind: 'reply', language: 'en', languages: ['zh-CN'] }, 'languages'],
  ])('create with %s', async (_why, input, field) => {
    const before = await auditCount();
    const r = await tv.call('notices.create', input as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.error.fields ?? {})).toContain(field);
    expect(await auditCount()).toBe(before);
  });

  it.each([
    ['a section the kind does not have', { sections: [{ key: 'marketing', text: { en: 'x' } }] }, 'sections.0.key'],
    ['a waiver of a non-element', { waivers: { opening: 'because it is optional' } }, 'waivers.opening'],
    ['a condition of another kind', { conditions: { sensitivePi: true } }, 'conditions.sensitivePi'],
  ])('update with %s', async (_why, patch, field) => {
    const n = await draftFromIncident();
    const before = await auditCount();
    const r = await tv.call('notices.update', { id: n.id, ...patch } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.error.fields ?? {})).toContain(field);
    expect(await auditCount()).toBe(before);
  });

  it('a forged cursor is VALIDATION, not a crash', async () => {
    expect(await tv.call('notices.list', { limit: 5, cursor: 'garbage' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { cursor: expect.any(String) } } });
  });
});

describe('list', () => {
  it('pages newest first with a cursor and filters by linked record, state and kind', async () => {
    for (let i = 0; i < 5; i++) {
      tv.setNow(`2026-11-29T0${i}:00:00.000Z`);
      await tv.ok('notices.create', { kind: i % 2 ? 'reply' : 'policy.change', language: 'en' });
    }
    tv.setNow('2026-11-29T05:00:00.000Z');
    const linked = await draftFromIncident();
    const p1 = await tv.ok('notices.list', { limit: 4 });
    expect(p1.total).toBe(6);
    expect(p1.items.map((i) => i.ref)).toEqual(['NTC-2026-0006', 'NTC-2026-0005', 'NTC-2026-0004', 'NTC-2026-0003']);
    const p2 = await tv.ok('notices.list', { limit: 4, cursor: p1.nextCursor });
    expect(p2.items.map((i) => i.ref)).toEqual(['NTC-2026-0002', 'NTC-2026-0001']);
    expect(p2.nextCursor).toBeNull();
    const byLink = await tv.ok('notices.list', { limit: 10, link: { module: 'incidents', recordId: 'inc-1' } });
    expect(byLink.items.map((i) => i.id)).toEqual([linked.id]);
    expect((await tv.ok('notices.list', { limit: 10, kind: 'reply' })).total).toBe(2);
    expect((await tv.ok('notices.list', { limit: 10, state: 'approved' })).total).toBe(0);
  });

  it('notices are found by free-text search in Chinese', async () => {
    await draftFromIncident();
    const hits = await tv.ok('search.query', { text: '安全事件', limit: 10 });
    expect(hits.hits.map((h) => h.module)).toContain('notices');
  });
});
