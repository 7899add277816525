/**
 * Every page loads the styles of what it shows, and only those: the search
 * page's styles only on /search/, the theme table's and the theme pages'
 * only there, the reading list's only on /list/, the cite panel's only where
 * a cite panel or a reading list is, the footnotes' only on pages with
 * footnotes, the chips' only on pages with chips, the source lines' only on
 * /sources/. A stylesheet is known by the rules it holds, not by its name.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';
import { loadPages } from '../helpers/pages.ts';
import { DIST } from '../../scripts/lib/paths.ts';

/** A part of the site with styles of its own: the selector its stylesheet must hold, and the markup that shows it on a page. */
const PARTS = [
  { part: 'the search page', rule: '.search-page', shown: '.search-page' },
  { part: 'the theme table and theme pages', rule: '.theme-table', shown: '.theme-table, .theme-group' },
  { part: 'the reading list', rule: '.list-items', shown: '[data-list-page]' },
  { part: 'the cite panel and its buttons', rule: '.cite-styles', shown: '.cite-panel, [data-list-page]' },
  { part: 'footnotes', rule: '.footnotes-title', shown: '.footnotes, .missing-table' },
  { part: 'theme chips', rule: '.chip', shown: '.chip' },
  { part: 'source lines', rule: '.source-lines', shown: '.source-lines' },
];

const css = new Map<string, string>();
/** The text of a stylesheet a page links to, read from dist/. */
function stylesheet(href: string): string {
  let text = css.get(href);
  if (text === undefined) {
    text = readFileSync(path.join(DIST, href.replace(/^\//, '')), 'utf8');
    css.set(href, text);
  }
  return text;
}

/** Whether a stylesheet has a rule for a class selector (`.chip`, not `.chip-count`). */
const styles = (text: string, rule: string) => new RegExp(`${rule.replace('.', '\\.')}(?![\\w-])`).test(text);

const linked = ($: cheerio.CheerioAPI) => $('link[rel="stylesheet"]').map((_, l) => $(l).attr('href')!).get();

const pages = [...loadPages().values()];

describe.each(PARTS)('the styles of $part', ({ rule, shown }) => {
  test('are loaded by the pages that show it, and by no other page', () => {
    const wrong = pages.flatMap(({ url, $ }) => {
      const has = $(shown).length > 0;
      const loads = linked($).some((href) => styles(stylesheet(href), rule));
      return has === loads ? [] : [`${url} ${has ? 'shows it without its styles' : 'loads its styles without showing it'}`];
    });
    expect(wrong).toEqual([]);
  });
});
