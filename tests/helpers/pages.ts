/** Loads the built HTML pages of dist/ with cheerio. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { assertBuilt, listFiles, urlOf } from '../../scripts/lib/dist.ts';
import { DIST } from '../../scripts/lib/paths.ts';

export interface BuiltPage {
  /** The address a browser asks for: `/forum/wang-kai/` for forum/wang-kai/index.html, `/404.html`. */
  url: string;
  /** Absolute path of the file. */
  file: string;
  html: string;
  $: cheerio.CheerioAPI;
}

const cache = new Map<string, Map<string, BuiltPage>>();

/** Every built HTML page, keyed by its address. Loaded once per test file. */
export function loadPages(dist: string = DIST): Map<string, BuiltPage> {
  const hit = cache.get(dist);
  if (hit) return hit;
  assertBuilt(dist);
  const pages = new Map<string, BuiltPage>();
  for (const rel of listFiles(dist).filter((f) => f.endsWith('.html'))) {
    const file = path.join(dist, rel);
    const html = readFileSync(file, 'utf8');
    pages.set(urlOf(rel), { url: urlOf(rel), file, html, $: cheerio.load(html) });
  }
  cache.set(dist, pages);
  return pages;
}

/** One built page by address; throws with the list of built addresses if it is missing. */
export function page(url: string, dist: string = DIST): BuiltPage {
  const pages = loadPages(dist);
  const found = pages.get(url);
  if (!found) {
    throw new Error(`no built page at ${url} (looked for ${path.join(dist, url, url.endsWith('/') ? 'index.html' : '')}); built pages: ${[...pages.keys()].join(' ')}`);
  }
  return found;
}

/** Text as a reader compares it: whitespace removed, full-width ASCII punctuation folded to half-width. */
export function fold(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '');
}

/** The event-handler attributes of a page (`onclick=` …), as `onclick= on <a>`. */
export function eventHandlers($: cheerio.CheerioAPI): string[] {
  return $('*')
    .toArray()
    .flatMap((el) => {
      const tag = $(el).prop('tagName')?.toLowerCase();
      return Object.keys($(el).attr() ?? {})
        .filter((name) => /^on/i.test(name))
        .map((name) => `${name}= on <${tag}>`);
    });
}
