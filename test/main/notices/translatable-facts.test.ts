import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestVault, type TestVault } from '../../helpers/vault';

// Issue 13: the free-text facts that flow into notices are typed once, in either language, with
// an optional translation. Each language version prints its own text; where the translation is
// missing it prints the typed text and the checklist says so, naming the field.

let tv: TestVault;
beforeEach(async () => {
  tv = await makeTestVault({ now: '2026-11-29T02:00:00.000Z' });
});
afterEach(() => tv.cleanup());

const newIncident = (facts: Record<string, unknown> = {}) =>
  tv.ok('incidents.create', {
    title: '用户数据库未授权访问',
    discoveredAt: '2026-11-28T20:00:00+08:00',
    individualsAffected: 12000,
    jurisdictions: ['CN'],
    ...facts,
  } as never);

async function bilingualNotice(incidentId: string) {
  const n = await tv.ok('notices.create', { kind: 'incident.individuals', language: 'zh-CN', links: [{ module: 'incidents', recordId: incidentId }] });
  return tv.ok('notices.update', { id: n.id, languages: ['zh-CN', 'en'] });
}

const text = async (id: string, language: 'zh-CN' | 'en') => (await tv.ok('notices.preview', { id, channel: 'email', language })).text;

describe('a free-text fact typed once, with an optional translation', () => {
  it('files a plain string by its script and stores the pair as given', async () => {
    const i = await newIncident({ description: '测试环境密钥被误公开', cause: 'Leaked access key', measuresTaken: { zh: '已轮换密钥', en: 'Keys rotated' } });
    expect(i.facts.description).toEqual({ zh: '测试环境密钥被误公开', en: '' });
    expect(i.facts.cause).toEqual({ zh: '', en: 'Leaked access key' });
    expect(i.facts.measuresTaken).toEqual({ zh: '已轮换密钥', en: 'Keys rotated' });
    expect(i.facts.harmAssessment).toEqual({ zh: '', en: '' });
  });

  it('prints each language its own version; a missing translation prints the typed text with a checklist warning naming the field', async () => {
    const i = await newIncident({ description: '攻击者通过公开的测试密钥读取了用户表。', measuresPlanned: '下季度完成密钥托管改造' });
    const n = await bilingualNotice(i.id);

    expect(await text(n.id, 'zh-CN')).toContain('攻击者通过公开的测试密钥读取了用户表。');
    // Never silent: the English version prints the Chinese text, and the checklist says so.
    expect(await text(n.id, 'en')).toContain('攻击者通过公开的测试密钥读取了用户表。');
    expect(n.checklist.textFallbacks).toEqual([
      {
        language: 'en',
        name: 'incident.description',
        label: { en: 'Description', zh: '描述' },
        message: { en: 'Description: the English version prints it as typed in Chinese — add the English version on the record', zh: '描述：英文版按中文原文打印——请在记录中补充英文版本' },
      },
    ]);
    // measuresPlanned is typed in Chinese only too, but this notice does not use it: no warning.
    expect(n.checklist.textFallbacks.map((f) => f.name)).not.toContain('incident.measuresPlanned');
    // A warning, not a block: approval still turns on the elements.
    expect(n.checklist.canApprove).toBe(n.checklist.elements.every((e) => e.status !== 'missing'));

    await tv.ok('incidents.update', { id: i.id, facts: { description: { zh: '攻击者通过公开的测试密钥读取了用户表。', en: 'An attacker read the user table with a leaked test key.' } } });
    const after = await tv.ok('notices.get', { id: n.id });
    expect(after.checklist.textFallbacks).toEqual([]);
    expect(await text(n.id, 'en')).toContain('An attacker read the user table with a leaked test key.');
    expect(await text(n.id, 'en')).not.toContain('攻击者');
    expect(await text(n.id, 'zh-CN')).toContain('攻击者通过公开的测试密钥读取了用户表。');
    expect(await text(n.id, 'zh-CN')).not.toContain('An attacker');
  });

  it('warns for the Chinese version when the fact was typed in English, and only in the languages sent', async () => {
    const i = await newIncident({ cause: 'A test key was published by mistake' });
    const zhOnly = await tv.ok('notices.create', { kind: 'incident.individuals', language: 'zh-CN', links: [{ module: 'incidents', recordId: i.id }] });
    expect(zhOnly.checklist.textFallbacks.map((f) => [f.language, f.name])).toEqual([['zh-CN', 'incident.cause']]);
    expect(zhOnly.checklist.textFallbacks[0].message.zh).toBe('原因：中文版按英文原文打印——请在记录中补充中文版本');
    expect(await text(zhOnly.id, 'zh-CN')).toContain('事件原因：A test key was published by mistake');
    const enOnly = await tv.ok('notices.update', { id: zhOnly.id, languages: ['en'] });
    expect(enOnly.checklist.textFallbacks).toEqual([]);
  });

  it('refuses a malformed pair with VALIDATION naming the field, and writes nothing', async () => {
    const i = await newIncident({ description: 'Leak' });
    const auditBefore = (await tv.ok('audit.list', {})).total;
    const cases: [unknown, string][] = [
      [{ zh: 1, en: '' }, 'facts.description'],
      [{ zh: 'a' }, 'facts.description'],
      // An unknown version is named under the field, as every unknown key is.
      [{ zh: 'a', en: 'b', fr: 'c' }, 'facts.description.fr'],
      [42, 'facts.description'],
      [{ zh: 'x'.repeat(100_001), en: '' }, 'facts.description'],
      ['y'.repeat(100_001), 'facts.description'],
    ];
    for (const [description, field] of cases) {
      const res = await tv.call('incidents.update', { id: i.id, facts: { description } } as never);
      expect(res.ok).toBe(false);
      if (!res.ok) {
        expect(res.error.code).toBe('VALIDATION');
        expect(Object.keys(res.error.fields ?? {})).toEqual([field]);
      }
    }
    // Required where the law needs the record: both versions empty is no reason (PIPL Art. 57(2)).
    const empty = await tv.call('incidents.update', { id: i.id, facts: { harmAvoided: true, harmAvoidedReason: { zh: '  ', en: '' } } });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(Object.keys(empty.error.fields ?? {})).toEqual(['harmAvoidedReason']);
    const unchanged = await tv.ok('incidents.get', { id: i.id });
    expect(unchanged.version).toBe(i.version);
    expect(unchanged.facts.description).toEqual({ zh: '', en: 'Leak' });
    expect((await tv.ok('audit.list', {})).total).toBe(auditBefore);
  });

  it('finds the incident by either version in search', async () => {
    const i = await newIncident({ description: { zh: '密钥泄露', en: 'Credential exposure' } });
    for (const q of ['密钥泄露', 'Credential exposure']) {
      const hits = await tv.ok('search.query', { text: q });
      expect(JSON.stringify(hits)).toContain(i.id);
    }
  });
});
