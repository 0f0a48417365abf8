import type { LocalizedText } from '../../preload/contract/common';
import type { MergeFormat } from '../../preload/contract/notices';

// Mail-merge recipient rules (pure): which columns a format needs, what a good row is.

/** The column that addresses each recipient, per output format. */
export const ADDRESS_COLUMN: Record<MergeFormat, 'email' | 'phone' | 'userId'> = {
  mbox: 'email',
  emlFolder: 'email',
  smsText: 'phone',
  pushText: 'userId',
};

// Deliberately plain: an ASCII local part (a UTF-8 one needs SMTPUTF8, RFC 6531, which many
// gateways refuse), one @, a dotted domain (internationalised domains go out as punycode).
// Stricter RFC 5321 parsing would refuse addresses real mail systems accept.
const EMAIL = /^[!#-'*+\-./0-9=?A-Z^-~]{1,64}@[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]{0,62}[A-Za-z0-9\u00a1-\uffff])?(?:\.[A-Za-z0-9\u00a1-\uffff](?:[A-Za-z0-9\u00a1-\uffff-]{0,62}[A-Za-z0-9\u00a1-\uffff])?)+$/;
/** E.164-style: optional +, 6–15 digits, spaces and dashes allowed between (e.g. +86 138-0013-8000). */
const PHONE = /^\+?[0-9](?:[0-9 \-]{4,18})[0-9]$/;
const USER_ID = /^[^\s\x00-\x1f\x7f]{1,200}$/;

export const isEmail = (s: string): boolean => s.length <= 254 && EMAIL.test(s);
export const isPhone = (s: string): boolean => PHONE.test(s) && s.replace(/[^0-9]/g, '').length >= 6 && s.replace(/[^0-9]/g, '').length <= 15;

/** How duplicates are recognised: case-insensitive e-mail, digits-only phone. */
export function addressKey(format: MergeFormat, value: string): string {
  const column = ADDRESS_COLUMN[format];
  if (column === 'email') return value.trim().toLowerCase();
  if (column === 'phone') return value.replace(/[^0-9+]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  return value.trim();
}

export type RowProblem = 'invalidEmail' | 'invalidPhone' | 'invalidUserId' | 'missingColumn' | 'duplicate';

export const PROBLEM_TEXT: Record<RowProblem, (column: string, extra?: string) => LocalizedText> = {
  invalidEmail: (c) => ({ en: `"${c}" is not a valid e-mail address`, zh: `“${c}”不是有效的电子邮件地址` }),
  invalidPhone: (c) => ({ en: `"${c}" is not a valid phone number`, zh: `“${c}”不是有效的电话号码` }),
  invalidUserId: (c) => ({ en: `"${c}" is not a usable user id`, zh: `“${c}”不是可用的用户标识` }),
  missingColumn: (c) => ({ en: `No value in column "${c}", which the notice uses`, zh: `通知使用的列“${c}”没有值` }),
  duplicate: (c, first) => ({ en: `Duplicate of line ${first} (${c})`, zh: `与第 ${first} 行重复（${c}）` }),
};

/**
 * Checks one row (without duplicates, which need the whole file). Returns the first problem, so a
 * bad row is reported once with the reason the DPO must fix first.
 */
export function rowProblem(format: MergeFormat, row: Record<string, string | undefined>, mergeColumns: string[]): { problem: RowProblem; column: string; value: string } | null {
  const column = ADDRESS_COLUMN[format];
  const address = (row[column] ?? '').trim();
  if (!address) return { problem: 'missingColumn', column, value: '' };
  if (column === 'email' && !isEmail(address)) return { problem: 'invalidEmail', column, value: address };
  if (column === 'phone' && !isPhone(address)) return { problem: 'invalidPhone', column, value: address };
  if (column === 'userId' && !USER_ID.test(address)) return { problem: 'invalidUserId', column, value: address };
  for (const c of mergeColumns) {
    if ((row[c] ?? '').trim() === '') return { problem: 'missingColumn', column: c, value: '' };
  }
  return null;
}

/** Columns the header must have: the address column and every `{{recipient.x}}` the notice uses. */
export function missingHeaderColumns(format: MergeFormat, header: string[], mergeColumns: string[]): string[] {
  const have = new Set(header);
  return [ADDRESS_COLUMN[format], ...mergeColumns].filter((c, i, all) => !have.has(c) && all.indexOf(c) === i);
}

/** mbox "From " separator line (asctime date, as mail readers expect). */
export function mboxFromLine(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  const d = date;
  return `From MAILER-DAEMON ${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** RFC 4180 field quoting for the SMS/push text exports. */
export const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
