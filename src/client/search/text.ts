/**
 * Text helpers for search, with no DOM: splitting a query into terms,
 * comparing text, cutting a snippet around marked stretches.
 */

/**
 * The terms of a query: what stands between spaces and punctuation (half- or
 * full-width), each once. Quotes a reader types around a phrase go with the
 * rest: a term is found as a phrase anyway.
 */
export function parseTerms(query: string): string[] {
  return [...new Set(query.split(/[\s\p{P}\p{S}]+/u).filter(Boolean))];
}

/**
 * The most terms one search looks for. Each term is a few searches of the
 * index and a pass over every passage found, so a link with thousands of
 * terms would hold the search for seconds to minutes; readers type one to three.
 */
export const MAX_TERMS = 10;

/** The longest query one search reads, in characters: a long sentence; its start still finds a pasted paragraph. */
export const MAX_QUERY_LENGTH = 100;

/** The terms a search looks for, and whether the query was cut to fit the limits. */
export interface QueryTerms {
  terms: string[];
  cut: boolean;
}

/** The terms of a query's first MAX_QUERY_LENGTH characters, at most MAX_TERMS of them. */
export function queryTerms(query: string): QueryTerms {
  // Slice first, so that a query of megabytes is never split whole; then cut on whole characters.
  const head = Array.from(query.trim().slice(0, 2 * MAX_QUERY_LENGTH)).slice(0, MAX_QUERY_LENGTH).join('');
  const all = parseTerms(head);
  const terms = all.slice(0, MAX_TERMS);
  return { terms, cut: head.length < query.trim().length || terms.length < all.length };
}

/**
 * Text as search compares it: ASCII letters lowercased, full-width ASCII made
 * half-width (`Ｃａｓｔｅｌｌｓ` = `castells`). One character for one, so that
 * an offset in the folded text is the same offset in the original.
 */
export function fold(text: string): string {
  return text.replace(/[A-Z\uFF01-\uFF5E]/g, (c) => {
    const code = c.charCodeAt(0);
    const half = code >= 0xff01 ? String.fromCharCode(code - 0xfee0) : c;
    return half.toLowerCase();
  });
}

/** A stretch of text, `[start, end)`. */
export type Range = readonly [number, number];

/** A piece of a snippet: text, marked if it is a search term. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

export interface Snippet {
  parts: SnippetPart[];
  /** Whether text was cut off before or after the snippet (shown as …). */
  before: boolean;
  after: boolean;
}

/**
 * About `length` characters of `text` around its first marked range, starting
 * a little before it, with every range inside marked. A marked range is
 * never cut: the snippet ends after the last one it reaches into.
 */
export function snippet(text: string, ranges: readonly Range[], length = 110, lead = 30): Snippet {
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - lead);
  let end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const shown = ranges.filter(([s, e]) => e > start && s < end && e > s);
  end = Math.max(end, ...shown.map(([, e]) => e));
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [s, e] of shown) {
    const from = Math.max(s, at);
    if (from > at) parts.push({ text: text.slice(at, from), mark: false });
    if (e > from) parts.push({ text: text.slice(from, e), mark: true });
    at = Math.max(at, e);
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  return { parts, before: start > 0, after: end < text.length };
}
