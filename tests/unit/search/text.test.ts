import { describe, expect, it } from 'vitest';
import { containsAll, countOccurrences, findRanges, fold, hasHan, parseTerms, snippet } from '../../../src/client/search/text.ts';

describe('parseTerms', () => {
  it.each([
    ['存量更新', ['存量更新']],
    ['城市群 土地财政', ['城市群', '土地财政']],
    ['城市群　土地财政', ['城市群', '土地财政']],
    ['  “存量更新”  ', ['存量更新']],
    ['"城市群" 城市群', ['城市群']],
    ['', []],
    ['   ', []],
  ])('splits %j into %j', (query, terms) => {
    expect(parseTerms(query)).toEqual(terms);
  });
});

describe('fold', () => {
  it('lowercases ASCII and makes full-width ASCII half-width, one character for one', () => {
    expect(fold('Castells')).toBe('castells');
    expect(fold('ＧＤＰ占比')).toBe('gdp占比');
    expect(fold('城市羣').length).toBe(3);
  });
});

describe('finding terms', () => {
  const text = '从“扩张发展”到“存量更新”是判断，存量更新与存量空间';

  it('finds every occurrence, whatever the case', () => {
    expect(findRanges(text, ['存量更新'])).toEqual([
      [9, 13],
      [18, 22],
    ]);
    expect(findRanges('Castells说castells', ['CASTELLS'])).toEqual([
      [0, 8],
      [9, 17],
    ]);
  });

  it('merges overlapping matches of different words into one range', () => {
    expect(findRanges('城市群一体化', ['城市', '城市群', '群一体'])).toEqual([[0, 5]]);
  });

  it('says whether every term is there whole, and how often the terms occur', () => {
    expect(containsAll(text, ['存量更新', '扩张'])).toBe(true);
    expect(containsAll(text, ['存量更新', '城市群'])).toBe(false);
    expect(countOccurrences(text, ['存量'])).toBe(3);
  });

  it('tells Chinese text from other text', () => {
    expect(hasHan('城市羣')).toBe(true);
    expect(hasHan('Castells')).toBe(false);
  });
});

describe('snippet', () => {
  const text = '甲'.repeat(100) + '存量更新' + '乙'.repeat(100);

  it('cuts around the first match, marks it, and says text was left out on both sides', () => {
    const cut = snippet(text, [[100, 104]], 40, 10);
    expect(cut.before).toBe(true);
    expect(cut.after).toBe(true);
    expect(cut.parts.map((p) => p.text).join('')).toHaveLength(40);
    expect(cut.parts).toContainEqual({ text: '存量更新', mark: true });
    expect(cut.parts[0]).toEqual({ text: '甲'.repeat(10), mark: false });
  });

  it('shows a short passage whole', () => {
    const cut = snippet('短段落里的存量更新。', [[5, 9]]);
    expect(cut).toEqual({
      parts: [
        { text: '短段落里的', mark: false },
        { text: '存量更新', mark: true },
        { text: '。', mark: false },
      ],
      before: false,
      after: false,
    });
  });

  it('keeps a full-length window near the end of the text', () => {
    const cut = snippet(text, [[200, 204]], 40, 10);
    expect(cut.after).toBe(false);
    expect(cut.parts.map((p) => p.text).join('')).toHaveLength(40);
  });
});
