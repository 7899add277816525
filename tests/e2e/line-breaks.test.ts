/**
 * Titles and names break between words at phone width: nowhere on the site
 * does a line cut 推/进, 城/乡, 一/体化 or 王/兴平. The titles and names are
 * read from the sources and the themes (the essays' titles and experts, the
 * paper's title and authors from the manifest, the forum's title, the theme
 * names) and from the documents' headings; a title's words are jieba's, with
 * the theme terms as its user dictionary, and a name is one word. Every page
 * is opened at 390 px; the reading text itself (paragraphs, notes, quoted
 * passages, citations, the source texts) breaks as running text does, and is
 * left out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { VIEWPORTS } from '../helpers/browser.ts';
import { expectedEssays } from '../helpers/corpus.ts';
import { lineBreaksOnPage, wordBoundaries, wordsCut } from '../helpers/line-breaks.ts';
import { loadPages } from '../helpers/pages.ts';
import { serveBuiltSite } from '../helpers/served-site.ts';
import { ROOT, SOURCES } from '../../scripts/lib/paths.ts';
import type { Theme } from '../../src/lib/schema.ts';
import { jiebaSegmenter } from '../../src/lib/segmenter.ts';

const site = serveBuiltSite();

/** Running text, which may break between any two characters as Chinese text does. */
const RUNNING_TEXT = ['.prose > p', '.footnotes', '.cite-text', '.excerpt', '.cmp-text', '.source-lines', '.sr-only', 'script', 'style', 'noscript'].join(', ');

const content = (...parts: string[]) => readFileSync(path.join(ROOT, 'content', ...parts), 'utf8');
const themes = parseYaml(content('themes.yaml')) as Theme[];
const manifest = JSON.parse(readFileSync(path.join(SOURCES, 'manifest.json'), 'utf8')) as Record<string, { title: string; authors?: string[] }>;
const essays = expectedEssays();

/** The documents' headings (## and ### of the generated Markdown) and the paper's section headings. */
function headings(): string[] {
  const dirs = ['forum', 'paper'];
  return dirs.flatMap((dir) =>
    ['index', ...essays.map((e) => e.slug), '1', '2', '3'].flatMap((name) => {
      let text: string;
      try {
        text = content(dir, `${name}.md`);
      } catch {
        return [];
      }
      const section = /^numeral: (.+)\ntitle: (.+)$/m.exec(text);
      return [...(section ? [`${section[1]}、${section[2]}`] : []), ...[...text.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim())];
    }),
  );
}

const segmenter = jiebaSegmenter(themes);
const titles = [...Object.values(manifest).map((m) => m.title), ...essays.map((e) => e.title), ...themes.map((t) => t.name), ...headings()];
const names = [...essays.map((e) => e.name), ...Object.values(manifest).flatMap((m) => m.authors ?? [])];
const phrases = new Map<string, Set<number>>([
  ...titles.map((t): [string, Set<number>] => [t, wordBoundaries(segmenter.cut(t))]),
  ...names.map((n): [string, Set<number>] => [n, new Set()]),
]);

const addresses = [...loadPages().keys()].filter((url) => url.endsWith('/'));

test('the titles and names to check are found: essays, paper, forum, themes and headings', () => {
  expect(names).toContain('王兴平');
  expect(titles).toContain('新质生产力与城市规划改革');
  expect(titles.length).toBeGreaterThan(essays.length + themes.length + 2 + 11);
});

test.each(addresses)('%s at 390 px: no title or name breaks inside a word', async (address) => {
  await site.withPage({ viewport: VIEWPORTS.phone }, async (page) => {
    await page.goto(site.server.url + address, { waitUntil: 'networkidle' });
    const blocks = await lineBreaksOnPage(page, RUNNING_TEXT);
    expect(wordsCut(blocks, phrases)).toEqual([]);
  });
});
