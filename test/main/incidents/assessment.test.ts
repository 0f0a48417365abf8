import { afterEach, describe, expect, it } from 'vitest';
import type { AssessmentAnswers } from '../../../preload/contract/assessment';
import { makeTestVault, writeCounts, type TestVault } from '../../helpers/vault';

// Issue 17: the guided breach assessment. The preview is the incident rules run on the answers
// (nothing written); drafts are saved and audited; "Log the incident" creates the incident with
// every fact and its clocks started at the discovery time, the same clocks as incidents.create.

let tv: TestVault;
afterEach(() => tv?.cleanup());

const DISCOVERED = '2026-11-29T02:00:00.000Z';
const LEAK: AssessmentAnswers = {
  title: 'Customer database leak',
  description: 'A backup bucket was public',
  discoveredAt: DISCOVERED,
  categories: ['name', 'phone number'],
  people: { CN: 1_000_000, EU: 200_000 },
  minors: 0,
  unintelligible: 'no',
  contained: false,
  harmAvoided: false,
  ciiOperator: 'no',
};

const clocks = (obligations: { key: string; deadline?: { dueAt: string } | null }[]) =>
  obligations.filter((o) => o.deadline).map((o) => [o.key, o.deadline!.dueAt]).sort();

describe('the guided breach assessment', () => {
  it('the preview grades the answers and starts each clock at the discovery, and writes nothing', async () => {
    tv = await makeTestVault({ now: '2026-11-29T05:00:00.000Z' });
    const before = writeCounts(tv);
    const p = await tv.ok('assessment.preview', { answers: LEAK });
    expect(p.grade.value).toBe('relativelyMajor');
    expect(p.clocksStarted).toBe(true);
    expect(p.facts).toMatchObject({ individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'] });
    expect(p.missing).toEqual({});
    expect(p.obligations.find((o) => o.key === 'cac.report')?.deadline?.dueAt).toBe('2026-11-29T06:00:00.000Z');
    expect(p.obligations.find((o) => o.key === 'gdpr33.authority')?.deadline?.dueAt).toBe('2026-12-02T02:00:00.000Z');
    expect(writeCounts(tv)).toEqual(before);
  });

  it('before the discovery time no clock starts, and what is missing is named by answer', async () => {
    tv = await makeTestVault({ now: '2026-11-29T05:00:00.000Z' });
    const p = await tv.ok('assessment.preview', { answers: { categories: ['name'] } });
    expect(p.clocksStarted).toBe(false);
    expect(p.obligations.every((o) => !o.deadline)).toBe(true);
    expect(p.missing).toMatchObject({ title: { code: 'assessmentTitle' }, discoveredAt: { code: 'assessmentDiscovered' }, people: { code: 'assessmentPeople' } });
    const bad = await tv.call('assessment.preview', { answers: { people: { CN: -1 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('a sensitive category from the vocabulary, or one flagged by the DPO, counts as sensitive PI', async () => {
    tv = await makeTestVault({ now: '2026-11-29T05:00:00.000Z' });
    const guide = await tv.ok('assessment.guide', {});
    const sensitive = guide.vocabulary.find((v) => v.sensitive)!;
    const p = await tv.ok('assessment.preview', { answers: { ...LEAK, categories: ['name', sensitive.zh], otherCategories: [{ term: 'voiceprint samples', sensitive: true }] } });
    expect(p.facts.sensitivePiCategories).toEqual([sensitive.zh, 'voiceprint samples']);
    expect(p.facts.piCategories).toEqual(['name']);
    expect(guide.jurisdictions.map((j) => j.code)).toEqual(expect.arrayContaining(['CN', 'EU', 'UK', 'US-CA']));
    expect(guide.steps.find((s) => s.step === 'what')!.basis.length).toBeGreaterThan(0);
  });

  it('a draft is saved as it goes, resumed, and logged as the incident with the same clocks as logging it directly', async () => {
    tv = await makeTestVault({ now: '2026-11-29T05:00:00.000Z' });
    const d = await tv.ok('assessment.saveDraft', { step: 'what', answers: { title: LEAK.title, discoveredAt: DISCOVERED } });
    expect((await tv.ok('assessment.listDrafts', {})).items.map((x) => [x.id, x.step])).toEqual([[d.id, 'what']]);
    const early = await tv.call('assessment.log', { id: d.id });
    expect(early).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { people: expect.any(String) } } });
    await tv.ok('assessment.saveDraft', { id: d.id, step: 'review', answers: LEAK });
    expect((await tv.ok('assessment.getDraft', { id: d.id })).answers).toEqual(LEAK);
    tv.setNow('2026-11-29T07:00:00.000Z'); // logged two hours later: the clocks still start at the discovery
    const inc = await tv.ok('assessment.log', { id: d.id });
    expect(inc.facts).toMatchObject({ title: LEAK.title, discoveredAt: DISCOVERED, jurisdictions: ['CN', 'EU'], individualsAffected: 1_200_000, piCategories: ['name', 'phone number'] });
    expect(inc.grade.value).toBe('relativelyMajor');
    const direct = await tv.ok('incidents.create', { title: 'Direct', discoveredAt: DISCOVERED, individualsAffected: 1_200_000, jurisdictions: ['CN', 'EU'], piCategories: ['name', 'phone number'], ciiOperator: false });
    expect(clocks(inc.obligations)).toEqual(clocks(direct.obligations));
    expect((await tv.ok('assessment.listDrafts', {})).items).toEqual([]);
    expect((await tv.ok('assessment.getDraft', { id: d.id })).incident).toMatchObject({ id: inc.id, ref: inc.ref });
    expect(await tv.call('assessment.log', { id: d.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const actions = tv.session.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'assessment.%' ORDER BY seq").pluck().all();
    expect(actions).toEqual(['assessment.saveDraft', 'assessment.saveDraft', 'assessment.log']);
  });

  it('a draft can be discarded; an unknown one is NOT_FOUND', async () => {
    tv = await makeTestVault({ now: '2026-11-29T05:00:00.000Z' });
    const d = await tv.ok('assessment.saveDraft', { step: 'what', answers: { title: 'Mistake' } });
    await tv.ok('assessment.discardDraft', { id: d.id });
    expect((await tv.ok('assessment.listDrafts', {})).items).toEqual([]);
    expect(await tv.call('assessment.getDraft', { id: d.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
