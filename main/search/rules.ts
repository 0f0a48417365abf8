// How a query is searched (pure). The vault keeps two FTS5 indexes of every record (migration 10):
// - search_index, trigram: any term of 3+ characters, as a phrase (Chinese or Latin alike);
// - search_bigrams, the record's CJK text as two-character words: a Chinese term of two characters
//   (most Chinese words) is one token there, where trigrams cannot see it.
// A term of one character, or of two that are not both CJK, has no index and is scanned for
// (LIKE), restricted to the other terms' hits when there are any.
// Hits come newest record first: FTS5 rowids are the negated record numbers, so the index's own
// order is newest first and a page stops after 20 hits (ranking by bm25 scored every match:
// 230 ms for a term in most of 1,000,000 records).

/** Han, kana and hangul: the scripts written without spaces between words. */
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;
const CJK_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]{2,}/gu;

/**
 * The terms of a query: control characters (NUL, tabs, line breaks) separate terms instead of
 * reaching SQLite, whose FTS5 and LIKE read text only up to a NUL (issue 10, item 7).
 */
export function searchTerms(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  return [...new Set(text.split(/[\u0000-\u001f\u007f]+/).map((t) => t.trim()).filter(Boolean))];
}

export interface SearchPlan {
  /** 3+ characters: trigram phrases. */
  phrases: string[];
  /** Two CJK characters: bigram tokens. */
  pairs: string[];
  /** Anything shorter: scanned for (LIKE), within the hits of the others when there are any. */
  scans: string[];
}

export function planSearch(terms: string[]): SearchPlan {
  const plan: SearchPlan = { phrases: [], pairs: [], scans: [] };
  for (const t of terms) {
    const chars = [...t];
    if (chars.length >= 3) plan.phrases.push(t);
    else if (chars.length === 2 && chars.every((c) => CJK_CHAR.test(c))) plan.pairs.push(t);
    else plan.scans.push(t);
  }
  return plan;
}

/** The bigram document of a record: every pair of neighbouring CJK characters, once, space-separated. */
export function bigramText(...texts: string[]): string {
  const pairs = new Set<string>();
  for (const text of texts) {
    for (const run of text.match(CJK_RUNS) ?? []) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i] + chars[i + 1]);
    }
  }
  return [...pairs].join(' ');
}

/** One FTS5 string per term (quotes doubled), all required: user text is never FTS syntax. */
export const ftsQuery = (terms: string[]): string => terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');

/** A LIKE pattern that matches the term literally anywhere (with ESCAPE '\'). */
export const likePattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
