/**
 * Words of the index near a word it does not hold, for a concordance that
 * has nothing to show, with no DOM: first the words that hold it (市群 →
 * 城市群), then the index's words it is made of (城市群发展 → 城市群, 发展),
 * then words that share two characters in a row with it.
 */
import { cutHan, hasHan } from '../../lib/search/words';

/** Pairs of characters in a row: 城市群 → 城市, 市群. */
function bigrams(text: string): Set<string> {
  const chars = [...text];
  return new Set(chars.slice(1).map((c, i) => chars[i]! + c));
}

/** Up to `limit` words of `vocabulary` (the index's words of two characters or more, lowercased) near `query`. */
export function nearWords(query: string, vocabulary: readonly string[], limit = 8): string[] {
  const word = query.toLowerCase();
  const known = new Set(vocabulary);
  const byLength = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  const holding = vocabulary.filter((w) => w !== word && w.includes(word)).sort(byLength);
  const parts = hasHan(word) ? cutHan(word, known).filter((w) => w.length > 1 && known.has(w)) : [];
  const pairs = bigrams(word);
  const sharing = vocabulary
    .map((w) => ({ w, shared: [...bigrams(w)].filter((b) => pairs.has(b)).length }))
    .filter((x) => x.shared > 0)
    .sort((a, b) => b.shared - a.shared || byLength(a.w, b.w))
    .map((x) => x.w);
  return [...new Set([...holding, ...parts, ...sharing])].filter((w) => w !== word).slice(0, limit);
}
