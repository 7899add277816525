/**
 * The concordance's lines and counts, with no DOM: how the lines sort, how
 * often each document uses the word (in all, and per 10,000 characters of
 * its text), and where in each document it stands.
 */
import type { ConcordanceDoc, ConcordanceLine } from '../../lib/concordance';

/** The orders the lines can be read in; `doc` (reading order) is the default. */
export const SORTS = ['doc', 'expert', 'left', 'right'] as const;
export type Sort = (typeof SORTS)[number];

export const isSort = (value: string): value is Sort => (SORTS as readonly string[]).includes(value);

/** Characters the rate is given per. */
export const RATE_PER = 10_000;

/** How often a document uses the word. */
export interface DocCount {
  doc: ConcordanceDoc;
  count: number;
  /** Places per RATE_PER characters of its text. */
  rate: number;
}

/** Places per RATE_PER characters; a text of no characters has none. */
export const rateOf = (count: number, chars: number) => (chars > 0 ? (count * RATE_PER) / chars : 0);

/** Every document in reading order with its count and rate, those without the word included. */
export function countsByDoc(lines: readonly ConcordanceLine[], docs: readonly ConcordanceDoc[]): DocCount[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line.doc, (counts.get(line.doc) ?? 0) + 1);
  return docs.map((doc) => {
    const count = counts.get(doc.key) ?? 0;
    return { doc, count, rate: rateOf(count, doc.chars) };
  });
}

/** The count and rate of a group of documents (a text, or both): its places over its characters. */
export function totalOf(counts: readonly DocCount[]): { count: number; chars: number; rate: number } {
  const count = counts.reduce((n, c) => n + c.count, 0);
  const chars = counts.reduce((n, c) => n + c.doc.chars, 0);
  return { count, chars, rate: rateOf(count, chars) };
}

/** Where in a document each of its places stands, as a fraction of its text (0 at its start). */
export function dispersion(lines: readonly ConcordanceLine[], doc: ConcordanceDoc): number[] {
  return lines.filter((l) => l.doc === doc.key).map((l) => (doc.chars > 0 ? l.docAt / doc.chars : 0));
}

/** A string's characters in reverse order (whole characters, not UTF-16 halves): the left context read outward from the word. */
const reversed = (text: string) => [...text].reverse().join('');

/**
 * The lines in an order: `doc`, reading order (the documents as the site
 * orders them, then where in each); `expert`, by the speaker's name (in the
 * collator's order: pinyin for Chinese), then reading order; `left`, by the
 * context before the word read outward from it (the character next to the
 * word first); `right`, by the context after it. Ties keep reading order.
 */
export function sortLines(lines: readonly ConcordanceLine[], sort: Sort, docs: readonly ConcordanceDoc[], collator: Intl.Collator): ConcordanceLine[] {
  const order = new Map(docs.map((d, i) => [d.key, i]));
  const speaker = new Map(docs.map((d) => [d.key, d.speaker]));
  const reading = (a: ConcordanceLine, b: ConcordanceLine) => (order.get(a.doc) ?? -1) - (order.get(b.doc) ?? -1) || a.docAt - b.docAt;
  const keyed = lines.map((line) => ({
    line,
    key: sort === 'expert' ? (speaker.get(line.doc) ?? '') : sort === 'left' ? reversed(line.left) : sort === 'right' ? line.right : '',
  }));
  keyed.sort((a, b) => (sort === 'doc' ? 0 : collator.compare(a.key, b.key)) || reading(a.line, b.line));
  return keyed.map((k) => k.line);
}

/** The page's state, all of it in the address: `?q=城市群&sort=left`. */
export interface ConcordanceState {
  q: string;
  sort: Sort;
  /** A sort the address asked for that the page does not have. */
  unknownSort?: string;
}

export function readState(search: string): ConcordanceState {
  const params = new URLSearchParams(search);
  const asked = params.get('sort')?.trim() ?? '';
  const q = (params.get('q') ?? '').trim();
  if (!asked || isSort(asked)) return { q, sort: asked ? (asked as Sort) : 'doc' };
  return { q, sort: 'doc', unknownSort: asked };
}

/** The query string of a state; the default order is left out. */
export function writeState(state: Pick<ConcordanceState, 'q' | 'sort'>): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.sort !== 'doc') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}
