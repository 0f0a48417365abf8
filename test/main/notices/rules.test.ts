import { describe, expect, it } from 'vitest';
import { englishOf } from '../../helpers/problems';
import type { NoticeContent, NoticeKind } from '../../../preload/contract/notices';
import { kindSpecOf, NOTICE_KINDS, type KindSpec } from '../../../main/notices/model';
import { shippedCatalogue } from '../../../main/rules/catalogue';
import { approvalBlockers, checkElements, fillMergeFields, initialConditions, isLateGdprNotice, mergeFieldProblems, weakWaivers } from '../../../main/notices/rules';

const catalogue = shippedCatalogue();
const KINDS = Object.fromEntries(NOTICE_KINDS.map((k) => [k, kindSpecOf(catalogue, k, '2026-12-01')])) as Record<NoticeKind, KindSpec>;

const draft = (kind: NoticeKind, filled: string[], patch: Partial<NoticeContent> = {}): NoticeContent => ({
  languages: ['zh-CN'],
  subject: { 'zh-CN': '主题', en: '' },
  sections: KINDS[kind].elements.map((e) => ({ key: e.key, text: { 'zh-CN': filled.includes(e.key) ? '已填写' : '', en: '' } })),
  waivers: {},
  conditions: {},
  sms: { 'zh-CN': '', en: '' },
  pushTitle: { 'zh-CN': '', en: '' },
  pushBody: { 'zh-CN': '', en: '' },
  ...patch,
});
const all = (kind: NoticeKind) => KINDS[kind].elements.map((e) => e.key);
const missing = (kind: NoticeKind, c: NoticeContent) => checkElements(KINDS[kind], c).filter((e) => e.status === 'missing').map((e) => e.key);

describe('the checklist per kind (RULES.md §3): a missing element is named', () => {
  // [kind, what is left out, conditions, expected missing, why]
  const rows: [NoticeKind, string[], Record<string, boolean>, string[], string][] = [
    ['incident.individuals', [], {}, [], 'PIPL Art. 57 + policy promise: all eight filled'],
    ['incident.individuals', ['cause', 'contact'], {}, ['cause', 'contact'], 'Art. 57(1) cause and (3) contact are required'],
    ['incident.cac', ['ransom'], {}, ['ransom'], 'CAC report lists the ransom demand; "none" must be said or waived'],
    ['incident.cac', ['evidence', 'nextSteps'], {}, ['nextSteps', 'evidence'], 'CAC report contents'],
    ['gdpr.art33', ['delayReasons'], {}, [], 'Art. 33(1) delay reasons only when late'],
    ['gdpr.art33', ['delayReasons'], { lateNotice: true }, ['delayReasons'], 'late notice must give the reasons'],
    ['gdpr.art33', ['dpoContact'], {}, ['dpoContact'], 'Art. 33(3)(b) DPO contact'],
    ['gdpr.art34', ['consequences'], {}, ['consequences'], 'Art. 34(2) likely consequences'],
    ['ca.breach', ['creditAgencies'], {}, [], '§1798.82(d)(2)(G) only when SSN/ID involved'],
    ['ca.breach', ['creditAgencies'], { ssnOrId: true }, ['creditAgencies'], 'SSN involved: agencies required'],
    ['ca.breach', ['whatYouCanDo'], {}, ['whatYouCanDo'], 'statutory heading "What You Can Do"'],
    ['transfer.separateConsent', ['necessity', 'effectOnIndividual'], {}, [], 'Art. 30 items only for sensitive PI'],
    ['transfer.separateConsent', ['necessity', 'effectOnIndividual'], { sensitivePi: true }, ['necessity', 'effectOnIndividual'], 'sensitive PI: necessity and effect'],
    ['transfer.separateConsent', ['consentRequest'], {}, ['consentRequest'], 'Art. 39: the separate consent request itself'],
    ['entrusted.processing', ['supplier'], {}, ['supplier'], 'policy §II: supplier name and contact'],
    ['policy.change', ['effectiveDate'], {}, ['effectiveDate'], 'policy §VII: effective date'],
    ['reply', ['refusalGround', 'refusalReasons', 'rightToComplain'], {}, [], 'a granted request needs only the decision'],
    ['reply', ['refusalReasons', 'rightToComplain'], { refusal: true }, ['refusalReasons', 'rightToComplain'], 'Art. 50: a refusal gives reasons and the right to sue'],
  ];
  it.each(rows)('%s without %j (conditions %j) → missing %j — %s', (kind, leftOut, conditions, expected) => {
    const c = draft(kind, all(kind).filter((k) => !leftOut.includes(k)), { conditions });
    expect(missing(kind, c)).toEqual(expected);
    const blockers = approvalBlockers(checkElements(KINDS[kind], c), []);
    expect(Object.keys(blockers)).toEqual(expected.map((k) => `elements.${k}`));
  });

  it('every element of every kind names its rule and legal basis in both languages', () => {
    for (const kind of Object.keys(KINDS) as NoticeKind[]) {
      for (const e of checkElements(KINDS[kind], draft(kind, []))) {
        expect(e.rule.en && e.rule.zh && e.basis.en && e.basis.zh, `${kind}.${e.key}`).toBeTruthy();
      }
    }
  });

  it.each([
    ['filled in zh-CN only, sent in both', ['zh-CN', 'en'], { 'zh-CN': '有', en: '' }, 'missing', ['en']],
    ['filled in both', ['zh-CN', 'en'], { 'zh-CN': '有', en: 'yes' }, 'covered', []],
    ['whitespace only', ['zh-CN'], { 'zh-CN': '  \n ', en: '' }, 'missing', ['zh-CN']],
  ] as const)('an element %s is %s', (_why, languages, text, status, missingLanguages) => {
    const c = draft('gdpr.art34', all('gdpr.art34'), { languages: [...languages] });
    c.sections[0].text = { ...text };
    expect(checkElements(KINDS['gdpr.art34'], c)[0]).toMatchObject({ status, missingLanguages: [...missingLanguages] });
  });

  it('a waiver with a reason covers the element; a too-short reason does not', () => {
    const c = draft('gdpr.art34', ['nature', 'dpoContact', 'consequences'], { waivers: { measures: '已在另一份通知中说明' } });
    expect(checkElements(KINDS['gdpr.art34'], c)[3]).toMatchObject({ status: 'waived', waiverReason: '已在另一份通知中说明' });
    c.waivers.measures = 'no';
    expect(checkElements(KINDS['gdpr.art34'], c)[3].status).toBe('missing');
    expect(englishOf(weakWaivers({ measures: 'no', nature: null, cause: 'because the board decided' }))).toEqual({ 'waivers.measures': expect.stringContaining('reason') });
  });
});

