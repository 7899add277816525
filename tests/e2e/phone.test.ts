/**
 * On a phone (390 × 844): every essay opens on its text, its themes,
 * keywords and outline folded into one disclosure under the title; on a
 * desktop they are all in view without it. The paragraph tools open where
 * the tapped number is, on the longest paragraph of every essay, and the
 * number stays under the finger. axe finds nothing with the disclosure and
 * the tools open, light and dark.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, formatViolations, VIEWPORTS } from '../helpers/browser.ts';
import { expectedEssays } from '../helpers/corpus.ts';
import { serveBuiltSite } from '../helpers/served-site.ts';
import { OUTPUT, ROOT } from '../../scripts/lib/paths.ts';

const site = serveBuiltSite();
const SHOTS = path.join(OUTPUT, 'screenshots');
beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const PHONE = { viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true };
const essays = expectedEssays();

/** Each essay's longest paragraph: the one whose tools used to open out of sight. */
const passages = JSON.parse(readFileSync(path.join(ROOT, 'content', 'passages.json'), 'utf8')) as { doc: string; p: number; text: string }[];
const longest = essays.map(({ slug }) => {
  const own = passages.filter((p) => p.doc === slug);
  return { slug, p: own.reduce((a, b) => (b.text.length > a.text.length ? b : a)).p };
});

