import type { Language, LocalizedText } from '../../preload/contract/common';
import type { ChannelCheck, NoticeKind } from '../../preload/contract/notices';
import { isBlank } from './rules';

// Channel limits (pure). Each check carries its rule and basis so the studio can say why.

// 3GPP TS 23.038 §6.2.1: the GSM 7-bit default alphabet and its extension table (2 septets each).
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '^{}\\[~]|€\f';
const basic = new Set(GSM_BASIC);
const extension = new Set(GSM_EXTENSION);

export interface SmsInfo {
  encoding: 'GSM-7' | 'UCS-2';
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  units: number;
  characters: number;
  segments: number;
  perSegment: number;
}

/**
 * 3GPP TS 23.040: one SMS holds 160 GSM-7 septets or 70 UCS-2 units; a concatenated message
 * loses room to the user-data header (153 / 67 per part). One Chinese character forces UCS-2
 * for the whole message.
 */
export function smsInfo(text: string): SmsInfo {
  let septets = 0;
  let gsm = true;
  for (const ch of text) {
    if (basic.has(ch)) septets += 1;
    else if (extension.has(ch)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  const characters = [...text].length;
  if (gsm) {
    const segments = septets === 0 ? 0 : septets <= 160 ? 1 : Math.ceil(septets / 153);
    return { encoding: 'GSM-7', units: septets, characters, segments, perSegment: segments > 1 ? 153 : 160 };
  }
  const units = text.length;
  const segments = units <= 70 ? 1 : Math.ceil(units / 67);
  return { encoding: 'UCS-2', units, characters, segments, perSegment: segments > 1 ? 67 : 70 };
}

/** Most gateways refuse or split concatenations beyond this (verify with the SMS provider). */
export const SMS_MAX_SEGMENTS = 10;
/** What lock screens show before cutting (APNs/FCM display practice; verify with the push provider). */
export const PUSH_TITLE_MAX = 50;
export const PUSH_BODY_MAX = 200;

const SMS_RULE: LocalizedText = { en: 'SMS length and segments', zh: '短信长度与分段' };
const SMS_BASIS: LocalizedText = { en: '3GPP TS 23.038 / 23.040 (GSM-7 160/153, UCS-2 70/67 per part)', zh: '3GPP TS 23.038 / 23.040（GSM-7 160/153，UCS-2 70/67 每段）' };
const PUSH_BASIS: LocalizedText = { en: 'Common push display limits (verify with the push provider)', zh: '常见推送显示长度限制（请向推送服务商核实）' };
const MAIL_BASIS: LocalizedText = { en: 'RFC 5322 §3.6.5; a notice must say what it is about', zh: 'RFC 5322 第3.6.5节；通知须写明主题' };
const CA_TITLE_BASIS: LocalizedText = { en: 'Cal. Civ. Code §1798.82(d)(1): titled "Notice of Data Breach"', zh: '《加州民法典》第1798.82条(d)(1)：标题须为 "Notice of Data Breach"' };
const LETTER_BASIS: LocalizedText = { en: 'Privacy policy: notice by letter carries the handler’s identity and contact', zh: '隐私政策：信函通知须载明处理者身份与联系方式' };

export interface ChannelTexts {
  language: Language;
  subject: string;
  sms: string;
  pushTitle: string;
  pushBody: string;
  orgAddress: string;
}

type Check = Omit<ChannelCheck, 'channel' | 'language'>;
const check = (rule: LocalizedText, basis: LocalizedText, severity: Check['severity'], message: LocalizedText, metrics: Check['metrics'] = {}): Check => ({
  rule,
  basis,
  severity,
  message,
  metrics,
});

export function emailChecks(kind: NoticeKind, t: ChannelTexts): Check[] {
  const out: Check[] = [];
  out.push(
    isBlank(t.subject)
      ? check({ en: 'E-mail subject present', zh: '邮件主题' }, MAIL_BASIS, 'error', { en: 'The e-mail has no subject.', zh: '邮件缺少主题。' })
      : check({ en: 'E-mail subject present', zh: '邮件主题' }, MAIL_BASIS, 'ok', { en: 'Subject present.', zh: '已填写主题。' }),
  );
  if (kind === 'ca.breach' && t.language === 'en') {
    const titled = t.subject.includes('Notice of Data Breach');
    out.push(
      check({ en: 'Title "Notice of Data Breach"', zh: '标题 "Notice of Data Breach"' }, CA_TITLE_BASIS, titled ? 'ok' : 'error', titled
        ? { en: 'Titled as the statute requires.', zh: '标题符合法定要求。' }
        : { en: 'The subject must contain "Notice of Data Breach".', zh: '主题须包含 "Notice of Data Breach"。' }),
    );
  }
  return out;
}

export function smsChecks(t: ChannelTexts): Check[] {
  const info = smsInfo(t.sms);
  const metrics = { encoding: info.encoding, units: info.units, characters: info.characters, segments: info.segments, perSegment: info.perSegment };
  if (isBlank(t.sms)) return [check(SMS_RULE, SMS_BASIS, 'error', { en: 'The SMS text is empty.', zh: '短信内容为空。' }, metrics)];
  if (info.segments > SMS_MAX_SEGMENTS) {
    return [check(SMS_RULE, SMS_BASIS, 'error', { en: `${info.segments} parts: too long for one SMS (limit ${SMS_MAX_SEGMENTS}).`, zh: `共 ${info.segments} 段，超过 ${SMS_MAX_SEGMENTS} 段上限。` }, metrics)];
  }
  if (info.segments > 1) {
    return [check(SMS_RULE, SMS_BASIS, 'warning', { en: `Sent as ${info.segments} parts (${info.encoding}); billed per part.`, zh: `将分 ${info.segments} 段发送（${info.encoding}），按段计费。` }, metrics)];
  }
  return [check(SMS_RULE, SMS_BASIS, 'ok', { en: `One SMS (${info.encoding}, ${info.units}/${info.perSegment}).`, zh: `一条短信（${info.encoding}，${info.units}/${info.perSegment}）。` }, metrics)];
}

export function pushChecks(t: ChannelTexts): Check[] {
  const title = [...t.pushTitle].length;
  const body = [...t.pushBody].length;
  const rule = (part: string, zh: string): LocalizedText => ({ en: `Push ${part} length`, zh: `推送${zh}长度` });
  const one = (part: 'title' | 'body', n: number, max: number): Check => {
    const zh = part === 'title' ? '标题' : '正文';
    if (n === 0) return check(rule(part, zh), PUSH_BASIS, 'error', { en: `The push ${part} is empty.`, zh: `推送${zh}为空。` }, { characters: n, limit: max });
    if (n > max) return check(rule(part, zh), PUSH_BASIS, 'warning', { en: `${n} characters: cut after ${max} on most lock screens.`, zh: `${n} 个字符：多数锁屏在 ${max} 字后截断。` }, { characters: n, limit: max });
    return check(rule(part, zh), PUSH_BASIS, 'ok', { en: `${n}/${max} characters.`, zh: `${n}/${max} 个字符。` }, { characters: n, limit: max });
  };
  return [one('title', title, PUSH_TITLE_MAX), one('body', body, PUSH_BODY_MAX)];
}

export function letterChecks(t: ChannelTexts): Check[] {
  const rule: LocalizedText = { en: 'Letterhead address', zh: '信头地址' };
  return [
    isBlank(t.orgAddress)
      ? check(rule, LETTER_BASIS, 'warning', { en: 'The profile has no address for the letterhead (Settings → profile).', zh: '机构信息中没有地址，信头将不含地址（设置 → 机构信息）。' })
      : check(rule, LETTER_BASIS, 'ok', { en: 'Letterhead complete.', zh: '信头完整。' }),
  ];
}

/** All channel checks for one language. */
export function channelChecks(kind: NoticeKind, t: ChannelTexts): ChannelCheck[] {
  const tag = (channel: ChannelCheck['channel']) => (c: Check): ChannelCheck => ({ ...c, channel, language: t.language });
  return [
    ...emailChecks(kind, t).map(tag('email')),
    ...smsChecks(t).map(tag('sms')),
    ...pushChecks(t).map(tag('push')),
    ...letterChecks(t).map(tag('letter')),
  ];
}
