import type { LocalizedText } from '../../preload/contract/common';

/**
 * Personal-information categories with their Chinese and English names, so a fact typed in one
 * language prints in the other (a Chinese notice never says "name, phone number"). The sensitive
 * categories follow GB/T 45574-2025 (Data security technology — Security requirements for
 * processing sensitive personal information) and PIPL Art. 28; the others are the categories
 * the company's privacy policy names. A term not listed prints as typed.
 */
export const PI_VOCABULARY: readonly (LocalizedText & { sensitive: boolean; also?: string[] })[] = [
  // Sensitive PI (GB/T 45574-2025; PIPL Art. 28)
  { zh: '生物识别信息', en: 'biometric information', sensitive: true, also: ['biometrics', 'biometric data', '人脸信息', 'face data'] },
  { zh: '宗教信仰信息', en: 'religious beliefs', sensitive: true, also: ['religion'] },
  { zh: '特定身份信息', en: 'specific identity information', sensitive: true, also: ['specific identity'] },
  { zh: '医疗健康信息', en: 'medical and health information', sensitive: true, also: ['health data', 'medical data', '健康信息'] },
  { zh: '金融账户信息', en: 'financial account information', sensitive: true, also: ['bank account', 'financial accounts', '银行账户'] },
  { zh: '行踪轨迹信息', en: 'whereabouts and location tracks', sensitive: true, also: ['location', 'location data', '位置信息', '行踪轨迹'] },
  { zh: '不满十四周岁未成年人的个人信息', en: 'personal information of minors under 14', sensitive: true, also: ['children’s data', "minors' data", '未成年人信息'] },
  // Other PI the privacy policy names
  { zh: '姓名', en: 'name', sensitive: false, also: ['names', 'full name'] },
  { zh: '手机号码', en: 'mobile phone number', sensitive: false, also: ['phone', 'phone number', 'mobile number', '电话号码', '手机号'] },
  { zh: '电子邮件地址', en: 'e-mail address', sensitive: false, also: ['e-mail', 'email', 'email address', '邮箱', '电子邮箱'] },
  { zh: '身份证件号码', en: 'ID document number', sensitive: true, also: ['id number', 'id card number', '身份证号码', '身份证号'] },
  { zh: '通信地址', en: 'postal address', sensitive: false, also: ['address', '地址'] },
  { zh: '出生日期', en: 'date of birth', sensitive: false, also: ['birthday', 'birth date'] },
  { zh: '账号信息', en: 'account information', sensitive: false, also: ['account', 'account id', 'user id', '账号'] },
  { zh: '设备标识符', en: 'device identifiers', sensitive: false, also: ['device id', 'device identifier'] },
  { zh: 'IP 地址', en: 'IP address', sensitive: false, also: ['ip', 'ip addresses', 'ip地址'] },
  { zh: '交易记录', en: 'transaction records', sensitive: false, also: ['orders', 'order history', '订单信息', '订单记录'] },
  { zh: '客服工单内容', en: 'support ticket text', sensitive: false, also: ['ticket text', 'support tickets', '工单内容'] },
  { zh: '对话内容', en: 'conversation content', sensitive: false, also: ['chat content', 'prompts', '聊天记录'] },
];

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
const INDEX = new Map<string, LocalizedText>();
for (const e of PI_VOCABULARY) for (const term of [e.zh, e.en, ...(e.also ?? [])]) INDEX.set(norm(term), { zh: e.zh, en: e.en });

/** A category in the notice's language: its vocabulary name, or the text as typed. */
export function categoryIn(term: string, language: 'zh-CN' | 'en'): string {
  const hit = INDEX.get(norm(term));
  return hit ? (language === 'zh-CN' ? hit.zh : hit.en) : term;
}

/** A list of categories in the notice's language, joined as that language writes lists. */
export const categoriesIn = (terms: string[], language: 'zh-CN' | 'en'): string =>
  terms.map((t) => categoryIn(t, language)).join(language === 'zh-CN' ? '、' : ', ');

/** Whether a category is sensitive PI by the vocabulary (PIPL Art. 28; GB/T 45574-2025); null for a term it does not list. */
export function isSensitiveCategory(term: string): boolean | null {
  const hit = INDEX.get(norm(term));
  if (!hit) return null;
  return PI_VOCABULARY.find((e) => e.en === hit.en)!.sensitive;
}
