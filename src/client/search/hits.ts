/**
 * From Pagefind's page results to search hits (the passages that match), with no DOM.
 *
 * Pagefind finds pages; a reader wants the paragraph. Each indexed page keeps
 * its elements with ids (`<p id="p4">`, `<h2 id="s3">`) as anchors, each with
 * its text and the position of its first word; a match at word position L
 * belongs to the last anchor at or before L. A passage is exact when its text
 * holds every term of the query whole, and partial when it holds only some
 * of the pieces Pagefind matched (城市 of 城市群).
 */
import { isSectionAnchor, parseAnchor } from '../../lib/registry';
import { containsAll, countOccurrences, findRanges, type Range } from './text';
import type { FilterKey, Filters } from './state';

/** An element with an id on an indexed page, as Pagefind records it. */
export interface Anchor {
  element: string;
  id: string;
  text?: string;
  /** Position of the first word after the element's start, in the page's words. */
  location: number;
}

/** The part of Pagefind's result data that passages are made from. */
export interface PageData {
  /** The page's address, under the site's base. */
  url: string;
  /** The page's indexed text. */
  content: string;
  /** The same with its words separated by spaces or zero-width spaces, as word positions count them (the JS API's `content` joins Chinese words). */
  raw_content?: string;
  /** Word positions that match the query. */
  locations: number[];
  anchors: Anchor[];
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

export interface SearchHit {
  /** The page's document key: `wang-kai`, `paper-2`. */
  key: string;
  /** The anchor: `p4`, or `s2` for a section heading. */
  id: string;
  /** The page's address with the anchor: `/forum/wang-kai/#p4`. */
  href: string;
  /** The paragraph number; none for a heading. */
  n?: number;
  /** The heading of the section the passage is in (for a heading, itself). */
  section?: string;
  text: string;
  /** The words of the passage that Pagefind matched. */
  words: string[];
  /** Whether it contains every term of the query whole. */
  exact: boolean;
  /** How often the terms (exact) or the matched words (partial) occur in it. */
  occurrences: number;
  /** Pagefind's score of the page. */
  pageScore: number;
  /** Its values for each filter: the page's document, section and authors, the paragraph's themes. */
  filters: Record<FilterKey, string[]>;
}

/** The words of Pagefind's content, indexed as its word positions are. */
export function contentWords(content: string): string[] {
  const words = content.split(/[\s\u200b]+/);
  if (words[0] === '') words.shift();
  return words;
}

const isHeading = (a: Anchor) => isSectionAnchor(a.id);

/**
 * The passages of one page that hold a match. `themesOf(n)` gives the themes
 * of paragraph n.
 */
export function hitsOf(page: PageData, score: number, terms: readonly string[], themesOf: (n: number) => string[]): SearchHit[] {
  const anchors = page.anchors.filter((a) => parseAnchor(a.id)).sort((a, b) => a.location - b.location);
  const words = contentWords(page.raw_content ?? page.content);
  /** The matched words of each anchor that has any, by the anchor's index. */
  const hits = new Map<number, Set<string>>();
  const hit = (index: number, word: string) => {
    const set = hits.get(index) ?? new Set<string>();
    hits.set(index, set.add(word));
  };
  for (const location of page.locations) {
    let index = -1;
    for (let i = 0; i < anchors.length && anchors[i]!.location <= location; i++) index = i;
    const word = words[location]?.trim();
    if (index >= 0 && word) hit(index, word);
  }
  // A paragraph that holds a term whole is a hit even where Pagefind's word
  // segmentation put the match elsewhere.
  anchors.forEach((anchor, index) => {
    for (const term of terms) if (anchor.text && containsAll(anchor.text, [term])) hit(index, term);
  });
  const base = page.url.split('#')[0]!;
  const key = page.meta.key ?? '';
  return [...hits].sort((a, b) => a[0] - b[0]).map(([index, matched]) => {
    const anchor = anchors[index]!;
    const next = anchors[index + 1]?.location ?? words.length;
    const text = anchor.text?.trim() || words.slice(anchor.location, next).join('');
    const heading = isHeading(anchor);
    const section = heading ? anchor : anchors.slice(0, index).reverse().find(isHeading);
    const exact = containsAll(text, terms);
    const n = heading ? undefined : parseAnchor(anchor.id)!.n;
    const matchedWords = [...matched];
    return {
      key,
      id: anchor.id,
      href: `${base}#${anchor.id}`,
      ...(n === undefined ? {} : { n }),
      ...(section?.text ? { section: section.text.trim() } : {}),
      text,
      words: matchedWords,
      exact,
      occurrences: countOccurrences(text, exact ? terms : matchedWords),
      pageScore: score,
      filters: {
        doc: page.filters.doc ?? [],
        author: page.filters.author ?? [],
        section: page.filters.section ?? [],
        theme: n === undefined ? [] : themesOf(n),
      },
    };
  });
}

/** The ranges to mark in a passage: the whole terms when it is exact, else the words that matched. */
export function markRanges(passage: SearchHit, terms: readonly string[]): Range[] {
  return findRanges(passage.text, passage.exact ? terms : passage.words);
}

/**
 * Exact passages first, then partial ones; within each, the passage where
 * the terms occur most often, then the better page, then reading order.
 */
export function rankHits(passages: readonly SearchHit[]): SearchHit[] {
  return [...passages].sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      (b.exact ? 0 : b.words.length - a.words.length) ||
      b.occurrences - a.occurrences ||
      b.pageScore - a.pageScore ||
      a.key.localeCompare(b.key) ||
      (a.n ?? 0) - (b.n ?? 0),
  );
}

/** Whether a passage has every filter's value (keys left out are not checked). */
export function matchesFilters(passage: SearchHit, filters: Filters, except?: FilterKey): boolean {
  return (Object.keys(filters) as FilterKey[]).every((key) => key === except || passage.filters[key].includes(filters[key]!));
}

/**
 * For one filter, how many passages each of its values would leave, given
 * the other filters that are set (so a reader can see where to narrow to).
 */
export function facetCounts(passages: readonly SearchHit[], filters: Filters, key: FilterKey): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of passages) {
    if (!matchesFilters(p, filters, key)) continue;
    for (const value of new Set(p.filters[key])) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** How many passages, and on how many pages. */
export function countHits(passages: readonly SearchHit[]): { passages: number; pages: number } {
  return { passages: passages.length, pages: new Set(passages.map((p) => p.key)).size };
}
