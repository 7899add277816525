/**
 * Themes and experts that a query points to, with no DOM: the cards shown
 * above the results when a query names one, and the closest ones offered
 * when nothing matches.
 */
import type { CorpusExpert, CorpusTheme, SearchCorpus } from './corpus';
import { fold } from './text';

export interface Cards {
  experts: CorpusExpert[];
  themes: CorpusTheme[];
}

/**
 * What the query names: an expert when a term contains the expert's name
 * (王凯, 王凯的观点), a theme when a term is its name, a part of its name of
 * two characters or more, or one of its terms (城市群 names 城市群与都市圈).
 */
export function namedBy(terms: readonly string[], corpus: SearchCorpus): Cards {
  const folded = terms.map(fold);
  return {
    experts: corpus.experts.filter((e) => folded.some((t) => t.includes(e.name))),
    themes: corpus.themes.filter((theme) =>
      folded.some((t) => (t.length >= 2 && theme.name.includes(t)) || theme.terms.some((term) => fold(term) === t)),
    ),
  };
}

/** How much of the query's characters `text` shares, each distinct character once. */
function overlap(query: string, text: string): number {
  const chars = new Set(fold(query).replace(/\s+/g, ''));
  let shared = 0;
  for (const c of chars) if (text.includes(c)) shared += 1;
  return shared;
}

/**
 * The `count` themes and experts whose names and words share most characters
 * with the query; ties, and a query that shares nothing, keep the corpus order.
 */
export function closest(query: string, corpus: SearchCorpus, count = 3): Cards {
  const best = <T>(items: T[], text: (item: T) => string) =>
    items
      .map((item, i) => ({ item, i, score: overlap(query, fold(text(item))) }))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, count)
      .map((x) => x.item);
  return {
    themes: best(corpus.themes, (t) => `${t.name} ${t.terms.join(' ')} ${t.description}`),
    experts: best(corpus.experts, (e) => `${e.name} ${e.title} ${e.about}`),
  };
}
