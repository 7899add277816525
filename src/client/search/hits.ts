/**
 * Search hits: the passages a query found, as the results list shows them,
 * with no DOM. Each comes from one Pagefind record (a paragraph or a
 * footnote, src/lib/search/records.ts) and the units of the query it holds
 * (ranking.ts): what to mark in it, what it lacks, and how filters count it.
 */
import { parseAnchor, parseFootnoteAnchor } from '../../lib/registry';
import { decodeRecord, type QueryUnit } from '../../lib/search/words';
import type { QueryTerm, RankedHit } from './ranking';
import type { FilterKey, Filters } from './state';
import { fold, type Range } from './text';

/** The part of a Pagefind fragment a hit is made from. */
export interface RecordData {
  /** The passage's address under the site's base: `/forum/wang-kai/#p4`. */
  url: string;
  /** Its words as the index holds them (src/lib/search/words.ts). */
  content: string;
  filters: Record<string, string[]>;
}

export interface SearchHit {
  /** The document key: `wang-kai`, `paper-1`. */
  key: string;
  kind: 'paragraph' | 'footnote';
  /** The paragraph's or footnote's number. */
  n: number;
  /** Its permanent address, under the site's base: `/forum/wang-kai/#p4`. */
  href: string;
  /** For a footnote: the paragraph that cites it. */
  citedIn?: { n: number; href: string };
  text: string;
  /** The text's words, as the index cut it. */
  words: string[];
  /** Words it holds inside or across those (records.ts). */
  extras: string[];
  exact: boolean;
  /** Indices of the query's terms it holds. */
  terms: number[];
  /** Indices of the query's units it holds. */
  matched: number[];
  /** Its values for each filter: its text, document, authors and themes. */
  filters: Record<FilterKey, string[]>;
}

/** A ranked hit with its record's data. */
export function hitOf(ranked: RankedHit, data: RecordData): SearchHit {
  const [page, anchor = ''] = data.url.split('#');
  const { text, words, extras } = decodeRecord(data.content);
  const footnote = parseFootnoteAnchor(anchor);
  const cited = data.filters.cited?.[0];
  const citedN = cited ? parseAnchor(cited)?.n : undefined;
  return {
    key: data.filters.section?.[0] ?? '',
    kind: footnote === undefined ? 'paragraph' : 'footnote',
    n: footnote ?? parseAnchor(anchor)?.n ?? 0,
    href: data.url,
    ...(citedN === undefined ? {} : { citedIn: { n: citedN, href: `${page}#${cited}` } }),
    text,
    words,
    extras,
    exact: ranked.exact,
    terms: ranked.terms,
    matched: ranked.matched,
    filters: {
      doc: data.filters.doc ?? [],
      author: data.filters.author ?? [],
      section: data.filters.section ?? [],
      theme: data.filters.theme ?? [],
    },
  };
}

/** A hit's text as its words cut it: where words start and end, and which word each character is in. */
interface Cut {
  /** The text folded (text.ts), for finding words whatever their case. */
  folded: string;
  starts: Set<number>;
  ends: Set<number>;
  /** For each character offset, the index of the word it is in. */
  wordAt: Int32Array;
}

function cutOf(hit: SearchHit): Cut {
  const wordAt = new Int32Array(hit.text.length);
  const starts = new Set<number>();
  const ends = new Set<number>();
  let at = 0;
  hit.words.forEach((w, i) => {
    starts.add(at);
    wordAt.fill(i, at, at + w.length);
    at += w.length;
    ends.add(at);
  });
  return { folded: fold(hit.text), starts, ends, wordAt };
}

/** Whether `[s, e)` is one whole word of the cut. */
const isWord = (cut: Cut, s: number, e: number) => cut.starts.has(s) && cut.ends.has(e) && cut.wordAt[s] === cut.wordAt[e - 1];

/**
 * Where a unit stands in a hit, as the index matched it: a word of the text,
 * or a word the text holds inside or across its words (an extra word); a
 * phrase, as its characters side by side, each a word.
 */
