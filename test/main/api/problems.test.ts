import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_EN, sayProblem, type Problem, type ProblemCode } from '../../../preload/contract/problems';
import type { AppErrorDto, Result } from '../../../preload/contract/result';
import { PROBLEM_ZH } from '../../../renderer/components/problems-zh';
import { makeTestVault, writeCounts, type TestVault } from '../../helpers/vault';

// Issue 13: main's validation and conflict problems are data (a code and its values, per field),
// so the DPO reads them in Chinese or English; the English text stays beside them for logs.

let tv: TestVault;
beforeAll(async () => {
  tv = await makeTestVault();
});
afterAll(() => tv.cleanup());

const HAN = /\p{Script=Han}/u;

function failed(r: Result<unknown>): AppErrorDto {
  expect(r.ok, 'the call is refused').toBe(false);
  return (r as { ok: false; error: AppErrorDto }).error;
}

/** The field's problem: its code, its English (the same text as `fields`) and its Chinese. */
function fieldSaid(error: AppErrorDto, field: string): { code: ProblemCode; en: string; zh: string } {
  const p = error.problems?.[field] as Problem | undefined;
  expect(p, `a problem for ${field}`).toBeDefined();
  const en = sayProblem(p!);
  const zh = sayProblem(p!, PROBLEM_ZH);
  expect(zh, `${field} is said in Chinese`).toMatch(HAN);
  return { code: p!.code, en, zh };
}

function conflictSaid(error: AppErrorDto): { code: ProblemCode; en: string; zh: string } {
  expect(error.code).toBe('CONFLICT');
  expect(error.problem).toBeDefined();
  const zh = sayProblem(error.problem!, PROBLEM_ZH);
  expect(zh).toMatch(HAN);
  expect(sayProblem(error.problem!)).toBe(error.message);
  return { code: error.problem!.code, en: error.message, zh };
}

describe("zod's issue kinds, whatever the channel", () => {
  it('required, bad e-mail, too long, bad enum, bad date and unknown field each have their code', async () => {
    const before = writeCounts(tv);
    const settings = failed(await tv.call('settings.update', { profile: { legalName: '', dpoEmail: 'nope', legalNameEn: 'x'.repeat(201) }, defaultLanguage: 'fr' } as never));
    expect(fieldSaid(settings, 'profile.legalName')).toEqual({ code: 'required', en: 'Required', zh: '必填' });
    expect(settings.fields?.['profile.legalName']).toBe('Required');
    expect(fieldSaid(settings, 'profile.dpoEmail')).toMatchObject({ code: 'notEmail', zh: '请输入电子邮件地址' });
    expect(fieldSaid(settings, 'profile.legalNameEn')).toEqual({ code: 'tooLong', en: 'Up to 200 characters', zh: '最多 200 个字符' });
    expect(fieldSaid(settings, 'defaultLanguage')).toMatchObject({ code: 'notOneOf', zh: '须为以下之一：zh-CN, en' });

    const date = failed(await tv.call('governance.recordReport', { date: '2026-02-30', reference: 'R-1' }));
    expect(fieldSaid(date, 'date')).toEqual({ code: 'notDate', en: 'A date (YYYY-MM-DD)', zh: '请输入日期（年-月-日）' });

    const missing = failed(await tv.call('governance.recordReport', { reference: 'R-1' } as never));
    expect(fieldSaid(missing, 'date').code).toBe('required');

    const unknown = failed(await tv.call('settings.update', { colour: 'blue' } as never));
    expect(fieldSaid(unknown, 'colour')).toEqual({ code: 'unknownField', en: 'Unknown field', zh: '未知字段' });
    expect(writeCounts(tv)).toEqual(before);
  });

  it('the input guard’s refusals are problems too', async () => {
    const broken = failed(await tv.call('settings.update', { profile: { legalName: 'A\ud800' } }));
    expect(fieldSaid(broken, 'profile.legalName').code).toBe('brokenText');
  });
});

