import { describe, expect, it } from 'vitest';
import { contentWords, facetCounts, markRanges, matchesFilters, hitsOf, rankHits, countHits, type PageData, type SearchHit } from '../../../src/client/search/hits.ts';

const Z = '\u200b';
/** A page as Pagefind indexes it: a heading and two paragraphs, words separated by zero-width spaces. */
const page: PageData = {
  url: '/forum/wang-kai/',
  content: '',
  raw_content: ['1.', '规划', '改革', '城市', '进入', '存量', '更新', '阶段', '。', '城市', '群', '与', '存量', '空间', '。'].join(Z),
  locations: [],
  anchors: [
    { element: 'h2', id: 's1', text: '1. 规划改革', location: 0 },
    { element: 'p', id: 'p1', text: '城市进入存量更新阶段。', location: 3 },
    { element: 'p', id: 'p2', text: '城市群与存量空间。', location: 9 },
  ],
  filters: { doc: ['forum'], section: ['wang-kai'], author: ['王凯'] },
  meta: { key: 'wang-kai', title: '新质生产力与城市规划改革' },
};
const themes = (n: number) => (n === 1 ? ['cunliang-gengxin'] : []);

describe('hitsOf', () => {
  it('counts word positions as Pagefind does, separators of either kind', () => {
    expect(contentWords(page.raw_content!)).toHaveLength(15);
    expect(contentWords(` a${Z}b c`)).toEqual(['a', 'b', 'c']);
  });

  it('gives each match to the paragraph it falls in, with its section, themes and filters', () => {
    const [p1, ...rest] = hitsOf({ ...page, locations: [5, 6] }, 2, ['存量更新'], themes);
    expect(rest).toEqual([]);
    expect(p1).toMatchObject({
      key: 'wang-kai',
      id: 'p1',
      n: 1,
      href: '/forum/wang-kai/#p1',
      section: '1. 规划改革',
      text: '城市进入存量更新阶段。',
      exact: true,
      occurrences: 1,
      pageScore: 2,
      filters: { doc: ['forum'], section: ['wang-kai'], author: ['王凯'], theme: ['cunliang-gengxin'] },
    });
  });

  it('marks a paragraph with only a piece of the query as partial, with the words that matched', () => {
    const passages = hitsOf({ ...page, locations: [5, 6, 12] }, 1, ['存量更新'], themes);
    expect(passages.map((p) => [p.id, p.exact, p.words])).toEqual([
      ['p1', true, ['存量', '更新', '存量更新']],
      ['p2', false, ['存量']],
    ]);
    expect(markRanges(passages[1]!, ['存量更新'])).toEqual([[4, 6]]);
  });

  it('finds a paragraph that holds the term whole even when Pagefind placed its match elsewhere', () => {
    const passages = hitsOf({ ...page, locations: [3] }, 1, ['城市群'], themes);
    expect(passages.map((p) => [p.id, p.exact])).toEqual([
      ['p1', false],
      ['p2', true],
    ]);
  });

  it('keeps a match in a heading as a passage of its own, without a paragraph number', () => {
    const [heading] = hitsOf({ ...page, locations: [1] }, 1, ['规划'], themes);
    expect(heading).toMatchObject({ id: 's1', href: '/forum/wang-kai/#s1', exact: true, section: '1. 规划改革' });
    expect(heading!.n).toBeUndefined();
    expect(heading!.filters.theme).toEqual([]);
  });
});

/** A passage with what ranking and filtering look at. */
function passage(over: Partial<SearchHit> & { key: string; n: number }): SearchHit {
  return {
    id: `p${over.n}`,
    href: `/${over.key}/#p${over.n}`,
    text: '',
    words: [],
    exact: true,
    occurrences: 1,
    pageScore: 1,
    filters: { doc: ['paper'], author: [], section: [over.key], theme: [] },
    ...over,
  };
}

describe('rankHits', () => {
  it('puts exact passages first, the most occurrences first, then the better page, then reading order', () => {
    const ranked = rankHits([
      passage({ key: 'a', n: 1, exact: false, occurrences: 9 }),
      passage({ key: 'a', n: 3, occurrences: 1, pageScore: 1 }),
      passage({ key: 'b', n: 1, occurrences: 1, pageScore: 5 }),
      passage({ key: 'a', n: 2, occurrences: 4 }),
      passage({ key: 'a', n: 4, occurrences: 1, pageScore: 1 }),
    ]);
    expect(ranked.map((p) => `${p.key}${p.n}`)).toEqual(['a2', 'b1', 'a3', 'a4', 'a1']);
  });

  it('ranks partial passages that hold more of the query’s pieces higher', () => {
    const ranked = rankHits([
      passage({ key: 'a', n: 1, exact: false, words: ['存量'], occurrences: 5 }),
      passage({ key: 'a', n: 2, exact: false, words: ['存量', '更新'], occurrences: 2 }),
    ]);
    expect(ranked.map((p) => p.n)).toEqual([2, 1]);
  });
});

describe('filters and counts', () => {
  const passages = [
    passage({ key: 'paper-1', n: 1, filters: { doc: ['paper'], author: ['马雪松', '柏然'], section: ['paper-1'], theme: ['t1', 't2'] } }),
    passage({ key: 'paper-2', n: 1, filters: { doc: ['paper'], author: ['马雪松', '柏然'], section: ['paper-2'], theme: ['t1'] } }),
    passage({ key: 'wang-kai', n: 4, filters: { doc: ['forum'], author: ['王凯'], section: ['wang-kai'], theme: ['t2'] } }),
  ];

  it('keeps the passages that have every chosen value', () => {
    expect(passages.filter((p) => matchesFilters(p, { doc: 'paper', theme: 't2' })).map((p) => p.key)).toEqual(['paper-1']);
    expect(passages.filter((p) => matchesFilters(p, {}))).toHaveLength(3);
  });

  it('counts each value of a filter under the other filters that are set', () => {
    expect(facetCounts(passages, {}, 'doc')).toEqual(new Map([['paper', 2], ['forum', 1]]));
    expect(facetCounts(passages, { theme: 't2' }, 'doc')).toEqual(new Map([['paper', 1], ['forum', 1]]));
    // The filter's own choice does not narrow its own counts.
    expect(facetCounts(passages, { doc: 'forum' }, 'doc')).toEqual(new Map([['paper', 2], ['forum', 1]]));
    expect(facetCounts(passages, { doc: 'paper' }, 'author')).toEqual(new Map([['马雪松', 2], ['柏然', 2]]));
  });

  it('tallies passages and the pages they are on', () => {
    expect(countHits(passages)).toEqual({ passages: 3, pages: 3 });
    expect(countHits([passages[0]!, passage({ key: 'paper-1', n: 2 })])).toEqual({ passages: 2, pages: 1 });
  });
});