function unitRanges(hit: SearchHit, unit: QueryUnit, cut: Cut): Range[] {
  const phrase = unit.words.length > 1;
  const needle = fold(unit.text);
  const extra = !phrase && hit.extras.some((w) => fold(w) === needle);
  const found: Range[] = [];
  for (let s = cut.folded.indexOf(needle); s >= 0 && needle; s = cut.folded.indexOf(needle, s + 1)) {
    const e = s + needle.length;
    const aligned = phrase
      ? eachAWord(s, unit.text, cut)
      : isWord(cut, s, e) || (extra && (cut.wordAt[s] === cut.wordAt[e - 1] || (cut.starts.has(s) && cut.ends.has(e))));
    if (aligned) found.push([s, e]);
  }
  return found;
}

/** Whether every character of a phrase placed at `start` is a word of the cut. */
function eachAWord(start: number, phrase: string, cut: Cut): boolean {
  let at = start;
  return [...phrase].every((c) => {
    const word = isWord(cut, at, at + c.length);
    at += c.length;
    return word;
  });
}

/** Where a term stands in a hit: its units side by side, each where the index matched it. */
function termRanges(hit: SearchHit, term: QueryTerm, cut: Cut): Range[] {
  const [one, ...more] = term.units;
  if (!one) return [];
  if (!more.length) return unitRanges(hit, one, cut);
  const places = term.units.map((u) => new Set(unitRanges(hit, u, cut).map(([s, e]) => `${s}:${e}`)));
  return unitRanges(hit, one, cut).flatMap(([start]) => {
    let at = start;
    const together = term.units.every((u, i) => {
      const place = `${at}:${at + u.text.length}`;
      at += u.text.length;
      return places[i]!.has(place);
    });
    return together ? [[start, at] as Range] : [];
  });
}

/**
 * The stretches to mark in a hit, whole words only: the terms it holds,
 * where their words stand side by side, and in a partial hit also the
 * other words of the query it holds.
 */
export function markRanges(hit: SearchHit, terms: readonly QueryTerm[], units: readonly QueryUnit[]): Range[] {
  const cut = cutOf(hit);
  const held = new Set(hit.terms.flatMap((t) => terms[t]?.units.map((u) => u.text) ?? []));
  const ranges = [
    ...hit.terms.flatMap((t) => (terms[t] ? termRanges(hit, terms[t], cut) : [])),
    ...hit.matched.flatMap((i) => (units[i] && !held.has(units[i].text) ? unitRanges(hit, units[i], cut) : [])),
  ];
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [s, e] of ranges) {
    const last = merged[merged.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return merged;
}

/**
 * What a partial hit lacks: the query's words it does not hold, or, when it
 * holds them all, the terms whose words it does not hold side by side.
 */
export function lacking(hit: SearchHit, terms: readonly QueryTerm[], units: readonly QueryUnit[]): { words: QueryUnit[]; apart: QueryTerm[] } {
  return {
    words: units.filter((_, i) => !hit.matched.includes(i)),
    apart: terms.filter((_, i) => !hit.terms.includes(i)),
  };
}

/** Whether a hit has every filter's value (keys left out are not checked). */
export function matchesFilters(hit: SearchHit, filters: Filters, except?: FilterKey): boolean {
  return (Object.keys(filters) as FilterKey[]).every((key) => key === except || hit.filters[key].includes(filters[key]!));
}

/**
 * For one filter, how many hits each of its values gives, the other filters
 * that are set applying: what choosing the value would list.
 */
export function facetCounts(hits: readonly SearchHit[], filters: Filters, key: FilterKey): Map<string, number> {
  const counts = new Map<string, number>();
  for (const hit of hits) {
    if (!matchesFilters(hit, filters, key)) continue;
    for (const value of new Set(hit.filters[key])) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** How many hits, and in how many documents. */
export function countHits(hits: readonly SearchHit[]): { passages: number; pages: number } {
  return { passages: hits.length, pages: new Set(hits.map((h) => h.key)).size };
}
