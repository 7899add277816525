/**
 * What a page costs to load: the responses the server sent for one cold load
 * in Chromium (scripts a page imports later and a worker's requests included,
 * which the page's own resource timings would miss), counted as a host sends
 * them: the body's bytes, gzip-compressed when it is text.
 */
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { PageType } from './page-types.ts';
import type { Sent, StaticServer } from './server.ts';

export const KINDS = ['html', 'css', 'js', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export type Transfer = Record<Kind | 'total', number>;

/** KiB, the unit every weight is given in: 1024 bytes. */
export const KIB = 1024;

export interface Budget {
  kinds: readonly Kind[];
  /** The most the page may cost until it is shown (for search: its first results). */
  bytes: number;
  /** For a page that loads more after it is shown: the most it may cost in all (every search result). */
  allBytes?: number;
  bar: string;
}

/** The weight bars that a page type must keep, by page type id. */
export const BUDGETS: Readonly<Record<string, Budget>> = {
  essay: { kinds: ['html', 'css', 'js'], bytes: 15 * KIB, bar: 'an essay page under 15 KiB transferred (gzip), HTML + CSS + JS' },
  concordance: {
    kinds: ['html', 'css', 'js'],
    bytes: 24 * KIB,
    bar: 'the concordance page itself within 24 KiB transferred (gzip), HTML + CSS + JS; the word’s file comes on top',
  },
  search: {
    kinds: KINDS,
    bytes: 150 * KIB,
    allBytes: 200 * KIB,
    bar: 'search, cold, in all (gzip): its first results within 150 KiB, every result within 200 KiB',
  },
};

export function kindOf(file: string): Kind {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html') return 'html';
  if (ext === '.css') return 'css';
  if (ext === '.js' || ext === '.mjs') return 'js';
  return 'other';
}

/** The body bytes of a list of responses, by kind. */
export function transferByKind(sent: readonly Sent[]): Transfer {
  const out: Transfer = { html: 0, css: 0, js: 0, other: 0, total: 0 };
  for (const { file, body } of sent) {
    out[kindOf(file)] += body;
    out.total += body;
  }
  return out;
}

/**
 * Loads a page type once in a fresh context (nothing cached) and counts what
 * the server sent: `shown`, until the page was shown (for a page that builds
 * its content with JavaScript, the responses finished by its `shownMark`,
 * the first search results; for the others, everything until the network is
 * quiet), and `all`, until it had loaded everything (its `settled`).
 */
export async function coldLoad(
  context: BrowserContext,
  server: StaticServer,
  type: Pick<PageType, 'path' | 'ready' | 'shownMark' | 'settled'>,
): Promise<{ shown: Transfer; all: Transfer }> {
  const page = await context.newPage();
  server.served.length = 0;
  await page.goto(server.url + type.path, { waitUntil: 'networkidle' });
  let shownAt = Infinity;
  if (type.ready) {
    await page.waitForSelector(type.ready);
    if (type.settled) await page.waitForSelector(type.settled, { state: 'attached' });
    await page.waitForLoadState('networkidle');
    if (type.shownMark) {
      shownAt = await page.evaluate((name) => performance.timeOrigin + performance.getEntriesByName(name)[0]!.startTime, type.shownMark);
    }
  }
  const shown = server.served.filter((s) => s.at <= shownAt + 1);
  const all = [...server.served];
  await page.close();
  return { shown: transferByKind(shown), all: transferByKind(all) };
}
