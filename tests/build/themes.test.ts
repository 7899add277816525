/**
 * The theme views, checked against a plain substring scan: a paragraph is on
 * a theme when its text, as built, contains one of the theme's terms from
 * content/themes.yaml. This recomputes every theme's passages without the
 * ingest's tagger (jieba), so a tagging or rendering error shows up here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { loadPages, page } from '../helpers/pages.ts';
import { ROOT } from '../helpers/paths.ts';

interface Theme {
  id: string;
  name: string;
  terms: string[];
}

const THEMES = parse(readFileSync(path.join(ROOT, 'content', 'themes.yaml'), 'utf8')) as Theme[];

/** The reading pages: every page whose article holds numbered body paragraphs. */
const READING = /^\/(forum|paper)\/([a-z0-9-]+\/)?$/;

/** Document key of a reading page, as theme pages name their groups: forum, wang-kai, paper, paper-2. */
function docKey(url: string): string {
  const [, part, rest] = READING.exec(url)!;
  if (!rest) return part!;
  return part === 'paper' ? `paper-${rest.slice(0, -1)}` : rest.slice(0, -1);
}

/** A paragraph's own text: its margin number and footnote references left out. */
function paragraphText($: CheerioAPI, id: string): string {
  const el = $(`[id="${id}"]`).first().clone();
  el.find('a.pnum, sup, .snum').remove();
  return el.text();
}

interface Paragraph {
  href: string;
  doc: string;
  text: string;
}

const paragraphs: Paragraph[] = [...loadPages().values()]
  .filter((p) => READING.test(p.url))
  .flatMap(({ url, $ }) =>
    $('main [id^="p"]')
      .toArray()
      .map((el) => $(el).attr('id')!)
      .filter((id) => /^p\d+$/.test(id))
      .map((id) => ({ href: `${url}#${id}`, doc: docKey(url), text: paragraphText($, id) })),
  );

const expected = (theme: Theme) => paragraphs.filter((p) => theme.terms.some((term) => p.text.includes(term)));
const byHref = new Map(paragraphs.map((p) => [p.href, p]));

describe('theme pages', () => {
  test('the reading pages have paragraphs to scan', () => {
    expect(paragraphs.length).toBeGreaterThan(100);
  });

  test.each(THEMES.map((t) => [t.name, t]))('%s lists exactly the paragraphs that contain one of its terms', (_, theme) => {
    const { $ } = page(`/themes/${theme.id}/`);
    const listed = $('a.passage-link').toArray().map((a) => $(a).attr('href')!);
    expect(listed.length, 'no passage is listed twice').toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual(expected(theme).map((p) => p.href).sort());
  });

  test.each(THEMES.map((t) => [t.name, t]))('on %s, every passage links to a paragraph holding the terms it marks', (_, theme) => {
    const { $ } = page(`/themes/${theme.id}/`);
    const wrong = $('li.passage')
      .toArray()
      .flatMap((li) => {
        const href = $(li).find('a.passage-link').attr('href')!;
        const target = byHref.get(href);
        if (!target) return [`${href}: no such paragraph`];
        const marks = $(li).find('mark').toArray().map((m) => $(m).text());
        if (marks.length === 0) return [`${href}: no term marked`];
        return marks
          .filter((term) => !theme.terms.includes(term) || !target.text.includes(term))
          .map((term) => `${href}: marks ${term}, which is not a term of the theme found in the paragraph`);
      });
    expect(wrong).toEqual([]);
  });
});

describe('the theme × document table on /themes/', () => {
  const { $ } = page('/themes/');
  const cells = $('table.theme-table td a')
    .toArray()
    .map((a) => {
      const [, id, doc] = /\/themes\/([a-z-]+)\/#([a-z0-9-]+)$/.exec($(a).attr('href')!)!;
      return { id: id!, doc: doc!, count: Number.parseInt($(a).text(), 10) };
    });

  test('has a cell link for every theme and document that share a paragraph, and none for the others', () => {
    const want = THEMES.flatMap((theme) => [...new Set(expected(theme).map((p) => p.doc))].map((doc) => `${theme.id} ${doc}`));
    expect(cells.map((c) => `${c.id} ${c.doc}`).sort()).toEqual(want.sort());
  });

  test('each count equals the paragraphs of that document on the theme, and the passages its theme page lists there', () => {
    const wrong = cells.flatMap(({ id, doc, count }) => {
      const theme = THEMES.find((t) => t.id === id)!;
      const scanned = expected(theme).filter((p) => p.doc === doc).length;
      const { $: themePage } = page(`/themes/${id}/`);
      const listed = themePage(`section[id="${doc}"] a.passage-link`).length;
      return count === scanned && count === listed ? [] : [`${id} × ${doc}: table ${count}, scan ${scanned}, theme page ${listed}`];
    });
    expect(wrong).toEqual([]);
  });

  test('is a real table: a caption, column headers for themes and row headers for documents', () => {
    expect($('table.theme-table caption').text()).not.toBe('');
    expect($('table.theme-table thead th[scope="col"]').length).toBe(THEMES.length);
    expect($('table.theme-table tbody th[scope="row"]').length).toBe(new Set(paragraphs.map((p) => p.doc)).size);
  });
});

describe('theme chips on the reading pages', () => {
  test.each(['/forum/wang-wei/', '/paper/2/'])('%s links to the theme pages of the themes its paragraphs carry', (url) => {
    const { $ } = page(url);
    const doc = docKey(url);
    const linked = new Set(
      $('main a[href^="/themes/"]')
        .toArray()
        .map((a) => /^\/themes\/([a-z-]+)\/(#[a-z0-9-]+)?$/.exec($(a).attr('href')!)?.[1])
        .filter((id): id is string => !!id),
    );
    const carried = THEMES.filter((t) => expected(t).some((p) => p.doc === doc)).map((t) => t.id);
    expect([...linked].sort()).toEqual(carried.sort());
  });
});
