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
 * - bytes until the first results are shown, and for the whole search;
 * - time from navigation to the first results;
 * - time for a warm query: a second search on the same page.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../tests/helpers/browser.ts';
import { contentType } from '../tests/helpers/server.ts';

const DIST = path.resolve(process.env.TEST_DIST ?? 'dist');
const RUNS = Number(process.env.RUNS ?? 5);
/** Budget for the first results of a cold search (DESIGN §6). */
const BUDGET = 200 * 1024;
const COLD = ['存量更新', '城市群', '城市羣'];
const WARM = { first: '存量更新', then: '土地财政' };

/** What the server sent: bytes, and when each response finished (ms since the epoch). */
interface Sent {
  bytes: number;
  at: number;
}

function serve(): Promise<{ url: string; log: Sent[]; close(): Promise<void> }> {
  const log: Sent[] = [];
  const cache = new Map<string, { body: Buffer; gzip: boolean }>();
  const written = new WeakMap<Socket, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let file = path.join(DIST, decodeURIComponent(url.pathname));
    if (!file.startsWith(DIST)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    let entry = cache.get(file);
    if (!entry) {
      const raw = readFileSync(file);
      const type = contentType(file);
      // Text is gzipped, as hosts do; Pagefind's index files are compressed already.
      const gzip = /^(text\/|application\/(json|javascript|manifest)|image\/svg)/.test(type);
      entry = { body: gzip ? gzipSync(raw, { level: 9 }) : raw, gzip };
      cache.set(file, entry);
    }
    res.writeHead(200, {
      'Content-Type': contentType(file),
      'Content-Length': entry.body.length,
      'Cache-Control': 'no-cache',
      ...(entry.gzip ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.on('finish', () => {
      const socket = res.socket ?? req.socket;
      const before = written.get(socket) ?? 0;
      written.set(socket, socket.bytesWritten);
      log.push({ bytes: socket.bytesWritten - before, at: Date.now() });
    });
    res.end(entry.body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        log,
        close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
      }),
    ),
  );
}

/** Waits for the first `search:results` mark after `since` (page time), and returns it. */
async function resultsMark(page: Page, since = 0): Promise<number> {
  const handle = await page.waitForFunction(
    (after) => performance.getEntriesByName('search:results').find((m) => m.startTime >= after)?.startTime,
    since,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Waits until the search has finished loading everything (the status is no longer busy). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status');
    return !!status?.textContent && status.dataset.kind !== 'busy';
  });
}

interface Run {
  firstBytes: number;
  allBytes: number;
  firstMs: number;
}

async function coldRun(origin: string, log: Sent[], query: string): Promise<Run> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 800 } });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    log.length = 0;
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    const firstMs = await resultsMark(page);
    const shownAt = await page.evaluate((t) => performance.timeOrigin + t, firstMs);
    await settled(page);
    await page.waitForTimeout(200); // let the last responses finish on the server
    const firstBytes = log.filter((s) => s.at <= shownAt + 1).reduce((n, s) => n + s.bytes, 0);
    const allBytes = log.reduce((n, s) => n + s.bytes, 0);
    return { firstBytes, allBytes, firstMs };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

async function warmRun(origin: string): Promise<number> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${origin}/search/?q=${encodeURIComponent(WARM.first)}`);
    await settled(page);
    const since = await page.evaluate(() => performance.now());
    await page.fill('#search-q', WARM.then);
    await page.press('#search-q', 'Enter');
    const shown = await resultsMark(page, since);
    const start = await page.evaluate((after) => performance.getEntriesByName('search:start').find((m) => m.startTime >= after)!.startTime, since);
    return shown - start;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (t: number) => `${Math.round(t)} ms`;

if (!existsSync(path.join(DIST, 'pagefind', 'pagefind.js'))) {
  console.error(`${DIST}/pagefind/pagefind.js is missing: build the site first (npm run build).`);
  process.exit(1);
}

const server = await serve();
let over = false;
try {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const version = browser.version();
  await browser.close();
  console.log(`Search benchmark: ${RUNS} runs each, medians; fresh Chromium profile per run; dist/ served gzipped on ${server.url}`);
  console.log(`${new Date().toISOString().slice(0, 10)} · ${os.cpus()[0]?.model ?? 'CPU'} × ${os.cpus().length} · Node ${process.version} · Chromium ${version}\n`);
  console.log('| cold search | transferred until first results | transferred in all | time to first results |');
  console.log('| --- | --- | --- | --- |');
  for (const query of COLD) {
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await coldRun(server.url, server.log, query));
    const first = median(runs.map((r) => r.firstBytes));
    over ||= first > BUDGET;
    console.log(`| ${query} | ${kb(first)} | ${kb(median(runs.map((r) => r.allBytes)))} | ${ms(median(runs.map((r) => r.firstMs)))} |`);
  }
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await warmRun(server.url));
  console.log(`\nWarm query (${WARM.then} after ${WARM.first}, same page): ${ms(median(warm))}`);
  console.log(`Budget: first results under ${kb(BUDGET)} transferred: ${over ? 'OVER' : 'met'}`);
} finally {
  await server.close();
}
process.exit(over ? 1 : 0);
