/**
 * `npm run bench:search`: how much a search costs a reader, measured on the
 * built site (dist/, build first).
 *
 * Serves dist/ on 127.0.0.1 the way a static host would, gzip for text, and
 * counts at the server every byte it sends (headers and bodies, the search
 * Worker's requests included: the page's own resource timings miss those).
 * Each run opens /search/?q=… in Chromium with a fresh profile (nothing
 * cached) and reads the search page's marks (`search:start`,
 * `search:results`) to learn when the first results were shown. Reports
 * medians over the runs:
 *
 * - bytes until the first results are shown, and until every result is;
 * - time from navigation to the first results;
 * - time for a warm query: a second search on the same page;
 * - time until the page answers a link of 5,000 distinct terms (it searches
 *   the first that fit its limits, and says so).
 *
 * Bytes are KiB (1024 bytes). Fails if 城市群, the query the budget is set
 * for (scripts/lib/weight.ts), costs more than its budget.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './lib/chromium.ts';
import { DIST } from './lib/paths.ts';
import { coldSearch, inFreshProfile, resultsMark, settled, type ColdSearch } from './lib/search-load.ts';
import { startServer } from './lib/server.ts';
import { median } from './lib/stats.ts';
import { termsOfTheTexts } from './lib/long-queries.ts';
import { BUDGETS, KIB } from './lib/weight.ts';

const RUNS = Number(process.env.RUNS ?? 5);
/** The search budget, and the query it is set for. */
const BUDGET = BUDGETS.search!;
const BUDGET_QUERY = '城市群';
const COLD = ['存量更新', BUDGET_QUERY, '城市羣'];
const WARM = { first: '存量更新', then: '土地财政' };
const MANY_TERMS = termsOfTheTexts(5000).join(' ');

async function warmRun(origin: string): Promise<number> {
  return inFreshProfile(async (page) => {
    await page.goto(`${origin}/search/?q=${encodeURIComponent(WARM.first)}`);
    await settled(page);
    const since = await page.evaluate(() => performance.now());
    await page.fill('#search-q', WARM.then);
    await page.press('#search-q', 'Enter');
    const shown = await resultsMark(page, since);
    const start = await page.evaluate((after) => performance.getEntriesByName('search:start').find((m) => m.startTime >= after)!.startTime, since);
    return shown - start;
  });
}

/** From navigation to the page's answer (results, or none) for a search link, in a fresh profile. */
async function answerRun(origin: string, query: string): Promise<number> {
  return inFreshProfile(async (page) => {
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    await settled(page, 300_000);
    return await page.evaluate(() => performance.now());
  });
}

const kib = (bytes: number) => `${(bytes / KIB).toFixed(1)} KiB`;
const ms = (t: number) => `${Math.round(t)} ms`;

if (!existsSync(path.join(DIST, 'pagefind', 'pagefind.js'))) {
  console.error(`${DIST}/pagefind/pagefind.js is missing: build the site first (npm run build).`);
  process.exit(1);
}

const server = await startServer(DIST);
let over = false;
try {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const version = browser.version();
  await browser.close();
  console.log(`Search benchmark: ${RUNS} runs each, medians; fresh Chromium profile per run; dist/ served gzipped on ${server.url}`);
  console.log(`${new Date().toISOString().slice(0, 10)} · ${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length} · Node ${process.version} · Chromium ${version}\n`);
  console.log('| cold search | transferred until first results | transferred until every result | time to first results |');
  console.log('| --- | --- | --- | --- |');
  for (const query of COLD) {
    const runs: ColdSearch[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldSearch(server.url, server.served, query));
    const first = median(runs.map((r) => r.firstBytes));
    const all = median(runs.map((r) => r.allBytes));
    if (query === BUDGET_QUERY) over ||= first > BUDGET.bytes || all > BUDGET.allBytes!;
    console.log(`| ${query} | ${kib(first)} | ${kib(all)} | ${ms(median(runs.map((r) => r.firstMs)))} |`);
  }
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await warmRun(server.url));
  console.log(`\nWarm query (${WARM.then} after ${WARM.first}, same page): ${ms(median(warm))}`);
  const many: number[] = [];
  for (let i = 0; i < RUNS; i++) many.push(await answerRun(server.url, MANY_TERMS));
  console.log(`A link of 5,000 distinct terms, from navigation to the page's answer: ${ms(median(many))}`);
  console.log(`Budget for ${BUDGET_QUERY}: first results within ${kib(BUDGET.bytes)}, every result within ${kib(BUDGET.allBytes!)}: ${over ? 'OVER' : 'met'}`);
} finally {
  await server.close();
}
process.exit(over ? 1 : 0);