describe("each module's own checks", () => {
  it('incidents: a date against the discovery, a conflict on the state', async () => {
    const bad = failed(
      await tv.call('incidents.create', { title: 'Leak', discoveredAt: '2026-11-29T01:00:00.000Z', occurredAt: '2026-11-30T01:00:00.000Z', individualsAffected: 10, jurisdictions: ['CN'] } as never),
    );
    expect(fieldSaid(bad, 'occurredAt')).toEqual({ code: 'afterDiscovery', en: 'Cannot be after the discovery', zh: '不能晚于发现时间' });
    const inc = await tv.ok('incidents.create', { title: 'Leak', discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 10, jurisdictions: ['CN'] });
    const same = failed(await tv.call('incidents.transition', { id: inc.id, to: 'detected' } as never));
    if (same.code === 'CONFLICT') expect(conflictSaid(same).zh).toContain('已发现');
    else expect(fieldSaid(same, Object.keys(same.problems ?? {})[0]).zh).toMatch(HAN);
  });

  it('inbox: a refusal without its ground and reasons', async () => {
    const r = await tv.ok('inbox.create', { channel: 'email', requester: { name: '张三', contact: 'zhang@example.cn' }, jurisdiction: 'CN', type: 'deletion', subject: 's', body: 'b' });
    const before = writeCounts(tv);
    const e = failed(await tv.call('inbox.decide', { id: r.id, outcome: 'refused' }));
    expect(fieldSaid(e, 'refusalGround')).toEqual({
      code: 'refusalGround',
      en: 'Pick one of the nine grounds of the privacy policy §V',
      zh: '请从隐私政策第五部分的九项理由中选择一项',
    });
    expect(fieldSaid(e, 'refusalReasons').zh).toBe('请说明拒绝的理由（《个人信息保护法》第五十条）');
    expect(writeCounts(tv)).toEqual(before);
  });

  it('notices: approving a draft is a conflict naming its state in both languages', async () => {
    const n = await tv.ok('notices.create', { kind: 'policy.change', language: 'en' });
    const said = conflictSaid(failed(await tv.call('notices.approve', { id: n.id })));
    expect(said).toEqual({
      code: 'approveInReview',
      en: `Only a notice in review can be approved; ${n.ref} is draft.`,
      zh: `只有审核中的通知可以批准；${n.ref} 为“草稿”。`,
    });
  });

  it('transfers: a contract that takes effect before it is signed', async () => {
    const e = failed(
      await tv.call('transfers.create', { recipient: { name: 'Acme', country: 'US' }, route: { chosen: 'standardContract' }, contract: { signedDate: '2026-10-02', effectiveDate: '2026-10-01' } }),
    );
    expect(fieldSaid(e, 'contract.effectiveDate')).toEqual({
      code: 'effectiveBeforeSigned',
      en: 'The contract cannot take effect before it is signed',
      zh: '合同生效不能早于签订',
    });
  });

  it('records, governance, settings: their own words', async () => {
    const inc = await tv.ok('incidents.create', { title: 'Self', discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 1, jurisdictions: ['CN'] });
    const self = failed(await tv.call('links.create', { from: { module: 'incidents', recordId: inc.id }, to: { ref: inc.ref } }));
    expect(fieldSaid(self, 'to').zh).toBe('记录不能与自身关联');
    const future = failed(await tv.call('governance.recordReport', { date: '2099-01-01', reference: 'R-1' }));
    expect(fieldSaid(future, 'date')).toEqual({ code: 'future', en: 'Cannot be in the future', zh: '不能晚于当前时间' });
    const zone = failed(await tv.call('settings.update', { displayZone: 'Mars/Olympus' } as never));
    expect(fieldSaid(zone, 'displayZone')).toEqual({ code: 'unknownZone', en: 'Unknown time zone "Mars/Olympus"', zh: '未知时区“Mars/Olympus”' });
  });
});

describe('the registry', () => {
  // Walks every code of the contract's catalogue: each has English and Chinese words, and a
  // wording with blanks fills them (no "undefined", no "{" left over).
  // A blank the English reads as p.x.en is a name in both languages; any other is a value.
  const valueFor = (source: string, name: string): unknown =>
    new RegExp(`p\\.${name}\\.en`).test(source) ? { en: 'x', zh: '甲' } : name === 'forAddress' ? true : '7';

  it.each(Object.keys(PROBLEM_EN) as ProblemCode[])('%s has English and Chinese words', (code) => {
    const en = PROBLEM_EN[code];
    const zh = PROBLEM_ZH[code];
    expect(typeof zh).toBe(typeof en);
    if (typeof en === 'string') {
      expect(en.trim()).not.toBe('');
      expect(zh as string).toMatch(HAN);
      return;
    }
    // The blanks the English uses, found from its source: p.name.
    const names = [...new Set([...en.toString().matchAll(/p\.(\w+)/g)].map((m) => m[1]))];
    const params = Object.fromEntries(names.map((n) => [n, valueFor(en.toString(), n)]));
    const words = [(en as (p: unknown) => string)(params), (zh as (p: unknown) => string)(params)];
    for (const w of words) expect(w).not.toMatch(/undefined|\[object Object\]/);
    expect(words[1]).toMatch(HAN);
  });
});
