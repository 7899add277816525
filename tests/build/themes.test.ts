/**
 * The theme views in the built site, checked against a tagging recomputed
 * here, independently of the ingest: the terms come from content/themes.yaml,
 * the paragraphs from the built reading pages in dist/, and a paragraph is on
 * a theme when its text contains one of the theme's terms (a plain substring
 * scan, no jieba).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { SLUGS } from '../helpers/corpus.ts';
import { page, type BuiltPage } from '../helpers/pages.ts';
import { ROOT } from '../../scripts/lib/paths.ts';

interface Theme {
  id: string;
  name: string;
  description: string;
  terms: string[];
}

const themes = parse(readFileSync(path.join(ROOT, 'content', 'themes.yaml'), 'utf8')) as Theme[];
const themeUrl = (t: Theme) => `/themes/${t.id}/`;

/** The reading pages, in reading order: the editor's note, the essays, the paper's introduction and sections. */
const READING = ['/forum/', ...Object.values(SLUGS).map((s) => `/forum/${s}/`), '/paper/', '/paper/1/', '/paper/2/', '/paper/3/'];

interface Paragraph {
  /** `/forum/wang-kai/#p3` */
  address: string;
  page: string;
  text: string;
}

/** A built paragraph's own text: without its margin number and footnote references. */
function ownText(p: BuiltPage, id: string): string {
  const el = p.$('[id]').filter((_, e) => p.$(e).attr('id') === id).first().clone();
  el.find(`a[href="#${id}"], sup:has(a[data-footnote-ref]), a[data-footnote-ref]`).remove();
  return el.text();
}

const paragraphs: Paragraph[] = READING.flatMap((url) => {
  const p = page(url);
  return p
    .$('main [id]')
    .toArray()
    .map((el) => p.$(el).attr('id')!)
    .filter((id) => /^p\d+$/.test(id))
    .map((id) => ({ address: `${url}#${id}`, page: url, text: ownText(p, id) }));
});
const byAddress = new Map(paragraphs.map((p) => [p.address, p]));

/** The paragraphs a theme must list: those whose text contains one of its terms, in reading order. */
const expectedOn = (t: Theme) => paragraphs.filter((p) => t.terms.some((term) => p.text.includes(term)));

interface Listed {
  address: string;
  marked: string[];
  /** The id of the section it is listed under (the document's group). */
  group: string | undefined;
}

const listed = new Map<string, Listed[]>();

/** The passages a theme page lists: its links to a paragraph of a reading page, each with the terms marked beside it. */
function listedOn(t: Theme): Listed[] {
  const hit = listed.get(t.id);
  if (hit) return hit;
  const { $ } = page(themeUrl(t));
  const found = $('main a[href]')
    .toArray()
    .filter((a) => byAddress.has($(a).attr('href')!))
    .map((a) => {
      const item = $(a).closest('li');
      return {
        address: $(a).attr('href')!,
        marked: item.find('mark').toArray().map((m) => $(m).text()),
        group: $(a).closest('section[id]').attr('id'),
      };
    });
  listed.set(t.id, found);
  return found;
}

/** The text of a page element as a number: its digits (screen-reader words left in). */
const numberIn = (text: string) => Number(text.replace(/\D/g, '') || '0');

test('content/themes.yaml has the themes the views are checked for', () => {
  expect(themes.length).toBeGreaterThanOrEqual(12);
  expect(paragraphs.length, 'numbered paragraphs on the reading pages').toBeGreaterThan(100);
});

