import { describe, expect, it } from 'vitest';
import { fold, parseTerms, snippet } from '../../../src/client/search/text.ts';

describe('parseTerms', () => {
  // Spaces and punctuation separate terms; a term is found as a phrase.
  it.each([
    ['存量更新', ['存量更新']],
    ['城市群 土地财政', ['城市群', '土地财政']],
    ['城市群　土地财政', ['城市群', '土地财政']],
    ['  “存量更新”  ', ['存量更新']],
    ['"城市群" 城市群', ['城市群']],
    ['国土空间治理内涵及实现路径——基于“要素—结构”视角', ['国土空间治理内涵及实现路径', '基于', '要素', '结构', '视角']],
    ['约瑟夫·熊彼特', ['约瑟夫', '熊彼特']],
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

  it('never cuts a marked stretch: the snippet ends after the last one it reaches into', () => {
    const cut = snippet(text, [[100, 104]], 12, 10);
    expect(cut.parts.at(-1)).toEqual({ text: '存量更新', mark: true });
    expect(cut.after).toBe(true);
  });

  it('keeps a full-length window near the end of the text', () => {
    const cut = snippet(text, [[200, 204]], 40, 10);
    expect(cut.after).toBe(false);
    expect(cut.parts.map((p) => p.text).join('')).toHaveLength(40);
  });
});
