/**
 * What a page costs to load: the files the server sent for one cold load in
 * Chromium (scripts a page imports later and the search worker's requests
 * included, which the page's own resource timings would miss), counted as a
 * host sends them, gzip-compressed when they are text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import type { PageType } from './page-types.ts';
import type { StaticServer } from './server.ts';

export const KINDS = ['html', 'css', 'js', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export type Transfer = Record<Kind | 'total', number>;

/** The bars of DESIGN §6 that a page type must keep, by page type id. */
export const BUDGETS: Readonly<Record<string, { kinds: readonly Kind[]; bytes: number; bar: string }>> = {
  essay: { kinds: ['html', 'css', 'js'], bytes: 30_000, bar: 'an essay page under 30 KB transferred (gzip), HTML + CSS + JS' },
  search: { kinds: KINDS, bytes: 200_000, bar: 'first search results on a cold load under 200 KB transferred in all' },
};

/** Text a host compresses; the rest (images, Pagefind's already compressed chunks) goes as it is. */
const COMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.webmanifest', '.bib', '.ris', '.wasm']);

export function kindOf(file: string): Kind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  return 'other';
}

/** Bytes on the wire for a file: its gzip size if a host would compress it, else its size. */
export function transferSize(file: string): number {
  const bytes = readFileSync(file);
  return COMPRESSED.has(path.extname(file).toLowerCase()) ? gzipSync(bytes).length : bytes.length;
}

/** The bytes of a list of sent files, by kind. */
export function tally(files: readonly string[]): Transfer {
  const out: Transfer = { html: 0, css: 0, js: 0, other: 0, total: 0 };
  for (const file of files) {
    const size = transferSize(file);
    out[kindOf(file)] += size;
    out.total += size;
  }
  return out;
}

/**
 * Loads a page type once in a fresh context (nothing cached) and tallies what
 * the server sent until the page was shown: for a page that builds its
 * content with JavaScript (search), the responses finished by its `shownMark`
 * (the first results); for the others, everything until the network is quiet.
 */
export async function coldLoad(context: BrowserContext, server: StaticServer, type: Pick<PageType, 'path' | 'ready' | 'shownMark'>): Promise<Transfer> {
  const page = await context.newPage();
  server.served.length = 0;
  await page.goto(server.url + type.path, { waitUntil: 'networkidle' });
  let shownAt = Infinity;
  if (type.ready) {
    await page.waitForSelector(type.ready);
    await page.waitForLoadState('networkidle');
    if (type.shownMark) {
      shownAt = await page.evaluate((name) => performance.timeOrigin + performance.getEntriesByName(name)[0]!.startTime, type.shownMark);
    }
  }
  const sent = server.served.filter((s) => s.at <= shownAt + 1).map((s) => s.file);
  await page.close();
  return tally(sent);
}
