import { describe, expect, it } from 'vitest';
import { countHits, facetCounts, hitOf, lacking, markRanges, matchesFilters, type RecordData, type SearchHit } from '../../../src/client/search/hits.ts';
import type { QueryTerm, RankedHit } from '../../../src/client/search/ranking.ts';
import { encodeRecord, type QueryUnit } from '../../../src/lib/search/words.ts';

const word = (text: string): QueryUnit => ({ text, words: [text], known: true });
const term = (...units: QueryUnit[]): QueryTerm => ({ text: units.map((u) => u.text).join(''), units });

/** A record as Pagefind hands it back: its words, extra words and filters. */
function record(url: string, words: string[], extras: string[] = [], filters: Record<string, string[]> = {}): RecordData {
  return { url, content: encodeRecord(words, extras), filters: { section: ['paper-1'], doc: ['paper'], ...filters } };
}
const ranked = (over: Partial<RankedHit> = {}): RankedHit => ({ id: 'x', terms: [0], matched: [0], exact: true, footnote: false, score: 1, ...over });

describe('hitOf', () => {
  it('makes a paragraph hit from its record: document, number, text and words back, filters', () => {
    const hit = hitOf(ranked(), record('/paper/1/#p3', ['城市群一体化', '是', '人群', '。'], ['城市群'], { author: ['马雪松', '柏然'], theme: ['t1'] }));
    expect(hit).toMatchObject({ key: 'paper-1', kind: 'paragraph', n: 3, href: '/paper/1/#p3', text: '城市群一体化是人群。', extras: ['城市群'], exact: true });
    expect(hit.filters).toEqual({ doc: ['paper'], author: ['马雪松', '柏然'], section: ['paper-1'], theme: ['t1'] });
    expect(hit.citedIn).toBeUndefined();
  });

  it('makes a footnote hit that links to the paragraph citing it', () => {
    const hit = hitOf(ranked(), record('/reader/paper/1/#fn-9', ['方', '创', '琳'], [], { cited: ['p3'] }));
    expect(hit).toMatchObject({ kind: 'footnote', n: 9, citedIn: { n: 3, href: '/reader/paper/1/#p3' } });
  });
});

describe('markRanges: whole words only', () => {
  const text = ['城市群一体化', '与', '人群', '、', '城市', '群体', '和', '城市群', '。'];
  const hit = hitOf(ranked(), record('/paper/1/#p1', text, ['城市群']));

  it('marks the word where it is a word, and inside a longer word where the index holds it there, never in 人群 or across 城市|群体', () => {
    expect(markRanges(hit, [term(word('城市群'))], [word('城市群')]).map(([s, e]) => hit.text.slice(s, e))).toEqual(['城市群', '城市群']);
    expect(markRanges(hit, [term(word('城市群'))], [word('城市群')])).toEqual([
      [0, 3],
      [15, 18],
    ]);
  });

  it('marks a word found only as a word, not inside others, when the index does not hold it inside', () => {
    const plain = hitOf(ranked(), record('/paper/1/#p1', text));
    expect(markRanges(plain, [term(word('城市群'))], [word('城市群')])).toEqual([[15, 18]]);
  });

  it('marks a term of several words where they stand side by side, and in a partial hit the words it holds', () => {
    const t = term(word('城市'), word('群体'));
    expect(markRanges(hit, [t], t.units).map(([s, e]) => hit.text.slice(s, e))).toEqual(['城市群体']);
    const partial = { ...hit, exact: false, terms: [], matched: [0] };
    expect(markRanges(partial, [t], t.units).map(([s, e]) => partial.text.slice(s, e))).toEqual(['城市']);
  });

  it('marks a phrase of single characters only where each is a word of its own', () => {
    const name: QueryUnit = { text: '方创琳', words: ['方', '创', '琳'], known: true };
    const note = hitOf(ranked(), record('/paper/1/#fn-9', ['方', '创', '琳', '、', '方创', '琳']));
    expect(markRanges(note, [term(name)], [name])).toEqual([[0, 3]]);
  });
});

describe('lacking', () => {
  const t1 = term(word('存量'));
  const t2 = term(word('土地财政'));
  const t3 = term(word('创新'), word('基因'));
  it('names the words a partial hit does not hold', () => {
    const hit = { ...hitOf(ranked(), record('/x/#p1', ['土地财政'])), exact: false, terms: [1], matched: [1] };
    expect(lacking(hit, [t1, t2], [word('存量'), word('土地财政')])).toEqual({ words: [word('存量')], apart: [t1] });
  });
  it('names the terms whose words it holds apart', () => {
    const hit = { ...hitOf(ranked(), record('/x/#p1', ['基因', '与', '创新'])), exact: false, terms: [], matched: [0, 1] };
    expect(lacking(hit, [t3], t3.units)).toEqual({ words: [], apart: [t3] });
  });
});

/** A hit with what filtering looks at. */
function hit(key: string, filters: SearchHit['filters']): SearchHit {
  return { ...hitOf(ranked(), record(`/${key}/#p1`, ['x'])), key, filters };
}

describe('filters and counts', () => {
  const hits = [
    hit('paper-1', { doc: ['paper'], author: ['马雪松', '柏然'], section: ['paper-1'], theme: ['t1', 't2'] }),
    hit('paper-2', { doc: ['paper'], author: ['马雪松', '柏然'], section: ['paper-2'], theme: ['t1'] }),
    hit('wang-kai', { doc: ['forum'], author: ['王凯'], section: ['wang-kai'], theme: ['t2'] }),
  ];

  it('keeps the hits that have every chosen value', () => {
    expect(hits.filter((h) => matchesFilters(h, { doc: 'paper', theme: 't2' })).map((h) => h.key)).toEqual(['paper-1']);
    expect(hits.filter((h) => matchesFilters(h, {}))).toHaveLength(3);
  });

  it('counts for each value of a filter what choosing it would list, the other filters applying', () => {
    expect(facetCounts(hits, {}, 'doc')).toEqual(new Map([['paper', 2], ['forum', 1]]));
    expect(facetCounts(hits, { theme: 't2' }, 'doc')).toEqual(new Map([['paper', 1], ['forum', 1]]));
    // The filter's own choice does not narrow its own counts: choosing another value replaces it.
    expect(facetCounts(hits, { doc: 'forum' }, 'doc')).toEqual(new Map([['paper', 2], ['forum', 1]]));
    expect(facetCounts(hits, { doc: 'paper' }, 'author')).toEqual(new Map([['马雪松', 2], ['柏然', 2]]));
  });

  it('tallies hits and the documents they are in', () => {
    expect(countHits(hits)).toEqual({ passages: 3, pages: 3 });
    expect(countHits([hits[0]!, hit('paper-1', hits[0]!.filters)])).toEqual({ passages: 2, pages: 1 });
  });
});
