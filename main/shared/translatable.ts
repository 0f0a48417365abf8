import { asTranslatable, type TranslatableText } from '../../preload/contract/common';

// A {zh, en} pair kept in one TEXT column as JSON. Columns written before issue 13 hold the plain
// string (their migration converts them; reading one anyway files it by its script).

export function pairFromColumn(stored: string | null | undefined): TranslatableText {
  if (!stored) return { zh: '', en: '' };
  if (stored.startsWith('{')) {
    try {
      const v = JSON.parse(stored) as unknown;
      if (v && typeof v === 'object' && 'zh' in v && 'en' in v) return asTranslatable(v);
    } catch {
      // Not JSON: a plain string that starts with "{".
    }
  }
  return asTranslatable(stored);
}

/** The pair as stored: each version trimmed, as the DPO's other texts are. */
export const pairToColumn = (t: TranslatableText): string => JSON.stringify({ zh: t.zh.trim(), en: t.en.trim() });
