/**
 * A cold search in Chromium, measured at the server: for `npm run
 * bench:search` and `npm run bench:scale`. Each run opens /search/?q=… with
 * a fresh profile (nothing cached) and reads the search page's marks
 * (`search:start`, `search:results`) to learn when the first results were
 * shown; bytes are what the server wrote for each response, headers
 * included, the search worker's requests too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';
import type { Sent } from './server.ts';

/** Waits for the first `search:results` mark after `since` (page time), and returns it. */
export async function resultsMark(page: Page, since = 0): Promise<number> {
  const handle = await page.waitForFunction(
    (after) => performance.getEntriesByName('search:results').find((m) => m.startTime >= after)?.startTime,
    since,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** Waits until the search has finished loading everything (the status is no longer busy). */
export async function settled(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const status = document.getElementById('search-status');
      return !!status?.textContent && status.dataset.kind !== 'busy';
    },
    null,
    { timeout },
  );
}

/** Runs `body` in a page of a fresh Chromium profile, removed afterwards. */
export async function inFreshProfile<T>(body: (page: Page) => Promise<T>, viewport = { width: 1280, height: 800 }): Promise<T> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'search-load-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, viewport });
  try {
    return await body(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface ColdSearch {
  /** Bytes sent until the first results were shown. */
  firstBytes: number;
  /** Bytes sent until every result was. */
  allBytes: number;
  /** From navigation to the first results, in ms. */
  firstMs: number;
}

/** One cold search of `query` on the site served at `origin`, whose server records what it sends in `log`. */
export function coldSearch(origin: string, log: Sent[], query: string): Promise<ColdSearch> {
  return inFreshProfile(async (page) => {
    log.length = 0;
    await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    const firstMs = await resultsMark(page);
    const shownAt = await page.evaluate((t) => performance.timeOrigin + t, firstMs);
    await settled(page);
    await page.waitForTimeout(200); // let the last responses finish on the server
    const firstBytes = log.filter((s) => s.at <= shownAt + 1).reduce((n, s) => n + s.wire, 0);
    const allBytes = log.reduce((n, s) => n + s.wire, 0);
    return { firstBytes, allBytes, firstMs };
  });
}