describe('merge fields', () => {
  const values = { 'org.legalName': '北京智言科技有限公司', 'incident.piCategories': '姓名、手机号' };
  it.each([
    ['{{org.legalName}}通知', '北京智言科技有限公司通知', [], 'known org field'],
    ['涉及：{{ incident.piCategories }}', '涉及：姓名、手机号', [], 'spaces inside braces are allowed'],
    ['原因：{{incident.cause}}', '原因：{{incident.cause}}', ['incident.cause'], 'unknown field is reported, not blanked'],
    ['{{constructor}}', '{{constructor}}', ['constructor'], 'names outside the namespaces are unknown (no prototype leaks)'],
    ['{{org.legalName.x}}', '{{org.legalName.x}}', ['org.legalName.x'], 'nested names are not fields'],
  ])('%s → %s', (text, out, unknown) => {
    expect(fillMergeFields(text, values)).toEqual({ text: out, unknown });
  });

  it('recipient fields wait for the merge; other unknown fields are problems naming where they are', () => {
    const c = draft('reply', ['decision']);
    c.sections[0].text['zh-CN'] = '尊敬的{{recipient.name}}，{{request.outcome}}';
    expect(mergeFieldProblems(c, {}).map((p) => [p.name, p.where])).toEqual([['request.outcome', 'sections.decision.zh-CN']]);
  });
});

describe('GDPR Art. 33(1) lateness', () => {
  const now = new Date('2026-11-30T08:00:00Z');
  it.each([
    ['2026-11-27T08:00:00Z', false, 'exactly 72 h: still in time'],
    ['2026-11-27T07:59:59Z', true, 'one second past 72 h'],
    [undefined, null, 'awareness unknown: the DPO decides'],
    ['yesterday', null, 'not a date'],
  ] as [string | undefined, boolean | null, string][])('aware at %s → late %s (%s)', (awareAt, expected) => {
    expect(isLateGdprNotice(awareAt, now, 72)).toBe(expected);
  });

  it('a new Art. 33 draft starts with the condition computed from the incident', () => {
    expect(initialConditions('gdpr.art33', { 'incident.awareAt': '2026-11-20T00:00:00Z' }, now, 72)).toEqual({ lateNotice: true });
    expect(initialConditions('transfer.separateConsent', { 'transfer.sensitivePiCategories': '生物识别信息' }, now, 72)).toEqual({ sensitivePi: true });
    expect(initialConditions('reply', {}, now, 72)).toEqual({});
  });
});
