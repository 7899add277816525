/**
 * The permanent addresses of a built site (links in coursework must not
 * break): every page, every section, paragraph and footnote anchor
 * on it, and the files a reader may link to (citation files, sitemap,
 * robots.txt). `npm run addresses` writes them to tests/addresses.txt; the
 * build tests fail when a build lacks one that the list holds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { listFiles, urlOf } from './dist.ts';
import { ROOT } from './paths.ts';
// Anchors that are addresses: sections #s1, paragraphs #p1, footnotes #fn-1; other ids are the interface's.
import { PAGE_ANCHOR } from '../../src/lib/registry.ts';

/** The committed list. */
export const ADDRESS_LIST = path.join(ROOT, 'tests', 'addresses.txt');


/** Built files that are addresses besides the pages: citation files, the sitemap, robots.txt. */
const LINKED_FILE = /\.(?:bib|ris)$|^sitemap\.xml$|^robots\.txt$/;

/** Every address of the site built in `dist`: `/forum/`, `/forum/#p1`, `/cite/wangkai2024.bib` … sorted. */
export function collectAddresses(dist: string): string[] {
  const out: string[] = [];
  for (const rel of listFiles(dist)) {
    if (rel.endsWith('.html') && rel !== '404.html') {
      const address = urlOf(rel);
      out.push(address);
      const $ = cheerio.load(readFileSync(path.join(dist, rel), 'utf8'));
      $('[id]').each((_, el) => {
        const id = $(el).attr('id')!;
        if (PAGE_ANCHOR.test(id)) out.push(`${address}#${id}`);
      });
    } else if (LINKED_FILE.test(rel)) {
      out.push(`/${rel}`);
    }
  }
  return [...new Set(out)].sort();
}

/** The addresses of a list file: one per line; blank lines and lines starting with `//` are left out. */
export function parseAddressList(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('//'));
}

/** The list file's text: a note on what it is, then the addresses, sorted. */
export function formatAddressList(addresses: string[]): string {
  return [
    '// Every permanent address of the site and the anchors on its pages (docs/architecture.md, “The registry and the address contract”).',
    '// Generated from a build by `npm run addresses`; a build test fails when a build lacks any of them.',
    '// Once published, an address is never removed: if one must move, the old one redirects.',
    ...[...addresses].sort(),
    '',
  ].join('\n');
}

/** The listed addresses that the built ones lack. */
export function missingAddresses(listed: string[], built: string[]): string[] {
  const have = new Set(built);
  return listed.filter((a) => !have.has(a));
}