const box = async (page: Page, selector: string) => {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not shown on ${page.url()}`);
  return found;
};

describe('the first screen of an essay at 390 × 844', () => {
  test.each(essays.map((e) => e.slug))('/forum/%s/ shows the text; themes, keywords and outline are one closed disclosure', async (slug) => {
    await site.withPage(PHONE, async (page) => {
      await page.goto(`${site.server.url}/forum/${slug}/`);
      const first = await box(page, '#p1');
      const line = await page.locator('#p1').evaluate((p) => parseFloat(getComputedStyle(p).lineHeight));
      expect(first.y + line, `the first line of #p1 ends within the 844 px screen (it starts at ${Math.round(first.y)})`).toBeLessThanOrEqual(VIEWPORTS.phone.height);

      const aside = page.locator('details.doc-aside');
      await expect(aside.evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(false);
      // An essay without sections has no outline, and the disclosure does not promise one.
      const outline = (await page.locator('.toc a').count()) > 0;
      await expect(aside.locator('summary').innerText()).resolves.toBe(outline ? '主题、特征词与目录' : '主题与特征词');
      const parts = ['.chip', '.keywords a', ...(outline ? ['.toc a'] : [])];
      for (const part of parts) await expect(page.locator(part).first().isVisible(), `${part} is folded away`).resolves.toBe(false);
      await aside.locator('summary').tap();
      for (const part of parts) await expect(page.locator(part).first().isVisible(), `${part} is shown once the disclosure is open`).resolves.toBe(true);
    });
  });

  test('on a desktop the themes, keywords and outline are shown without a disclosure, the outline beside the text', async () => {
    await site.withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/forum/wang-kai/`);
      await expect(page.locator('.doc-aside > summary').isVisible()).resolves.toBe(false);
      for (const part of ['.chip', '.keywords a', '.toc a']) await expect(page.locator(part).first().isVisible(), `${part} is shown`).resolves.toBe(true);
      const [toc, text] = [await box(page, '.toc'), await box(page, '.doc-text')];
      expect(toc.x, 'the outline is in a column right of the text').toBeGreaterThanOrEqual(text.x + text.width);
    });
  });
});

/** Scrolls so that the number of paragraph n is `at` px from the top, and returns where it is. */
async function placeNumber(page: Page, n: number, at: number) {
  const number = page.locator(`a.pnum[href="#p${n}"]`);
  await number.evaluate((el, at) => window.scrollBy(0, el.getBoundingClientRect().top - at), at);
  return box(page, `a.pnum[href="#p${n}"]`);
}

describe('the paragraph tools open where the tapped number is', () => {
  test.each(longest)('/forum/$slug/: tapping the number of its longest paragraph (#p$p) at mid-screen opens the tools right above it, on screen', async ({ slug, p }) => {
    await site.withPage(PHONE, async (page) => {
      await page.goto(`${site.server.url}/forum/${slug}/`);
      const before = await placeNumber(page, p, VIEWPORTS.phone.height / 2);
      await page.locator(`a.pnum[href="#p${p}"]`).tap();
      const tools = page.locator(`.para-tools:has(+ #p${p})`);
      await tools.waitFor();
      const [bar, after] = [await box(page, `.para-tools:has(+ #p${p})`), await box(page, `a.pnum[href="#p${p}"]`)];
      expect(Math.abs(after.y - before.y), 'the number stays under the finger').toBeLessThanOrEqual(2);
      expect(bar.y, 'the tools are on screen').toBeGreaterThanOrEqual(0);
      expect(bar.y + bar.height, 'the tools end above the number').toBeLessThanOrEqual(after.y + 1);
      expect(after.y - (bar.y + bar.height), 'and close to it').toBeLessThan(40);
      await expect(page.evaluate(() => location.hash)).resolves.toBe(`#p${p}`);
      await expect(tools.evaluate((el) => el === document.activeElement), 'focus is in the tools, so that Tab goes on to its buttons').resolves.toBe(true);
      await expect(tools.locator('.para-tools-label').innerText(), 'the bar says which paragraph it is for, the one below it').resolves.toBe(`第${p}段 ↓`);
    });
  });

  test('a number tapped at the top of the screen opens the tools in view above it', async () => {
    await site.withPage(PHONE, async (page) => {
      await page.goto(`${site.server.url}/forum/wang-wei/`);
      const { p } = longest.find((l) => l.slug === 'wang-wei')!;
      await placeNumber(page, p, 4);
      await page.locator(`a.pnum[href="#p${p}"]`).tap();
      await page.locator(`.para-tools:has(+ #p${p})`).waitFor();
      const bar = await box(page, `.para-tools:has(+ #p${p})`);
      expect(bar.y).toBeGreaterThanOrEqual(0);
      expect(bar.y + bar.height).toBeLessThanOrEqual((await box(page, `a.pnum[href="#p${p}"]`)).y + 1);
    });
  });

  test('on a desktop, a click on a number opens the tools above its paragraph without moving the page', async () => {
    await site.withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/paper/2/`);
      const before = await placeNumber(page, 3, 500);
      await page.locator('a.pnum[href="#p3"]').click();
      await page.locator('.para-tools:has(+ #p3)').waitFor();
      const [bar, after] = [await box(page, '.para-tools:has(+ #p3)'), await box(page, 'a.pnum[href="#p3"]')];
      expect(Math.abs(after.y - before.y)).toBeLessThanOrEqual(2);
      expect(bar.y + bar.height).toBeLessThanOrEqual(after.y + 1);
    });
  });

  test('arriving at a paragraph’s address scrolls its tools into view, the paragraph under them', async () => {
    await site.withPage(PHONE, async (page) => {
      const { slug, p } = longest[0]!;
      await page.goto(`${site.server.url}/forum/${slug}/#p${p}`);
      await page.locator(`.para-tools:has(+ #p${p})`).waitFor();
      await expect.poll(async () => (await box(page, `.para-tools:has(+ #p${p})`)).y, { message: 'the tools at the top of the screen' }).toBeGreaterThanOrEqual(0);
      const bar = await box(page, `.para-tools:has(+ #p${p})`);
      expect(bar.y + bar.height).toBeLessThan(VIEWPORTS.phone.height / 2);
    });
  });
});

describe('accessibility with the disclosure and the tools open', () => {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`王伟’s essay on a ${width} in ${colorScheme} mode`, async () => {
        await site.withPage({ viewport, colorScheme }, async (page) => {
          await page.goto(`${site.server.url}/forum/wang-wei/`);
          if (await page.locator('.doc-aside > summary').isVisible()) await page.locator('.doc-aside > summary').click();
          await page.locator('a.pnum[href="#p2"]').click();
          await page.locator('.para-tools:has(+ #p2)').waitFor();
          await page.screenshot({ path: path.join(SHOTS, `phone-tools-wang-wei-${width}-${colorScheme}.png`) });
          const violations = await axeViolations(page);
          expect(violations.length, formatViolations(violations)).toBe(0);
        });
      });
    }
  }
});
