/**
 * From a query to ranked passages, with no DOM and no Pagefind: what to ask
 * Pagefind, and how its answers make hits.
 *
 * A query is terms separated by spaces; each term is cut into units, words
 * of the index or phrases of single characters (src/lib/search/words.ts).
 * A passage holds a term when it holds its units side by side, in order; it
 * is an exact hit when it holds every term, and a partial hit when it holds
 * at least one unit of more than one character (群 alone never makes
 * 城市群 a partial match). Exact hits come first, then partial ones by how
 * many units they hold; at each of these levels the body's paragraphs come
 * before the footnotes (a note's few words would otherwise outweigh a
 * paragraph that discusses the word), then Pagefind's score decides: BM25
 * over the passage, so a passage holding the words densely comes first.
 */
import { indexForm, queryUnits, unpackWords, type QueryUnit } from '../../lib/search/words';
import { parseTerms } from './text';

export interface Vocabulary {
  /** The index's words of two characters or more, lowercased. */
  words: ReadonlySet<string>;
  /** Its words of one character. */
  singles: ReadonlySet<string>;
}

/** The vocabulary as the build hands it over: the words packed (packWords), the single characters run together. */
export function readVocabulary(words: string, singles: string): Vocabulary {
  return { words: new Set(unpackWords(words)), singles: new Set([...singles]) };
}

/** A term of the query as typed (no spaces), cut into units. */
export interface QueryTerm {
  text: string;
  units: QueryUnit[];
}

/** The query's terms, each cut into the index's words. */
export function termsOf(query: string, vocabulary: Vocabulary): QueryTerm[] {
  return parseTerms(query).map((text) => ({ text, units: queryUnits(text, vocabulary.words, vocabulary.singles) }));
}

/** Whether the index knows every unit: a term with an unknown one is found nowhere. */
export const isKnown = (units: readonly QueryUnit[]) => units.length > 0 && units.every((u) => u.known);

/** Whether a unit is more than one character: only such a unit can make a partial hit. */
export const isSubstantial = (unit: QueryUnit) => [...unit.text].length > 1;

/** The distinct units of the terms, in order: what a partial hit may hold. */
export function unitsOf(terms: readonly QueryTerm[]): QueryUnit[] {
  const units = terms.flatMap((t) => t.units);
  return units.filter((u, i) => units.findIndex((v) => v.text === u.text) === i);
}

/**
 * What Pagefind is asked for some units side by side: their words in the
 * index's form, which match whole words only (`城市群_`). Several words are
 * also asked quoted, which finds them side by side; the unquoted search,
 * which finds them anywhere in a passage, gives the scores.
 */
export function pagefindQueries(units: readonly QueryUnit[]): { scored: string; adjacent?: string } {
  const words = units.flatMap((u) => u.words).map(indexForm);
  const scored = words.join(' ');
  return words.length > 1 ? { scored, adjacent: `"${scored}"` } : { scored };
}

/** One passage Pagefind found: its result id and score. */
export interface Match {
  id: string;
  score: number;
}

export interface RankedHit {
  /** Pagefind's id of the passage's record. */
  id: string;
  /** Indices of the terms it holds. */
  terms: number[];
  /** Indices of the units (unitsOf) it holds. */
  matched: number[];
  exact: boolean;
  footnote: boolean;
  score: number;
}

/**
 * The hits of a query. `termMatches[i]` are the passages holding term i,
 * `unitMatches[j]` those holding unit j of unitsOf(terms); `footnotes` the
 * ids of footnote records.
 */
export function rankMatches(
  terms: readonly QueryTerm[],
  termMatches: readonly (readonly Match[])[],
  unitMatches: readonly (readonly Match[])[],
  footnotes: ReadonlySet<string>,
): RankedHit[] {
  const units = unitsOf(terms);
  const hits = new Map<string, RankedHit>();
  const hit = (id: string) => {
    const found = hits.get(id) ?? { id, terms: [], matched: [], exact: false, footnote: footnotes.has(id), score: 0 };
    hits.set(id, found);
    return found;
  };
  termMatches.forEach((found, t) => {
    for (const { id, score } of found) {
      const h = hit(id);
      h.terms.push(t);
      h.score += score;
      for (const unit of terms[t]!.units) h.matched.push(units.findIndex((u) => u.text === unit.text));
    }
  });
  unitMatches.forEach((found, u) => {
    for (const { id, score } of found) {
      const h = hit(id);
      if (h.matched.includes(u)) continue;
      h.matched.push(u);
      if (!h.terms.length) h.score += score;
    }
  });
  const kept = [...hits.values()].filter((h) => {
    h.matched = [...new Set(h.matched)].sort((a, b) => a - b);
    h.exact = h.terms.length === terms.length;
    return h.exact || h.matched.some((i) => isSubstantial(units[i]!));
  });
  return kept.sort(
    (a, b) =>
      Number(b.exact) - Number(a.exact) ||
      b.terms.length - a.terms.length ||
      b.matched.length - a.matched.length ||
      Number(a.footnote) - Number(b.footnote) ||
      b.score - a.score ||
      a.id.localeCompare(b.id),
  );
}
