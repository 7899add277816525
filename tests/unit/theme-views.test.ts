import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Passage, Theme } from '../../src/lib/schema.ts';
import {
  countByDoc,
  excerpt,
  HEAT_LEGEND,
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

/**
 * The themes each paragraph carries, by the rule themes.yaml states: those
 * with a term its text contains. Read from the texts and the terms, not from the
 * tags the ingest wrote, so the counts below are checked against the texts.
 */
const themesIn = new Map(passages.map((p) => [p, themes.filter((t) => t.terms.some((term) => p.text.includes(term))).map((t) => t.id)]));
const carrying = (themeId: string) => passages.filter((p) => themesIn.get(p)!.includes(themeId));

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
    expect(shown.startsWith('一方面，⟦城市群一体化⟧发展强调')).toBe(true);
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
  it.each(ids)('counts the paragraphs of each document whose text holds a term of %s, and leaves out documents without one', (id) => {
    const expected = new Map<string, number>();
    for (const p of carrying(id)) expected.set(p.doc, (expected.get(p.doc) ?? 0) + 1);
    expect(expected.size, `${id} is in some paragraph`).toBeGreaterThan(0);
    expect(Object.fromEntries(countByDoc(passages, id))).toEqual(Object.fromEntries(expected));
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

  it.each(themes.map((t) => [t.id, t] as const))('lists every term of %s once with its matches, most first, ties in the theme’s order', (_, theme) => {
    const counts = termCounts(passages, theme.id, theme.terms);
    expect(counts.map((c) => c.term).sort()).toEqual([...theme.terms].sort());
    for (const { term, count } of counts) {
      expect(count, term).toBe(passages.flatMap((p) => matchesOf(p, theme.id)).filter((m) => m.term === term).length);
    }
    const order = (term: string) => theme.terms.indexOf(term);
    for (const [a, b] of counts.slice(1).map((c, i) => [counts[i]!, c] as const)) {
      expect(a.count > b.count || (a.count === b.count && order(a.term) < order(b.term)), `${a.term} before ${b.term}`).toBe(true);
    }
  });

  it.each(ids)('finds the themes that share paragraphs with %s, most shared first, ties in the order of themes.yaml', (id) => {
    const shared = ids
      .filter((other) => other !== id)
      .map((other) => ({ id: other, shared: carrying(id).filter((p) => themesIn.get(p)!.includes(other)).length }))
      .filter((r) => r.shared > 0);
    const expected = [...shared].sort((a, b) => b.shared - a.shared); // a stable sort keeps themes.yaml's order in ties
    expect(relatedThemes(passages, id, ids)).toEqual(expected);
  });

  it('lists a term without matches, at 0, and ranks terms matched as often in the theme’s order, not the order first met', () => {
    const p = (n: number, terms: string[]): Passage => ({
      id: `x:p${n}`,
      doc: 'x',
      p: n,
      from: 1,
      to: 1,
      text: '',
      words: [],
      themes: [{ id: 't', matches: terms.map((term, at) => ({ term, at })) }],
    });
    expect(termCounts([p(1, ['d', 'c']), p(2, ['c', 'a'])], 't', ['a', 'b', 'c', 'd'])).toEqual([
      { term: 'c', count: 2 },
      { term: 'a', count: 1 },
      { term: 'd', count: 1 },
      { term: 'b', count: 0 },
    ]);
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

describe('the shades of the theme × document table', () => {
  /** The counts a legend label names: 1段 → [1, 1], 3–4段 → [3, 4], 5段以上 → [5, ∞]. */
  const rangeOf = (label: string): [number, number] => {
    const m = /^(\d+)(?:–(\d+))?段(以上)?$/.exec(label);
    if (!m) throw new Error(`legend label ${label}: expected 1段, 3–4段 or 5段以上`);
    return [Number(m[1]), m[3] ? Infinity : Number(m[2] ?? m[1])];
  };
  const legend = HEAT_LEGEND.map(({ level, label }) => ({ level, range: rangeOf(label) }));
  const cells = ids.flatMap((id) => [...countByDoc(passages, id).values()]);

  it('has a legend whose ranges follow on from 1 without gap or overlap, the last open-ended', () => {
    expect(legend[0]!.range[0]).toBe(1);
    for (const [a, b] of legend.slice(1).map((l, i) => [legend[i]!, l] as const)) expect(b.range[0]).toBe(a.range[1] + 1);
    expect(legend.at(-1)!.range[1]).toBe(Infinity);
  });

  it('shades every count a cell of the corpus’s table has, and up to twice the largest, as the legend says', () => {
    const upTo = 2 * Math.max(...cells, legend.at(-1)!.range[0]);
    for (let count = 1; count <= upTo; count++) {
      const shade = legend.find(({ range: [from, to] }) => from <= count && count <= to)!;
      expect(heatLevel(count), `${count} paragraphs`).toBe(shade.level);
    }
  });

  it('leaves a cell without paragraphs unshaded', () => {
    expect(heatLevel(0)).toBe(0);
  });
});