describe('/themes/', () => {
  const { $ } = page('/themes/');

  test('lists every theme of content/themes.yaml, in its order, with its description, each linking to its page', () => {
    const main = $('main');
    const links = main.find('a[href^="/themes/"]').toArray().map((a) => $(a).attr('href')!);
    const firstLinks = [...new Set(links.filter((h) => /^\/themes\/[^/#]+\/$/.test(h)))];
    expect(firstLinks).toEqual(themes.map(themeUrl));
    for (const t of themes) expect(main.text(), `the description of ${t.name}`).toContain(t.description);
  });

  test('shows the theme × document table as a real table with a caption and column and row headers', () => {
    const table = $('main table');
    expect(table.length).toBe(1);
    expect(table.find('caption').text().trim()).not.toBe('');
    expect(table.find('thead th[scope="col"]').length).toBe(themes.length);
    expect(table.find('tbody th[scope="row"]').length).toBe(READING.length);
  });

  /** The table as [row document page, column theme, cell] triples. */
  function cells() {
    const columns = $('main table thead th[scope="col"]').toArray().map((th) => $(th).find('a').attr('href'));
    return $('main table tbody tr:has(th[scope="row"])')
      .toArray()
      .flatMap((tr) => {
        const doc = $(tr).find('th[scope="row"] a').attr('href')!;
        return $(tr)
          .children('td')
          .toArray()
          .map((td, i) => ({ doc, theme: themes.find((t) => themeUrl(t) === columns[i])!, td: $(td) }));
      });
  }

  test('has a row for each document in reading order and a column for each theme in its order', () => {
    expect($('main table tbody th[scope="row"] a').toArray().map((a) => $(a).attr('href'))).toEqual(READING);
    expect($('main table thead th[scope="col"] a').toArray().map((a) => $(a).attr('href'))).toEqual(themes.map(themeUrl));
  });

  test('each cell shows how many of the document’s paragraphs contain the theme’s terms, and the theme page lists as many', () => {
    const wrong = cells().flatMap(({ doc, theme, td }) => {
      const shown = numberIn(td.text());
      const want = expectedOn(theme).filter((p) => p.page === doc).length;
      const listed = listedOn(theme).filter((p) => p.address.startsWith(`${doc}#`)).length;
      return shown === want && listed === want ? [] : [`${theme.name} × ${doc}: cell ${shown}, paragraphs with its terms ${want}, listed on the theme page ${listed}`];
    });
    expect(wrong).toEqual([]);
  });

  test('each non-empty cell links to exactly those passages on the theme page, and an empty cell links nowhere', () => {
    const wrong = cells().flatMap(({ doc, theme, td }) => {
      const href = td.find('a').attr('href');
      const n = numberIn(td.text());
      if (n === 0) return href === undefined ? [] : [`${theme.name} × ${doc}: an empty cell links to ${href}`];
      const [pathname, fragment] = (href ?? '').split('#');
      if (pathname !== themeUrl(theme) || !fragment) return [`${theme.name} × ${doc}: links to ${href}`];
      const under = listedOn(theme).filter((p) => p.group === fragment);
      const others = under.filter((p) => !p.address.startsWith(`${doc}#`));
      return under.length === n && others.length === 0 ? [] : [`${theme.name} × ${doc}: #${fragment} holds ${under.length} passages (${others.length} of other documents), the cell says ${n}`];
    });
    expect(wrong).toEqual([]);
  });

  test('shades each cell by its count: a darker shade never stands for fewer paragraphs', () => {
    const shadeOf = (td: ReturnType<typeof cells>[number]['td']) => (td.attr('class') ?? '').split(/\s+/).find((c) => /^heat-\d$/.test(c));
    const byShade = new Map<string, number[]>();
    for (const { td } of cells()) {
      const shade = shadeOf(td);
      expect(shade, `a shade class on the cell “${td.text()}”`).toBeDefined();
      byShade.set(shade!, [...(byShade.get(shade!) ?? []), numberIn(td.text())]);
    }
    const ranges = [...byShade].sort(([a], [b]) => a.localeCompare(b)).map(([, ns]) => [Math.min(...ns), Math.max(...ns)] as const);
    expect(ranges[0], 'the lightest shade is for empty cells').toEqual([0, 0]);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0], `shade ${i} starts above shade ${i - 1}`).toBeGreaterThan(ranges[i - 1]![1]);
  });

  test('its totals row counts each theme’s paragraphs', () => {
    const totals = $('main table tfoot td').toArray().map((td) => numberIn($(td).text()));
    expect(totals).toEqual(themes.map((t) => expectedOn(t).length));
  });
});

describe.each(themes)('the page of the theme $name', (theme) => {
  const load = () => page(themeUrl(theme));

  test('shows the theme’s name as its heading and its description', () => {
    const { $ } = load();
    expect($('h1').text().trim()).toBe(theme.name);
    expect($('main').text()).toContain(theme.description);
  });

  test('lists exactly the paragraphs that contain one of its terms, each once, in reading order', () => {
    expect(listedOn(theme).map((p) => p.address)).toEqual(expectedOn(theme).map((p) => p.address));
  });

  test('marks a term of the theme beside each passage, and the passage link leads to a paragraph containing it', () => {
    const wrong = listedOn(theme).flatMap(({ address, marked }) => {
      const text = byAddress.get(address)!.text;
      if (marked.length === 0) return [`${address}: no term marked`];
      return marked.flatMap((m) => [
        ...(theme.terms.includes(m) ? [] : [`${address}: marks “${m}”, which is not a term of the theme`]),
        ...(text.includes(m) ? [] : [`${address}: marks “${m}”, which the paragraph does not contain`]),
      ]);
    });
    expect(wrong).toEqual([]);
  });

  test('groups the passages by document, under a heading that links to the document', () => {
    const { $ } = load();
    const wrong = listedOn(theme).flatMap(({ address, group }) => {
      const section = $(`section[id="${group}"]`);
      const heading = section.find('h2 a').attr('href');
      return heading === address.split('#')[0] ? [] : [`${address} is under #${group}, whose heading links to ${heading}`];
    });
    expect(wrong).toEqual([]);
  });

  /** A fact of the theme's header, by its label: 谈得最多, 相关主题. */
  const fact = (label: string) => {
    const { $ } = load();
    const dt = $('main dt').filter((_, el) => $(el).text().trim() === label);
    expect(dt.length, `a “${label}” in the page’s header`).toBe(1);
    return { $, dd: dt.next('dd') };
  };

  test('names first the expert whose essay has the most paragraphs on it', () => {
    const { dd } = fact('谈得最多');
    const perEssay = Object.values(SLUGS).map((slug) => expectedOn(theme).filter((p) => p.page === `/forum/${slug}/`).length);
    const most = Math.max(...perEssay);
    const firstGroup = dd.find('a').first().attr('href')!.slice(1);
    const firstCount = listedOn(theme).filter((p) => p.group === firstGroup).length;
    expect(Object.values(SLUGS), `#${firstGroup} is an essay`).toContain(firstGroup);
    expect(firstCount, 'passages listed for the first expert named').toBe(most);
    expect(numberIn(dd.find('li').first().text().split('（')[0]!), 'the count shown beside the first expert').toBe(most);
  });

  test('names first the related theme that shares the most paragraphs with it', () => {
    const { dd } = fact('相关主题');
    const mine = new Set(expectedOn(theme).map((p) => p.address));
    const shared = themes.filter((t) => t.id !== theme.id).map((t) => expectedOn(t).filter((p) => mine.has(p.address)).length);
    const first = themes.find((t) => themeUrl(t) === dd.find('a').first().attr('href'))!;
    expect(first, 'the first related theme links to a theme page').toBeDefined();
    expect(expectedOn(first).filter((p) => mine.has(p.address)).length).toBe(Math.max(...shared));
  });
});

describe.each(READING)('the reading page %s', (url) => {
  test('shows as chips the themes whose terms its paragraphs contain, with their counts, linking to its passages on each theme page', () => {
    const { $ } = page(url);
    const chips = $('main a[href^="/themes/"]')
      .toArray()
      .map((a) => ({ href: $(a).attr('href')!, count: numberIn($(a).text()) }));
    const want = themes
      .map((t) => ({ t, count: expectedOn(t).filter((p) => p.page === url).length }))
      .filter(({ count }) => count > 0);
    expect(new Set(chips.map((c) => c.href.split('#')[0]))).toEqual(new Set(want.map(({ t }) => themeUrl(t))));
    for (const { t, count } of want) {
      const chip = chips.find((c) => c.href.startsWith(themeUrl(t)))!;
      expect(chip.count, `the chip of ${t.name}`).toBe(count);
      const group = chip.href.split('#')[1];
      expect(listedOn(t).filter((p) => p.group === group).every((p) => p.address.startsWith(`${url}#`)), `${chip.href} holds this page’s passages`).toBe(true);
    }
  });

  test('links its keywords to a search for each', () => {
    const { $ } = page(url);
    const searches = $('main a[href^="/search/?q="]')
      .toArray()
      .map((a) => ({ q: new URL($(a).attr('href')!, 'http://x').searchParams.get('q'), text: $(a).text() }));
    expect(searches.length).toBeGreaterThan(0);
    for (const { q, text } of searches) expect(text, 'the link shows the word it searches for').toContain(q);
  });
});
