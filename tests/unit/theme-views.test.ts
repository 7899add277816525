import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Passage, Theme } from '../../src/lib/schema.ts';
import {
  countByDoc,
  excerpt,
  heatLevel,
  matchesOf,
  relatedThemes,
  sentences,
  termCounts,
  topDocs,
  type Run,
} from '../../src/lib/theme-views.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const passages = JSON.parse(readFileSync(join(CONTENT, 'passages.json'), 'utf8')) as Passage[];
const themes = parse(readFileSync(join(CONTENT, 'themes.yaml'), 'utf8')) as Theme[];
const ids = themes.map((t) => t.id);
const passage = (id: string) => passages.find((p) => p.id === id)!;

/** An excerpt as a reader sees it, terms in ⟦⟧ (brackets the corpus never uses). */
const show = (runs: Run[]) => runs.map((r) => (r.kind === 'term' ? `⟦${r.text}⟧` : r.text)).join('');

describe('sentences', () => {
  it('cut every paragraph of the corpus into sentences that together are the paragraph', () => {
    for (const p of passages) {
      const cut = sentences(p.text);
      expect(cut.map(([a, b]) => p.text.slice(a, b)).join(''), p.id).toBe(p.text);
      expect(cut.every(([a, b]) => b > a), `${p.id}: no empty sentence`).toBe(true);
    }
  });

  it('end a sentence after its closing quote', () => {
    const text = '他说：“要更新。”随后离开。';
    expect(sentences(text).map(([a, b]) => text.slice(a, b))).toEqual(['他说：“要更新。”', '随后离开。']);
  });
});

describe('excerpt', () => {
  it('shows only the sentence with the term, marked, and …… where the paragraph goes on before it (王凯, ¶2)', () => {
    const p = passage('wang-kai:p2');
    expect(show(excerpt(p.text, matchesOf(p, 'xinzhi-shengchanli')))).toBe('……因此从规划建设的视角来看，推动⟦新质生产力⟧的发展是时代的需要。');
  });

  it('marks every term of the theme in the sentence that holds them (于涛方, ¶8, 城市群与都市圈)', () => {
    const p = passage('yu-taofang:p8');
    expect(show(excerpt(p.text, matchesOf(p, 'chengshiqun-dushiquan')))).toBe(
      '……由于韧性、集聚性等效应，城市（地区）规模越大、等级越高，科技创新和创意产出越高，资源配置转换的速度越快，风险越低，因此，在“十五五”乃至更长的未来，⟦都市圈⟧（或巨型城市区）和⟦城市群⟧（或巨型区）都应该成为中国新质生产力“基础设施”和公共资源投入、公共政策投入的重中之重，尤其是这些地区的核心城区。',
    );
  });

  it('leaves out a sentence without the term between two with it, and shows the gap (paper, section 2, ¶3)', () => {
    const p = passage('paper-2:p3');
    const shown = show(excerpt(p.text, matchesOf(p, 'chengshiqun-dushiquan')));
    expect(shown.startsWith('一方面,⟦城市群一体化⟧发展强调')).toBe(true);
    expect(shown).toContain('经济增长与生态保护。……⟦城市群⟧规划作为国家规划体系');
    expect(shown).not.toContain('国家规划体系可大致划分为');
  });

  it('marks every match of every passage and keeps the text between them as it is', () => {
    for (const p of passages) {
      for (const { id, matches } of p.themes) {
        const runs = excerpt(p.text, matches);
        expect(runs.filter((r) => r.kind === 'term').map((r) => r.text), `${p.id} ${id}`).toEqual(
          [...matches].sort((a, b) => a.at - b.at).map((m) => m.term),
        );
        const pieces = show(runs).replace(/[⟦⟧]/g, '').split('……').filter(Boolean);
        for (const piece of pieces) expect(p.text, `${p.id} ${id}`).toContain(piece);
      }
    }
  });

  it('refuses a match whose offset does not point at its term', () => {
    const p = passage('wang-kai:p2');
    expect(() => excerpt(p.text, [{ term: '新质生产力', at: 3 }])).toThrow(/新质生产力 is not at offset 3/);
  });
});

describe('counts across the corpus', () => {
  it('counts the paragraphs of each document on a theme: 城市群与都市圈 is in one essay and in all parts of the paper', () => {
    expect(Object.fromEntries(countByDoc(passages, 'chengshiqun-dushiquan'))).toEqual({ 'yu-taofang': 1, paper: 2, 'paper-1': 4, 'paper-2': 7, 'paper-3': 4 });
  });

  it('ranks the documents by paragraphs on the theme, ties in reading order', () => {
    const counts = new Map([
      ['b', 2],
      ['a', 3],
      ['c', 2],
    ]);
    expect(topDocs(counts, ['c', 'a', 'b', 'd'])).toEqual([
      { doc: 'a', count: 3 },
      { doc: 'c', count: 2 },
      { doc: 'b', count: 2 },
    ]);
  });

  it('counts each term’s matches, most first, and the counts add up to the theme’s matches', () => {
    const theme = themes.find((t) => t.id === 'chengshiqun-dushiquan')!;
    const counts = termCounts(passages, theme.id, theme.terms);
    expect(counts[0]).toEqual({ term: '城市群', count: expect.any(Number) });
    expect(counts.map((c) => c.count)).toEqual([...counts.map((c) => c.count)].sort((a, b) => b - a));
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(passages.reduce((n, p) => n + matchesOf(p, theme.id).length, 0));
  });

  it('finds 国土空间规划与治理 and 区域协调与空间正义 the themes most often in the same paragraph as 城市群与都市圈', () => {
    const related = relatedThemes(passages, 'chengshiqun-dushiquan', ids);
    expect(related.slice(0, 2).map((r) => r.id)).toEqual(['guotu-kongjian-zhili', 'quyu-xietiao']);
    const both = passages.filter((p) => matchesOf(p, 'chengshiqun-dushiquan').length && matchesOf(p, 'guotu-kongjian-zhili').length);
    expect(related[0]!.shared).toBe(both.length);
  });

  it('ranks related themes that share as many paragraphs in the order of themes.yaml', () => {
    const p = (id: string, themeIds: string[]): Passage => ({
      id: `x:p${id}`,
      doc: 'x',
      p: Number(id),
      from: 1,
      to: 1,
      text: '',
      themes: themeIds.map((t) => ({ id: t, matches: [{ term: t, at: 0 }] })),
      words: [],
    });
    const tagged = [p('1', ['a', 'c']), p('2', ['a', 'b']), p('3', ['a', 'c'])];
    expect(relatedThemes(tagged, 'a', ['a', 'b', 'c', 'd'])).toEqual([
      { id: 'c', shared: 2 },
      { id: 'b', shared: 1 },
    ]);
    expect(relatedThemes([...tagged, p('4', ['a', 'b'])], 'a', ['a', 'b', 'c']).map((r) => r.id)).toEqual(['b', 'c']);
  });
});

describe('heatLevel', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 2],
    [3, 3],
    [4, 3],
    [5, 4],
    [11, 4],
  ])('shades a cell of %i paragraphs at level %i', (count, level) => {
    expect(heatLevel(count)).toBe(level);
  });
});
