/**
 * What the search page knows about the corpus besides Pagefind's index: the
 * pages, the themes of every paragraph, the themes and the experts. The build
 * writes it into the search page (src/lib/search-corpus.ts); the client reads
 * it to label results, filter passages by theme and suggest themes and experts.
 */

export interface CorpusPage {
  /** How a result names the page's document: 王凯《新质生产力与城市规划改革》, 论文第二节. */
  label: string;
  /** The page's heading. */
  title: string;
  doc: 'forum' | 'paper';
  /** Indices into `themes` for each paragraph: `paragraphThemes[n - 1]` are the themes of #pN. */
  paragraphThemes: number[][];
}

export interface CorpusTheme {
  id: string;
  name: string;
  description: string;
  terms: string[];
  /** The theme's page, once the site has theme pages. */
  href?: string | undefined;
}

export interface CorpusExpert {
  name: string;
  /** The essay's title. */
  title: string;
  /** The essay's address. */
  href: string;
  /** Words the essay is about (its top keywords and its themes' names), for suggestions. */
  about: string;
}

export interface SearchCorpus {
  /** By document key (`wang-kai`, `paper-2`), the keys of content/passages.json. */
  pages: Record<string, CorpusPage>;
  themes: CorpusTheme[];
  experts: CorpusExpert[];
}

/** The names of the two texts, as the `doc` filter shows them. */
export const DOC_LABELS: Record<CorpusPage['doc'], string> = { forum: '笔谈', paper: '论文' };

/** The theme ids of paragraph `n` of a page. */
export function paragraphThemes(corpus: SearchCorpus, key: string, n: number | undefined): string[] {
  if (n === undefined) return [];
  const indices = corpus.pages[key]?.paragraphThemes[n - 1] ?? [];
  return indices.flatMap((i) => (corpus.themes[i] ? [corpus.themes[i].id] : []));
}
