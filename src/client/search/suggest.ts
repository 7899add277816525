/**
 * Themes and experts that a query points to, with no DOM: the cards shown
 * above the results when a query names one, and the closest ones offered
 * when nothing matches.
 */
import type { CorpusExpert, CorpusTheme, SearchCorpus } from '../../lib/search-corpus';
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

/**
 * How close `text` is to the query: each pair of adjacent query characters
 * it contains counts two, each single character one (智慧交通 is closer to
 * 智慧城市 than to 交错的智能).
 */
function overlap(query: string, text: string): number {
  const q = fold(query).replace(/\s+/g, '');
  let score = 0;
  for (const c of new Set(q)) if (text.includes(c)) score += 1;
  for (let i = 0; i + 1 < q.length; i++) if (text.includes(q.slice(i, i + 2))) score += 2;
  return score;
}

/**
 * The `count` themes and experts whose names and words are closest to the
 * query, besides those already `shown` (the cards of what the query names);
 * ties, and a query that shares nothing, keep the corpus order.
 */
export function closest(query: string, corpus: SearchCorpus, count = 3, shown: Cards = { experts: [], themes: [] }): Cards {
  const best = <T>(items: T[], text: (item: T) => string, besides: readonly T[]) =>
    items
      .map((item, i) => ({ item, i, score: overlap(query, fold(text(item))) }))
      .filter(({ item }) => !besides.includes(item))
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, count)
      .map((x) => x.item);
  return {
    themes: best(corpus.themes, (t) => `${t.name} ${t.terms.join(' ')} ${t.description}`, shown.themes),
    experts: best(corpus.experts, (e) => `${e.name} ${e.title} ${e.about}`, shown.experts),
  };
}
