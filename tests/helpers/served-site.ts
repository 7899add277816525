/**
 * What a browser test file needs: the built site served on 127.0.0.1 for the
 * whole file, and the shared Chromium, whose contexts enforce the site's
 * Content-Security-Policy (see sharedBrowser).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { sharedBrowser } from './browser.ts';
import { assertBuilt } from '../../scripts/lib/dist.ts';
import { startServer, type StaticServer } from '../../scripts/lib/server.ts';

type ContextOptions = Parameters<Browser['newContext']>[0];

export interface ServedSite {
  browser: ReturnType<typeof sharedBrowser>;
  /** The server of dist/; set before the file's first test runs. */
  server: StaticServer;
  /** Runs `body` in a fresh page of a fresh context, closing both afterwards. */
  withPage(options: ContextOptions, body: (page: Page, context: BrowserContext) => Promise<void>): Promise<void>;
}

/** Serves dist/ for the tests of one file; `defaults` apply to every context withPage opens. */
export function serveBuiltSite(defaults: ContextOptions = {}): ServedSite {
  const browser = sharedBrowser();
  const site = {
    browser,
    server: undefined as unknown as StaticServer,
    async withPage(options: ContextOptions, body: (page: Page, context: BrowserContext) => Promise<void>) {
      const context = await browser.newContext({ ...defaults, ...options });
      try {
        await body(await context.newPage(), context);
      } finally {
        await context.close();
      }
    },
  };
  beforeAll(async () => {
    assertBuilt();
    site.server = await startServer();
  });
  afterAll(async () => {
    await browser.close();
    await site.server?.close();
  });
  return site;
}
