/**
 * What one search may ask of the page: the query cut to MAX_QUERY_LENGTH
 * characters and MAX_TERMS terms, and only the filter values the page offers.
 * A link can carry thousands of terms or a filter value that names nothing;
 * the page searches what fits and says what it left out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILTER_KEYS, splitFilters, type FilterOptions } from '../../../src/client/search/state.ts';
import { MAX_QUERY_LENGTH, MAX_TERMS, parseTerms, queryTerms } from '../../../src/client/search/text.ts';
import { ROOT } from '../../../scripts/lib/paths.ts';
import { termsOfTheTexts } from '../../../scripts/lib/long-queries.ts';
import type { Passage } from '../../../src/lib/schema.ts';

const passages = JSON.parse(readFileSync(path.join(ROOT, 'content', 'passages.json'), 'utf8')) as Passage[];

/** A string with a lone surrogate: half of a character cut off. */
const HALF_CHARACTER = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('queryTerms', () => {
  it('leaves a reader’s query as it is', () => {
    for (const query of ['存量更新', '城市群 土地财政', '“存量更新”', termsOfTheTexts(MAX_TERMS).join(' ')]) {
      expect(queryTerms(query)).toEqual({ terms: parseTerms(query), cut: false });
    }
  });

  it('searches the first terms of a link with 5,000 distinct ones, as many as fit the limits, and says it cut', () => {
    const all = termsOfTheTexts(5000);
    const { terms, cut } = queryTerms(all.join(' '));
    expect(cut).toBe(true);
    expect(terms).toEqual(all.slice(0, terms.length));
    expect(terms.length).toBeLessThanOrEqual(MAX_TERMS);
    expect(terms.join(' ').length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
  });

  it('stops at MAX_TERMS terms', () => {
    const all = termsOfTheTexts(MAX_TERMS + 1);
    expect(queryTerms(all.join(' '))).toEqual({ terms: all.slice(0, MAX_TERMS), cut: true });
  });

  it('searches the start of a pasted paragraph, which still finds it', () => {
    const longest = passages.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const pasted = longest.text.replace(/\s/g, '');
    expect(pasted.length).toBeGreaterThan(MAX_QUERY_LENGTH);
    const { terms, cut } = queryTerms(pasted);
    expect(cut).toBe(true);
    expect(terms).toEqual(parseTerms(pasted.slice(0, MAX_QUERY_LENGTH)).slice(0, MAX_TERMS));
    expect(terms.filter((t) => !longest.text.includes(t))).toEqual([]);
  });

  it('cuts between characters, never inside one outside the Basic Multilingual Plane', () => {
    const { terms } = queryTerms('𠀀'.repeat(MAX_QUERY_LENGTH + 50));
    expect(Array.from(terms[0]!)).toHaveLength(MAX_QUERY_LENGTH);
    expect(terms[0]).not.toMatch(HALF_CHARACTER);
  });

  it('finds no terms in a query of quotes alone, and has cut nothing', () => {
    expect(queryTerms(`""''“”「」`)).toEqual({ terms: [], cut: false });
  });

  it('reads a query of two million characters in a moment', () => {
    const huge = termsOfTheTexts(2000).join(' ').repeat(400).slice(0, 2_000_000);
    const start = performance.now();
    expect(queryTerms(huge).cut).toBe(true);
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('splitFilters', () => {
  const options: FilterOptions = {
    doc: new Set(['forum', 'paper']),
    author: new Set(['王凯', '马雪松']),
    section: new Set(passages.map((p) => p.doc)),
    theme: new Set(passages.flatMap((p) => p.themes.map((t) => t.id))),
  };

  it('keeps the values the page offers', () => {
    const filters = { doc: 'paper', section: 'paper-2', author: '王凯' };
    expect(splitFilters(filters, options)).toEqual({ known: filters, unknown: [] });
  });

  it('leaves out a value the page does not offer, and names it, in the order of the filters', () => {
    const markup = '<img src=x onerror=alert(1)>';
    const long = 'x'.repeat(100_000);
    expect(splitFilters({ theme: markup, section: long, doc: 'xyz', author: '马雪松' }, options)).toEqual({
      known: { author: '马雪松' },
      unknown: [
        ['doc', 'xyz'],
        ['section', long],
        ['theme', markup],
      ],
    });
  });

  it('reads no filters as none', () => {
    expect(splitFilters({}, options)).toEqual({ known: {}, unknown: [] });
    expect(FILTER_KEYS.every((key) => options[key].size > 0)).toBe(true);
  });
});
