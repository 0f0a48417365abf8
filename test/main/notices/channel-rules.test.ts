import { describe, expect, it } from 'vitest';
import { channelChecks, smsInfo } from '../../../main/notices/channel-rules';
import { diffText } from '../../../main/notices/diff';
import { addressKey, isEmail, isPhone, mboxFromLine, rowProblem } from '../../../main/notices/merge-rules';

describe('SMS segments (3GPP TS 23.038 / 23.040)', () => {
  it.each([
    ['a'.repeat(160), 'GSM-7', 160, 1, '160 septets fit one SMS'],
    ['a'.repeat(161), 'GSM-7', 161, 2, 'one more: two parts of 153'],
    ['a'.repeat(306), 'GSM-7', 306, 2, '2 × 153'],
    ['a'.repeat(307), 'GSM-7', 307, 3, 'past 2 × 153'],
    ['€'.repeat(80), 'GSM-7', 160, 1, 'extension-table characters take two septets'],
    ['€'.repeat(81), 'GSM-7', 162, 2, '81 euro signs need two parts'],
    ['您'.repeat(70), 'UCS-2', 70, 1, 'one Chinese character forces UCS-2: 70 per SMS'],
    ['您'.repeat(71), 'UCS-2', 71, 2, 'then parts of 67'],
    ['a'.repeat(100) + '您', 'UCS-2', 101, 2, 'a single Chinese character switches the whole message'],
    ['😀'.repeat(35), 'UCS-2', 70, 1, 'an emoji is two UTF-16 units'],
    ['', 'GSM-7', 0, 0, 'empty'],
  ])('%#: %s… → %s, %i units, %i segment(s) — %s', (text, encoding, units, segments) => {
    expect(smsInfo(text)).toMatchObject({ encoding, units, segments });
  });
});

describe('channel checks', () => {
  const base = { language: 'en' as const, subject: 'Notice of Data Breach', sms: 'Short text', pushTitle: 'Title', pushBody: 'Body', orgAddress: 'Beijing' };
  const find = (checks: ReturnType<typeof channelChecks>, channel: string, rule: string) => checks.find((c) => c.channel === channel && c.rule.en.startsWith(rule));

  it.each([
    ['a subject', 'reply', { subject: 'Reply' }, 'email', 'E-mail subject', 'ok'],
    ['no subject', 'reply', { subject: ' ' }, 'email', 'E-mail subject', 'error'],
    ['CA notice titled per statute', 'ca.breach', {}, 'email', 'Title', 'ok'],
    ['CA notice with another title', 'ca.breach', { subject: 'Security update' }, 'email', 'Title', 'error'],
    ['SMS of 2 parts', 'reply', { sms: 'x'.repeat(200) }, 'sms', 'SMS', 'warning'],
    ['SMS of 11 parts', 'reply', { sms: '您'.repeat(67 * 10 + 1) }, 'sms', 'SMS', 'error'],
    ['empty push title', 'reply', { pushTitle: '' }, 'push', 'Push title', 'error'],
    ['push body over 200 characters', 'reply', { pushBody: '字'.repeat(201) }, 'push', 'Push body', 'warning'],
    ['no letterhead address', 'reply', { orgAddress: '' }, 'letter', 'Letterhead', 'warning'],
  ] as const)('%s → %s', (_why, kind, patch, channel, rule, severity) => {
    const c = find(channelChecks(kind, { ...base, ...patch }), channel, rule);
    expect(c?.severity).toBe(severity);
    expect(c?.basis.en && c?.basis.zh).toBeTruthy();
  });
});

describe('recipients', () => {
  it.each([
    ['zhangsan@example.com', true, 'plain address'],
    ['li.lei+notice@mail.example.cn', true, 'plus and dots'],
    ['user@例子.中国', true, 'internationalised domain (sent as punycode)'],
    ['用户@example.cn', false, 'UTF-8 local part needs SMTPUTF8'],
    ['not-an-email', false, 'no @'],
    ['a@b', false, 'no dotted domain'],
    ['a b@example.com', false, 'space'],
    ['a@example.com\r\nBcc: x@y.z', false, 'header injection'],
  ])('e-mail %j → %s (%s)', (value, ok) => expect(isEmail(value)).toBe(ok));

  it.each([
    ['+86 138 0013 8000', true, 'E.164 with spaces'],
    ['13800138000', true, 'mainland mobile'],
    ['12ab', false, 'letters'],
    ['12345', false, 'too short'],
  ])('phone %j → %s (%s)', (value, ok) => expect(isPhone(value)).toBe(ok));

  it('duplicates ignore e-mail case and the +86 prefix of mainland mobiles', () => {
    expect(addressKey('mbox', 'ZhangSan@Example.com')).toBe(addressKey('mbox', 'zhangsan@example.com'));
    expect(addressKey('smsText', '+86 138-0013-8000')).toBe(addressKey('smsText', '13800138000'));
  });

  it('a row missing a merge column is named by that column', () => {
    expect(rowProblem('mbox', { email: 'a@example.com', name: ' ' }, ['name'])).toEqual({ problem: 'missingColumn', column: 'name', value: '' });
  });

  it('mbox separator uses the asctime date', () => {
    expect(mboxFromLine(new Date('2026-11-09T02:03:04Z'))).toBe('From MAILER-DAEMON Mon Nov  9 02:03:04 2026');
  });
});

describe('version diff', () => {
  it.each([
    ['我们已吊销密钥。', '我们已吊销并轮换密钥。', [['same', '我们已吊销'], ['added', '并轮换'], ['same', '密钥。']], 'Chinese diffs by character'],
    ['We revoked the key.', 'We rotated the key.', [['same', 'We '], ['removed', 'revoked'], ['added', 'rotated'], ['same', ' the key.']], 'English diffs by word'],
    ['', 'New text', [['added', 'New text']], 'a section filled for the first time'],
  ])('%s → %s', (a, b, parts) => {
    expect(diffText(a, b).map((p) => [p.op, p.text])).toEqual(parts);
  });
});
