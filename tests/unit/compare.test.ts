/**
 * Two essays side by side (src/lib/compare.ts), on every pair of the real
 * essays: every passage shown in full once, under a theme it carries that
 * both discuss, or among what only one discusses; facing passages wherever a
 * passage can be spared to face another.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Passage, Theme } from '../../src/lib/schema.ts';
import { align, inOrder, pairsOf, placeOf, type Alignment } from '../../src/lib/compare.ts';
import { inverseFrequencies } from '../../src/lib/related.ts';
import { expectedEssays } from '../helpers/corpus.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const passages = JSON.parse(readFileSync(join(CONTENT, 'passages.json'), 'utf8')) as Passage[];
const order = (parse(readFileSync(join(CONTENT, 'themes.yaml'), 'utf8')) as Theme[]).map((t) => t.id);
const weights = inverseFrequencies(passages.map((p) => p.themes.map((t) => t.id)));
const slugs = expectedEssays().map((e) => e.slug);
const of = (slug: string) => passages.filter((p) => p.doc === slug);
const themesOf = (ps: Passage[]) => new Set(ps.flatMap((p) => p.themes.map((t) => t.id)));
const carries = (p: Passage, theme: string) => p.themes.some((t) => t.id === theme);
const pairs = pairsOf(slugs);

describe('pairs', () => {
  it('are every two of the 11 essays once, the one the forum prints first on the left: 55', () => {
    expect(pairs.length).toBe((slugs.length * (slugs.length - 1)) / 2);
    expect(new Set(pairs.map((p) => p.join('/'))).size).toBe(pairs.length);
    for (const [a, b] of pairs) expect(slugs.indexOf(a), `${a}/${b}`).toBeLessThan(slugs.indexOf(b));
  });

  it('put either choice of two experts in the forum’s order', () => {
    expect(inOrder('zhao-yanjing', 'wang-kai', slugs)).toEqual(['wang-kai', 'zhao-yanjing']);
    expect(inOrder('wang-kai', 'zhao-yanjing', slugs)).toEqual(['wang-kai', 'zhao-yanjing']);
    expect(() => inOrder('wang-kai', 'nobody', slugs)).toThrow(/nobody/);
  });
});

describe.each(pairs)('%s beside %s', (a, b) => {
  const [left, right] = [of(a), of(b)];
  const aligned: Alignment = align(left, right, weights, order);
  const shown = (side: 'a' | 'b') => [...aligned.rows.flatMap((r) => r[side]), ...(side === 'a' ? aligned.onlyA : aligned.onlyB)];

  it('sets out as shared exactly the themes both essays carry somewhere', () => {
    const [ta, tb] = [themesOf(left), themesOf(right)];
    expect(new Set(aligned.shared)).toEqual(new Set([...ta].filter((t) => tb.has(t))));
    expect(aligned.onlyThemesA.every((t) => ta.has(t) && !tb.has(t))).toBe(true);
    expect(aligned.onlyThemesB.every((t) => tb.has(t) && !ta.has(t))).toBe(true);
  });

  it('shows every passage of both in full exactly once', () => {
    expect(shown('a').map((p) => p.id).sort()).toEqual(left.map((p) => p.id).sort());
    expect(shown('b').map((p) => p.id).sort()).toEqual(right.map((p) => p.id).sort());
  });

  it('places a passage under a shared theme it carries, and among the “only” ones only when it carries none', () => {
    for (const row of aligned.rows) for (const p of [...row.a, ...row.b]) expect(carries(p, row.theme), `${p.id} under ${row.theme}`).toBe(true);
    for (const p of [...aligned.onlyA, ...aligned.onlyB]) expect(aligned.shared.some((t) => carries(p, t)), p.id).toBe(false);
  });

  it('gives each theme row something of both essays: passages placed there, or passages on it shown in full elsewhere', () => {
    for (const row of aligned.rows) {
      expect(row.a.length + row.aElsewhere.length, `${row.theme}: ${a}`).toBeGreaterThan(0);
      expect(row.b.length + row.bElsewhere.length, `${row.theme}: ${b}`).toBeGreaterThan(0);
      for (const p of [...row.aElsewhere, ...row.bElsewhere]) expect(carries(p, row.theme) && ![...row.a, ...row.b].includes(p)).toBe(true);
    }
  });

  it('lets a theme lack one essay’s passages only when none of that essay’s passages on it can be spared from where it stands', () => {
    const placedUnder = new Map(aligned.rows.flatMap((r) => [...r.a, ...r.b].map((p): [string, string] => [p.id, r.theme])));
    const count = (side: Passage[], theme: string) => side.filter((p) => placedUnder.get(p.id) === theme).length;
    for (const row of aligned.rows) {
      for (const [side, elsewhere, placed] of [
        [left, row.aElsewhere, row.a],
        [right, row.bElsewhere, row.b],
      ] as const) {
        if (placed.length > 0) continue;
        for (const p of elsewhere) expect(count(side, placedUnder.get(p.id)!), `${p.id} could face the other essay under ${row.theme}`).toBe(1);
      }
    }
  });
});

describe('placeOf', () => {
  it('never places a passage under 新质生产力, the forum’s subject, when it names another shared theme’s terms as often', () => {
    const cases = passages.flatMap((p) => {
      const xinzhi = p.themes.find((t) => t.id === 'xinzhi-shengchanli');
      return xinzhi ? p.themes.filter((t) => t !== xinzhi && t.matches.length >= xinzhi.matches.length).map((t) => ({ p, other: t.id })) : [];
    });
    expect(cases.length, 'passages that name 新质生产力 and another theme as often').toBeGreaterThan(10);
    for (const { p, other } of cases) expect(placeOf(p, new Set(['xinzhi-shengchanli', other]), weights, order), p.id).toBe(other);
  });

  it('places a passage nowhere when it carries none of the themes', () => {
    const p = passages.find((x) => !carries(x, 'chengshiqun-dushiquan'))!;
    expect(placeOf(p, new Set(['chengshiqun-dushiquan']), weights, order)).toBeUndefined();
  });
});
