import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { CorpusTheme, SearchCorpus } from '../../../src/lib/search-corpus.ts';
import { closest, namedBy } from '../../../src/client/search/suggest.ts';
import { ROOT } from '../../../scripts/lib/paths.ts';

/** The real themes, and three of the experts. */
const corpus: SearchCorpus = {
  pages: {},
  themes: parse(readFileSync(path.join(ROOT, 'content', 'themes.yaml'), 'utf8')) as CorpusTheme[],
  experts: [
    { name: '王凯', title: '新质生产力与城市规划改革', href: '/forum/wang-kai/', about: '消费 住房 存量更新与城市更新' },
    { name: '王兰', title: '城乡规划学科与新质生产力', href: '/forum/wang-lan/', about: '学科 数字化与智慧城市' },
    { name: '赵燕菁', title: '城市规划与新质生产力', href: '/forum/zhao-yanjing/', about: '土地财政 土地制度与财政' },
  ],
};
const names = (cards: { experts: { name: string }[]; themes: { name: string }[] }) => ({
  experts: cards.experts.map((e) => e.name),
  themes: cards.themes.map((t) => t.name),
});

describe('what a query names', () => {
  it.each([
    [['王凯'], { experts: ['王凯'], themes: [] }],
    [['王凯的观点'], { experts: ['王凯'], themes: [] }],
    [['城市群'], { experts: [], themes: ['城市群与都市圈'] }],
    [['存量更新'], { experts: [], themes: ['存量更新与城市更新'] }],
    [['绿色低碳与韧性'], { experts: [], themes: ['绿色低碳与韧性'] }],
    [['土地财政', '王兰'], { experts: ['王兰'], themes: ['土地制度与财政'] }],
    [['区块链'], { experts: [], themes: [] }],
  ])('%j names %j', (terms, expected) => {
    expect(names(namedBy(terms, corpus))).toEqual(expected);
  });

  it('does not take one character for a theme’s name', () => {
    expect(namedBy(['城'], corpus).themes).toEqual([]);
  });
});

describe('the closest themes and experts', () => {
  it('are those sharing most of the query, pairs of characters counting most', () => {
    const near = closest('智慧交通', corpus, 1);
    expect(names(near)).toEqual({ experts: ['王兰'], themes: ['数字化与智慧城市'] });
  });

  it('are three of each, and the first ones when the query shares nothing', () => {
    const near = closest('Python', corpus);
    expect(near.themes).toEqual(corpus.themes.slice(0, 3));
    expect(near.experts).toEqual(corpus.experts);
  });

  it('leave out the cards already shown for what the query names, and take the next closest', () => {
    const named = namedBy(['城市群'], corpus);
    const near = closest('城市群', corpus, 3, named);
    expect(closest('城市群', corpus, 1).themes, 'the closest theme is the one named').toEqual(named.themes);
    expect(near.themes).not.toContainEqual(named.themes[0]);
    expect(near.themes).toEqual(closest('城市群', corpus, 4).themes.slice(1));
  });
});
