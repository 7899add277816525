/**
 * Text helpers for search, with no DOM: splitting a query into terms,
 * finding terms in a passage, cutting a snippet around them.
 */

/** Quotes a reader may type around a phrase; search treats a term as a phrase anyway. */
const QUOTES = /["'“”‘’「」『』]/g;

/** The terms of a query: separated by spaces (half- or full-width), quotes dropped, each once. */
export function parseTerms(query: string): string[] {
  const terms = query.replace(QUOTES, ' ').split(/[\s\u3000]+/).filter(Boolean);
  return [...new Set(terms)];
}

/**
 * The most terms one search looks for. Each term is two searches of the
 * index and a pass over every page found, so a link with thousands of terms
 * would hold the page for seconds to minutes; readers type one to three.
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

/** Whether text contains Chinese characters (the only text that may be in traditional form). */
export function hasHan(text: string): boolean {
  return /\p{Script=Han}/u.test(text);
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

/** Every place in `text` where one of `needles` occurs, as sorted ranges that do not overlap. */
export function findRanges(text: string, needles: readonly string[]): Range[] {
  const hay = fold(text);
  const found: [number, number][] = [];
  for (const needle of new Set(needles.map(fold).filter(Boolean))) {
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
      found.push([at, at + needle.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of found) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Whether `text` contains every one of `terms` whole. */
export function containsAll(text: string, terms: readonly string[]): boolean {
  const hay = fold(text);
  return terms.every((t) => hay.includes(fold(t)));
}

/** How many times the terms occur in `text` together. */
export function countOccurrences(text: string, terms: readonly string[]): number {
  return findRanges(text, terms).length;
}

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
 * a little before it, with every range inside marked.
 */
export function snippet(text: string, ranges: readonly Range[], length = 110, lead = 30): Snippet {
  const first = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, first - lead);
  const end = Math.min(text.length, start + length);
  start = Math.max(0, Math.min(start, end - length));
  const parts: SnippetPart[] = [];
  let at = start;
  for (const [s, e] of ranges) {
    if (e <= start || s >= end) continue;
    const from = Math.max(s, start);
    const to = Math.min(e, end);
    if (from > at) parts.push({ text: text.slice(at, from), mark: false });
    parts.push({ text: text.slice(from, to), mark: true });
    at = to;
  }
  if (at < end) parts.push({ text: text.slice(at, end), mark: false });
  return { parts, before: start > 0, after: end < text.length };
}
