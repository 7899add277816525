/** Reading the corpus data that the build embeds in the search page (src/lib/search-corpus.ts). */
import type { SearchCorpus } from '../../lib/search-corpus';

/** The theme ids of paragraph `n` of a page. */
export function paragraphThemes(corpus: SearchCorpus, key: string, n: number | undefined): string[] {
  if (n === undefined) return [];
  const indices = corpus.pages[key]?.paragraphThemes[n - 1] ?? [];
  return indices.flatMap((i) => (corpus.themes[i] ? [corpus.themes[i].id] : []));
}
