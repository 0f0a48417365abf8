import type { LocalizedText } from '../../preload/contract/common';
import type { Period } from '../../preload/contract/rules';
import type { Params } from './model';

// Rule texts carry `{param}` placeholders so a number lives once, in the parameters.

const n = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** "4 hours" / "4小时", "10 working days" / "10个工作日", "one month" / "1个月". */
export function formatPeriod(p: Period): LocalizedText {
  switch (p.kind) {
    case 'immediate':
      return { en: 'immediately', zh: '立即' };
    case 'fixedDate':
      return { en: 'on the date set', zh: '于设定日期' };
    case 'hours':
      return { en: `${n(p.hours)} ${p.hours === 1 ? 'hour' : 'hours'}`, zh: `${n(p.hours)}小时` };
    case 'calendarDays':
      return p.rollOver ? { en: `${n(p.days)} ${p.days === 1 ? 'day' : 'days'}`, zh: `${n(p.days)}日` } : { en: `${n(p.days)} calendar ${p.days === 1 ? 'day' : 'days'}`, zh: `${n(p.days)}个自然日` };
    case 'workingDays':
      return { en: `${n(p.days)} working ${p.days === 1 ? 'day' : 'days'}`, zh: `${n(p.days)}个工作日` };
    case 'businessDays':
      return { en: `${n(p.days)} business ${p.days === 1 ? 'day' : 'days'}`, zh: `${n(p.days)}个工作日（美国联邦假日除外）` };
    case 'months':
      return { en: p.months === 1 ? 'one month' : `${n(p.months)} months`, zh: `${n(p.months)}个月` };
    case 'years':
      return { en: `${n(p.years)} ${p.years === 1 ? 'year' : 'years'}`, zh: `${n(p.years)}年` };
  }
}

export const isPeriod = (v: unknown): v is Period => typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string';

/** Fills `{name}` from the parameters: a period in words, a number with separators. */
export function fillTemplate(template: LocalizedText, params: Params): LocalizedText {
  const fill = (text: string, lang: 'en' | 'zh') =>
    text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, (whole, name: string) => {
      const value = params[name];
      if (isPeriod(value)) return formatPeriod(value)[lang];
      if (typeof value === 'number') return n(value);
      if (typeof value === 'string') return value;
      return whole;
    });
  return { en: fill(template.en, 'en'), zh: fill(template.zh, 'zh') };
}

export const formatCount = n;
