/**
 * Reading in Chromium: with JavaScript off, every page reads and links
 * (docs/architecture.md, “Quality bars”); paragraph numbers and footnotes work as links.
 */
import { describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { VIEWPORTS } from '../helpers/browser.ts';
import { serveBuiltSite } from '../helpers/served-site.ts';

const ESSAY_TITLE = '新质生产力与城市规划改革';

const site = serveBuiltSite();
const { withPage } = site;


/** Clicks the first visible link to `href` and waits for the address to change to it. */
async function follow(page: Page, href: string) {
  const link = page.locator(`a[href="${href}"]:visible`).first();
  await expect(link.count(), `a visible link to ${href} on ${page.url()}`).resolves.toBeGreaterThan(0);
  await Promise.all([page.waitForURL(site.server.url + href), link.click()]);
}

/** Where an element is relative to the viewport: `in view`, or its position if not, for the failure message. */
function placeInView(locator: Locator): Promise<string> {
  return locator.evaluate((el) => {
    const { top, bottom } = el.getBoundingClientRect();
    return top >= 0 && bottom <= window.innerHeight ? 'in view' : `top ${Math.round(top)}, bottom ${Math.round(bottom)}, viewport height ${window.innerHeight}, scrollY ${Math.round(window.scrollY)}`;
  });
}

describe('without JavaScript', () => {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    test(`a reader on a ${width} goes from the home page to the forum and on to 王凯’s essay by following links`, async () => {
      await withPage({ viewport, javaScriptEnabled: false }, async (page) => {
        const response = await page.goto(site.server.url + '/');
        expect(response?.status()).toBe(200);
        await follow(page, '/forum/');
        await follow(page, '/forum/wang-kai/');
        await expect(page.locator('h1').innerText()).resolves.toContain(ESSAY_TITLE);
        await expect(page.locator('main [id="p1"]').isVisible(), 'the first paragraph is shown').resolves.toBe(true);
      });
    });
  }

  test('a reader opens a footnote in section 2 of the paper and comes back to where they were', async () => {
    await withPage({ viewport: VIEWPORTS.phone, javaScriptEnabled: false }, async (page) => {
      await page.goto(site.server.url + '/paper/2/');
      const ref = page.locator('a[data-footnote-ref], a[role="doc-noteref"]').first();
      await expect(ref.count(), 'a footnote reference on /paper/2/').resolves.toBeGreaterThan(0);
      const noteHref = (await ref.getAttribute('href'))!;
      const refId = (await ref.getAttribute('id')) ?? (await ref.locator('..').getAttribute('id'));
      await ref.click();
      await page.waitForURL((url) => url.hash === noteHref);
      const note = page.locator(`[id="${decodeURIComponent(noteHref.slice(1))}"]`);
      await expect(note.isVisible(), 'the note is shown').resolves.toBe(true);
      await expect.poll(() => placeInView(note), { message: 'the note is scrolled into view', timeout: 5_000 }).toBe('in view');

      const back = note.locator(`a[href="#${refId}"]`).first();
      await back.click();
      await page.waitForURL((url) => url.hash === `#${refId}`);
      await expect.poll(() => placeInView(page.locator(`[id="${refId}"]`)), { message: 'the reference is back in view', timeout: 5_000 }).toBe('in view');
    });
  });
});

describe('paragraph numbers', () => {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    test(`on a ${width}, 王凯’s essay shows each paragraph’s number beside it, and the number links to the paragraph`, async () => {
      await withPage({ viewport }, async (page) => {
        await page.goto(site.server.url + '/forum/wang-kai/');
        const ids = await page.locator('main [id^="p"]').evaluateAll((els) => els.map((e) => e.id).filter((id) => /^p\d+$/.test(id)));
        expect(ids.length).toBeGreaterThan(0);
        for (const id of [ids[0]!, ids[ids.length - 1]!]) {
          const number = page.locator(`a[href="#${id}"]`).filter({ hasText: id.slice(1) }).first();
          await number.scrollIntoViewIfNeeded();
          await expect(number.isVisible(), `the number of #${id} is visible`).resolves.toBe(true);
          const [n, p] = await Promise.all([number.boundingBox(), page.locator(`[id="${id}"]`).boundingBox()]);
          expect(n && p && n.y < p.y + p.height && n.y + n.height > p.y, `the number of #${id} is level with its paragraph`).toBe(true);
          await number.click();
          await page.waitForURL((url) => url.hash === `#${id}`);
        }
      });
    });
  }
});
