/**
 * `npm run eval:search`: how well search finds what the gold set
 * (tests/search-gold.yaml) says each query should find first, measured on
 * the built site (dist/, build first) through the search page itself, in
 * Chromium: whatever the page lists, in the order it lists it.
 *
 * For each query: the rank of the wanted passage among the results (none if
 * it is not listed). Over the set: hit@1 and hit@3 (the share of queries
 * whose passage is first, or in the first three) and MRR (the mean of
 * 1/rank, 0 when not listed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { readDocumentFiles } from '../src/lib/content-files.ts';
import { launchBrowser } from './lib/chromium.ts';
import { assertBuilt } from './lib/dist.ts';
import { DIST, ROOT } from './lib/paths.ts';
import { startServer } from './lib/server.ts';

export const GOLD_FILE = path.join(ROOT, 'tests', 'search-gold.yaml');

export interface GoldQuery {
  q: string;
  /** The passage it should find first: `wang-kai:p4`, `paper-1:fn-9`. */
  want: string;
  kind: string;
  why: string;
}

const PASSAGE_ID = /^[a-z0-9-]+:(p|fn-)\d+$/;

/** The gold set, checked: every entry has a query, a passage id of the right form and a reason. */
export function readGold(file = GOLD_FILE): GoldQuery[] {
  const entries = parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected a list of queries`);
  return entries.map((entry: Partial<GoldQuery>, i) => {
    const where = `${file}: entry ${i + 1}${entry?.q ? ` (${entry.q})` : ''}`;
    if (typeof entry?.q !== 'string' || !entry.q.trim()) throw new Error(`${where}: no query (q)`);
    if (typeof entry.want !== 'string' || !PASSAGE_ID.test(entry.want)) {
      throw new Error(`${where}: want is “${String(entry.want)}”, expected a passage like wang-kai:p4 or paper-1:fn-9`);
    }
    if (typeof entry.why !== 'string' || !entry.why.trim()) throw new Error(`${where}: no reason (why) for the wanted passage`);
    return { q: entry.q, want: entry.want, kind: String(entry.kind ?? ''), why: entry.why };
  });
}

/** The document key of each page address (`/forum/wang-kai/` → `wang-kai`), as the registry gives them. */
function documentKeys(): Map<string, string> {
  return new Map(readDocumentFiles(path.join(ROOT, 'content')).map((d) => [d.path, d.key]));
}

/** A result link's passage id: `/forum/wang-kai/#p4` → `wang-kai:p4`; null for a link to anything else. */
export function passageIdOf(href: string, keys: ReadonlyMap<string, string>): string | null {
  const url = new URL(href, 'http://x');
  const key = keys.get(url.pathname);
  const anchor = decodeURIComponent(url.hash.slice(1));
  return key && /^(p|fn-)\d+$/.test(anchor) ? `${key}:${anchor}` : null;
}

export interface Ranked extends GoldQuery {
  /** 1-based rank of the wanted passage among the results; null if not listed. */
  rank: number | null;
  /** The first results, as passage ids. */
  top: string[];
  /** How many results were listed. */
  listed: number;
}

export interface Quality {
  queries: number;
  hit1: number;
  hit3: number;
  mrr: number;
}

export function quality(ranked: readonly Ranked[]): Quality {
  const share = (ok: (r: Ranked) => boolean) => ranked.filter(ok).length / ranked.length;
  return {
    queries: ranked.length,
    hit1: share((r) => r.rank === 1),
    hit3: share((r) => r.rank !== null && r.rank <= 3),
    mrr: ranked.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / ranked.length,
  };
}

/** Searches on the open search page, as a reader does with its form, and waits until the search has finished. */
async function searchOnPage(page: Page, query: string): Promise<void> {
  const before = await page.evaluate(() => performance.getEntriesByName('search:start').length);
  await page.fill('#search-q', query);
  await page.press('#search-q', 'Enter');
  await page.waitForFunction((n) => {
    const status = document.getElementById('search-status');
    return performance.getEntriesByName('search:start').length > n && !!status?.textContent && status.dataset.kind !== 'busy';
  }, before);
}

/** Every result link the page lists, in order, as passage ids (links to anything else dropped). */
async function listedIds(page: Page, keys: ReadonlyMap<string, string>): Promise<string[]> {
  const hrefs = await page.locator('#search-results a.result-link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => passageIdOf(h, keys)).filter((id): id is string => id !== null);
}

/** Runs every gold query on the search page at `origin`, one after another on the same page, and ranks its wanted passage. */
export async function rankGold(browser: Pick<Browser, 'newContext'>, origin: string, gold: readonly GoldQuery[] = readGold()): Promise<Ranked[]> {
  const keys = documentKeys();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/search/`);
    const ranked: Ranked[] = [];
    for (const entry of gold) {
      await searchOnPage(page, entry.q);
      const ids = await listedIds(page, keys);
      const at = ids.indexOf(entry.want);
      ranked.push({ ...entry, rank: at < 0 ? null : at + 1, top: ids.slice(0, 3), listed: ids.length });
    }
    return ranked;
  } finally {
    await context.close();
  }
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The figures, one line: `hit@1 61.5 % · hit@3 79.5 % · MRR 0.702 (39 queries)`. */
export function formatQuality(q: Quality): string {
  return `hit@1 ${percent(q.hit1)} · hit@3 ${percent(q.hit3)} · MRR ${q.mrr.toFixed(3)} (${q.queries} queries)`;
}

async function main(): Promise<void> {
  assertBuilt();
  const gold = readGold();
  const server = await startServer(DIST);
  const browser = await launchBrowser();
  try {
    const ranked = await rankGold(browser, server.url, gold);
    console.log('| query | kind | wanted | rank | first results |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const r of ranked) {
      console.log(`| ${r.q} | ${r.kind} | ${r.want} | ${r.rank ?? '–'} | ${r.top.join(', ') || '(none)'} (${r.listed}) |`);
    }
    console.log(`\n${formatQuality(quality(ranked))}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
