import { describe, expect, it } from 'vitest';
import { pagefindQueries, rankMatches, readVocabulary, termsOf, unitsOf } from '../../../src/client/search/ranking.ts';
import { packWords } from '../../../src/lib/search/words.ts';

const vocabulary = readVocabulary(packWords(['存量', '土地财政', '创新', '基因', '城市群']), '方创琳群的');

describe('termsOf and pagefindQueries', () => {
  it('cuts each term into units; a term of one word is asked whole, a term of several also side by side', () => {
    const terms = termsOf('存量 创新基因 方创琳', vocabulary);
    expect(terms.map((t) => t.units.map((u) => u.text))).toEqual([['存量'], ['创新', '基因'], ['方创琳']]);
    expect(pagefindQueries(terms[0]!.units)).toEqual({ scored: '存量_' });
    expect(pagefindQueries(terms[1]!.units)).toEqual({ scored: '创新_ 基因_', adjacent: '"创新_ 基因_"' });
    expect(pagefindQueries(terms[2]!.units)).toEqual({ scored: '方_ 创_ 琳_', adjacent: '"方_ 创_ 琳_"' });
  });

  it('lists each unit of the query once', () => {
    expect(unitsOf(termsOf('创新 创新基因', vocabulary)).map((u) => u.text)).toEqual(['创新', '基因']);
  });
});

describe('rankMatches', () => {
  const none = new Set<string>();

  it('puts hits holding every term first, then those holding more units, each by score', () => {
    const terms = termsOf('存量 土地财政', vocabulary);
    const ranked = rankMatches(
      terms,
      [
        [
          { id: 'both', score: 1 },
          { id: 'stock', score: 9 },
        ],
        [
          { id: 'both', score: 1 },
          { id: 'land', score: 3 },
        ],
      ],
      [[], []],
      none,
    );
    expect(ranked.map((h) => [h.id, h.exact, h.terms, h.matched])).toEqual([
      ['both', true, [0, 1], [0, 1]],
      ['stock', false, [0], [0]],
      ['land', false, [1], [1]],
    ]);
  });

  it('keeps no partial hit that shares only a single character with the query', () => {
    const terms = termsOf('城市群 的', vocabulary);
    const ranked = rankMatches(terms, [[{ id: 'a', score: 1 }], [{ id: 'a', score: 1 }, { id: 'b', score: 5 }]], [[], []], none);
    expect(ranked.map((h) => h.id)).toEqual(['a']);
  });

  it('a query of one character finds that character', () => {
    const ranked = rankMatches(termsOf('群', vocabulary), [[{ id: 'a', score: 1 }]], [[]], none);
    expect(ranked.map((h) => [h.id, h.exact])).toEqual([['a', true]]);
  });

  it('counts a hit with the words of a term apart as partial, through those words', () => {
    const terms = termsOf('创新基因', vocabulary);
    const ranked = rankMatches(terms, [[{ id: 'together', score: 1 }]], [[{ id: 'apart', score: 2 }], [{ id: 'apart', score: 2 }, { id: 'gene', score: 1 }]], none);
    expect(ranked.map((h) => [h.id, h.exact, h.matched])).toEqual([
      ['together', true, [0, 1]],
      ['apart', false, [0, 1]],
      ['gene', false, [1]],
    ]);
  });

  it('puts the body’s paragraphs before footnotes holding as much, whatever the scores', () => {
    const terms = termsOf('城市群', vocabulary);
    const ranked = rankMatches(terms, [[{ id: 'note', score: 9 }, { id: 'para', score: 1 }]], [[]], new Set(['note']));
    expect(ranked.map((h) => h.id)).toEqual(['para', 'note']);
  });
});
