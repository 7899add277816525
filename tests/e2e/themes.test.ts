/**
 * The theme views in Chromium: the theme × document table on a phone, and a
 * reader following it, without JavaScript, to the passages and on to a
 * paragraph.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sharedBrowser, VIEWPORTS } from '../helpers/browser.ts';
import { assertBuilt } from '../../scripts/lib/dist.ts';
import { startServer, type StaticServer } from '../../scripts/lib/server.ts';

const browser = sharedBrowser();
let server: StaticServer;

beforeAll(async () => {
  assertBuilt();
  server = await startServer();
});

afterAll(async () => {
  await browser.close();
  await server?.close();
});

async function withPage(options: Parameters<Browser['newContext']>[0], body: (page: Page) => Promise<void>) {
  const context = await (await browser.get()).newContext(options);
  try {
    await body(await context.newPage());
  } finally {
    await context.close();
  }
}

/** How the table's region sits on the screen. */
function tableLayout(page: Page) {
  return page.evaluate(() => {
    const region = document.querySelector<HTMLElement>('section:has(> table)')!;
    const cue = [...document.querySelectorAll('main p')].find((p) => p.textContent?.includes('左右滑动'));
    return {
      overflows: region.scrollWidth > region.clientWidth,
      pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
      cueShown: !!cue && (cue as HTMLElement).offsetParent !== null,
    };
  });
}

describe('the theme × document table', () => {
  test('fits a 390px phone whole, with no sideways scrolling and no scroll hint', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await page.goto(server.url + '/themes/');
      await expect(tableLayout(page)).resolves.toEqual({ overflows: false, pageOverflow: 0, cueShown: false });
    });
  });

  test('on a 320px phone scrolls inside its own region, says so, and keeps the document names in view', async () => {
    await withPage({ viewport: { width: 320, height: 640 } }, async (page) => {
      await page.goto(server.url + '/themes/');
      const layout = await tableLayout(page);
      expect(layout.overflows, 'the table scrolls in its region').toBe(true);
      expect(layout.pageOverflow, 'the page itself does not scroll sideways').toBeLessThanOrEqual(0);
      expect(layout.cueShown, 'a hint says the table scrolls').toBe(true);

      const region = page.locator('section:has(> table)');
      await region.focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((r) => r.scrollLeft), { message: 'the keyboard scrolls the region' }).toBeGreaterThan(0);
      const name = page.locator('tbody th[scope="row"]').first();
      const [box, frame] = await Promise.all([name.boundingBox(), region.boundingBox()]);
      expect(box && frame && box.x >= frame.x - 1, 'the first document name is still at the left edge').toBe(true);
    });
  });
});

describe('without JavaScript', () => {
  test('a reader goes from a cell of the table to the theme’s passages in that document, and on to the paragraph with the term', async () => {
    await withPage({ viewport: VIEWPORTS.phone, javaScriptEnabled: false }, async (page) => {
      await page.goto(server.url + '/themes/');
      const cell = page.locator('a[href="/themes/chengshiqun-dushiquan/#paper-2"]');
      const count = Number((await cell.innerText()).replace(/\D/g, ''));
      await Promise.all([page.waitForURL(server.url + '/themes/chengshiqun-dushiquan/#paper-2'), cell.click()]);

      const group = page.locator('section[id="paper-2"]');
      await expect(group.locator('li').count(), 'as many passages as the cell said').resolves.toBe(count);
      const first = group.locator('li').first();
      const term = await first.locator('mark').first().innerText();
      const link = first.locator('a[href^="/paper/2/#p"]');
      const href = (await link.getAttribute('href'))!;
      await Promise.all([page.waitForURL(server.url + href), link.click()]);
      const paragraph = page.locator(`[id="${href.split('#')[1]}"]`);
      await expect(paragraph.innerText()).resolves.toContain(term);
    });
  });
});
