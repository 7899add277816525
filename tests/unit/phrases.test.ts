/**
 * Where titles may break (src/lib/phrases.ts): on every title and heading of
 * the corpus, read from the sources and the generated documents, a break
 * never cuts a theme term or one of the words the issue found cut (推进,
 * 城乡, 一体化), never leaves a particle or closing punctuation at the start
 * of a line, nor opening punctuation at its end.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Theme } from '../../src/lib/schema.ts';
import { groupPhrases, phrases } from '../../src/lib/phrases.ts';
import { expectedEssays } from '../helpers/corpus.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const themes = parse(readFileSync(join(CONTENT, 'themes.yaml'), 'utf8')) as Theme[];
const manifest = JSON.parse(readFileSync(join(CONTENT, 'sources', 'manifest.json'), 'utf8')) as Record<string, { title: string }>;
const headings = ['forum', 'paper'].flatMap((dir) =>
  readdirSync(join(CONTENT, dir))
    .filter((f) => f.endsWith('.md'))
    .flatMap((f) => [...readFileSync(join(CONTENT, dir, f), 'utf8').matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim())),
);
const titles = [...Object.values(manifest).map((m) => m.title), ...expectedEssays().map((e) => e.title), ...themes.map((t) => t.name), ...headings];

/** Words no line may cut: the theme terms, and the words the issue found cut. */
const WHOLE = [...new Set([...themes.flatMap((t) => t.terms), '推进', '城乡', '一体化'])];

/** The offsets in `text` where a line may break, between the phrases. */
function breaks(parts: string[]): number[] {
  let at = 0;
  return parts.slice(0, -1).map((p) => (at += p.length));
}

describe('phrases of the corpus’s titles and headings', () => {
  it('are read: the essays’ titles, the paper’s and the forum’s, the theme names and every heading', () => {
    expect(titles).toContain('以规划创新培育新质空间力');
    expect(headings.length).toBeGreaterThan(10);
  });

  it('join back into the title', () => {
    for (const title of titles) expect(phrases(title).join('')).toBe(title);
  });

  it('never cut a theme term, 推进, 城乡 or 一体化', () => {
    const cut = titles.flatMap((title) => {
      const at = breaks(phrases(title));
      return WHOLE.flatMap((word) => {
        const found: string[] = [];
        for (let i = title.indexOf(word); i >= 0; i = title.indexOf(word, i + 1)) {
          const inside = at.find((b) => b > i && b < i + word.length);
          if (inside !== undefined) found.push(`${title.slice(0, inside)}|${title.slice(inside)}`);
        }
        return found;
      });
    });
    expect(cut).toEqual([]);
  });

  it('start no line with a particle or closing punctuation, and end none with opening punctuation', () => {
    const bad = titles.flatMap((title) =>
      phrases(title).flatMap((p, i, all) => {
        const starts = i > 0 && /^[的了之，。、；：！？）」”》,.:;)]/.test(p);
        const ends = i < all.length - 1 && /[（「“《(]$/.test(p);
        return starts || ends ? [all.join('|')] : [];
      }),
    );
    expect(bad).toEqual([]);
  });

  it('keep the particle with the word before and the preposition with the word after, as in a title of the forum', () => {
    expect(phrases('新质生产力与城市规划改革')).toEqual(['新质生产力', '与城市规划', '改革']);
  });
});

describe('groupPhrases', () => {
  const t = (word: string, tag: string) => ({ word, tag });

  it('joins particles and closing punctuation to the word before', () => {
    expect(groupPhrases([t('发展', 'vn'), t('的', 'uj'), t('空间', 'n'), t('，', 'x'), t('规划', 'n')])).toEqual(['发展的', '空间，', '规划']);
  });

  it('joins one-character prepositions and conjunctions, and opening punctuation, to the word after', () => {
    expect(groupPhrases([t('以', 'p'), t('规划', 'n'), t('“', 'x'), t('双向', 'd'), t('奔赴', 'v'), t('”', 'x')])).toEqual(['以规划', '“双向', '奔赴”']);
  });

  it('keeps a space with the word before it, where the browser breaks anyway', () => {
    expect(groupPhrases([t('1.', 'm'), t(' ', 'x'), t('城市', 'n')])).toEqual(['1. ', '城市']);
  });

  it('leaves an empty title empty', () => {
    expect(groupPhrases([])).toEqual([]);
  });
});
