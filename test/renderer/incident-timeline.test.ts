import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { INCIDENT_TIMELINE_ACTIONS, timelineActionCode } from '../../preload/contract/incident-timeline';
import type * as Registry from '../../renderer/components/activity';
import { makeTestVault, type TestVault } from '../helpers/vault';

// Issue 13: the incident timeline renders through the one activity registry, in the UI language,
// from the stored action and parameters: no stored sentence, no raw code on screen.

let tv: TestVault | undefined;
afterAll(() => tv?.cleanup());

let renderActivity: typeof Registry.renderActivity;
beforeAll(async () => {
  vi.stubGlobal('window', { location: { hash: '' }, history: { pushState() {} }, addEventListener() {} });
  vi.stubGlobal('localStorage', { getItem: () => null, setItem() {} });
  vi.stubGlobal('navigator', { languages: ['en'], language: 'en' });
  ({ renderActivity } = await import('../../renderer/components/activity'));
  await import('../../renderer/app/activity');
});

describe('the incident timeline on screen', () => {
  it.each(['zh-CN', 'en'] as const)('every timeline action has words in %s, even from sparse parameters', (lang) => {
    for (const a of INCIDENT_TIMELINE_ACTIONS) {
      const action = timelineActionCode(a);
      const text = renderActivity({ action, ref: null, params: {}, summary: 'STORED LINE' }, lang);
      expect(text, action).not.toBe('STORED LINE');
      expect(text, action).not.toContain('incidentTimeline');
    }
  });

  it('an older entry that could not be read keeps its stored sentence', () => {
    expect(renderActivity({ action: '', ref: null, params: {}, summary: '旧的记录' }, 'zh-CN')).toBe('旧的记录');
  });

  it('renders what a working session wrote to the timeline in Chinese and in English', async () => {
    tv = await makeTestVault();
    const inc = await tv.ok('incidents.create', { title: '客服数据库暴露', discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 1000, jurisdictions: ['CN', 'EU'] });
    await tv.ok('incidents.update', { id: inc.id, facts: { individualsAffected: 1_200_000, minorsInvolved: true } });
    await tv.ok('incidents.markObligation', { id: inc.id, key: 'pipl57.authority', state: 'done', doneAt: '2026-11-29T01:30:00.000Z', reference: 'BJ-CAC-0099', note: '电话通知值班员' });
    await tv.ok('incidents.overrideObligation', { id: inc.id, key: 'gdpr33.authority', required: false, reason: '无欧盟居民' });
    await tv.ok('incidents.overrideGrade', { id: inc.id, grade: 'major', reason: '媒体报道' });
    await tv.ok('incidents.transition', { id: inc.id, to: 'assessing' });
    const got = await tv.ok('incidents.get', { id: inc.id });
    const say = (lang: 'zh-CN' | 'en') =>
      got.timeline.map((e) => renderActivity({ action: e.action ?? '', ref: null, params: e.params ?? {}, summary: 'STORED LINE' }, lang));
    // ordered by when it happened: the authority was told at 09:30 Beijing, before the record was logged
    expect(say('zh-CN')).toEqual([
      '通知个人信息保护职责部门：已完成（BJ-CAC-0099）——电话通知值班员',
      '登记：客服数据库暴露',
      '涉及未成年人个人信息：否 → 是；受影响人数：1,000 → 1,200,000',
      'GDPR 向监管机构通知：DPO 设为无须履行——无欧盟居民',
      'DPO 将定级设为重大（计算结果：较大）——媒体报道',
      '已发现 → 评估中',
    ]);
    expect(say('en')).toEqual([
      'Notify the PI protection authority: done (BJ-CAC-0099) — 电话通知值班员',
      'Logged: 客服数据库暴露',
      'Minors’ PI involved: no → yes; People affected: 1,000 → 1,200,000',
      'GDPR notice to the supervisory authority: set not required by the DPO — 无欧盟居民',
      'Grade set to Major by the DPO (computed: Relatively major) — 媒体报道',
      'Detected → Assessing',
    ]);
  });
});
