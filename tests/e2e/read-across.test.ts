/**
 * Reading across experts in Chromium: two essays side by side (two columns on
 * a desktop, one on a phone, with and without JavaScript, in print), the
 * choosers that lead there, the editor's questions under an essay's title,
 * and the related passages in a paragraph's tools (loaded only when asked
 * for, by mouse or keyboard, with their loading, error and empty states).
 * Screenshots go to tests/.output/screenshots/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, formatViolations, VIEWPORTS } from '../helpers/browser.ts';
import { DIST, OUTPUT } from '../../scripts/lib/paths.ts';
import { serveBuiltSite } from '../helpers/served-site.ts';

const SHOTS = path.join(OUTPUT, 'screenshots');
const SCHEMES = ['light', 'dark'] as const;
const PAIR = '/compare/wang-kai/zhao-yanjing/';
/** The row of the theme both discuss that the page shows first. */
const ROW = '.compare-row[id^="t-"]';

const site = serveBuiltSite();
const { withPage } = site;

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

const box = async (locator: Locator) => (await locator.boundingBox())!;

/** The compare page of 王凯 and 赵燕菁 opened, its first theme row, and where that row's two sides are. */
async function firstRow(page: Page) {
  await page.goto(site.server.url + PAIR);
  const row = page.locator(ROW).first();
  return { row, a: await box(row.locator('.side-a')), b: await box(row.locator('.side-b')) };
}
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

describe('two essays side by side', () => {
  test('on a desktop, the two essays’ passages on a theme face each other in two columns', async () => {
    for (const colorScheme of SCHEMES) {
      await withPage({ viewport: VIEWPORTS.desktop, colorScheme }, async (page) => {
        const { row, a, b } = await firstRow(page);
        expect(Math.abs(a.y - b.y), 'the columns start level').toBeLessThan(2);
        expect(b.x, '王凯 on the left, 赵燕菁 on the right').toBeGreaterThan(a.x + a.width);
        await row.scrollIntoViewIfNeeded();
        await shot(page, `compare-desktop-${colorScheme}`);
      });
    }
  });

  test('on a phone, one column, each block of passages under its speaker’s name, each passage naming its speaker', async () => {
    for (const colorScheme of SCHEMES) {
      await withPage({ viewport: VIEWPORTS.phone, colorScheme }, async (page) => {
        const { row, a, b } = await firstRow(page);
        expect(b.y, '赵燕菁’s block below 王凯’s').toBeGreaterThanOrEqual(a.y + a.height);
        expect(Math.abs(a.x - b.x)).toBeLessThan(2);
        await expect(row.locator('.side-a .compare-speaker').innerText()).resolves.toBe('王凯');
        await expect(row.locator('.side-b .compare-speaker').innerText()).resolves.toBe('赵燕菁');
        for (const [side, name] of [
          ['a', '王凯'],
          ['b', '赵燕菁'],
        ]) {
          const links = await page.locator(`.side-${side} a.passage-link`).allInnerTexts();
          expect(links.length).toBeGreaterThan(0);
          expect(links.every((t) => t.startsWith(name)), `${name}: ${links.join(' | ')}`).toBe(true);
        }
        await row.scrollIntoViewIfNeeded();
        await shot(page, `compare-phone-${colorScheme}`);
      });
    }
  });

  test('reads without JavaScript, and a passage’s link goes to its paragraph', async () => {
    await withPage({ viewport: VIEWPORTS.desktop, javaScriptEnabled: false }, async (page) => {
      await page.goto(site.server.url + PAIR);
      const first = page.locator('.side-b .cmp-passage:not(.cmp-excerpt) a.passage-link').first();
      await expect(first.isVisible()).resolves.toBe(true);
      const href = (await first.getAttribute('href'))!;
      await Promise.all([page.waitForURL(site.server.url + href), first.click()]);
      await expect(page.locator(`[id="${href.split('#')[1]}"]`).isVisible()).resolves.toBe(true);
    });
  });

  test('prints as the comparison: both columns, no chooser, no site navigation', async () => {
    await withPage({ viewport: VIEWPORTS.phone, colorScheme: 'light' }, async (page) => {
      await page.emulateMedia({ media: 'print' });
      const { a, b } = await firstRow(page);
      expect(b.x, 'two columns in print, even from a phone').toBeGreaterThan(a.x + a.width);
      await expect(page.locator('.compare-chooser').isVisible()).resolves.toBe(false);
      await expect(page.locator('.site-header').isVisible()).resolves.toBe(false);
      await expect(page.locator('.cite-panel .cite-gbt').first().isVisible(), 'the references print').resolves.toBe(true);
      await shot(page, 'compare-print');
    });
  });
});

describe('choosing two experts', () => {
  /** The chooser on /forum/ with the two experts chosen; press its button to go. */
  async function choose(page: Page, a: string, b: string) {
    await page.goto(site.server.url + '/forum/');
    const form = page.locator('form[data-compare-chooser]');
    await form.locator('select[name="a"]').selectOption(a);
    await form.locator('select[name="b"]').selectOption(b);
    return { form, go: form.getByRole('button', { name: '对照阅读' }) };
  }

  test('on /forum/, choosing 赵燕菁 and then 王凯 opens their page, 王凯 (printed first) on the left', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      const { form, go } = await choose(page, 'zhao-yanjing', 'wang-kai');
      // The chooser promises no side, and says how the sides are set.
      await expect(form.locator('label').allInnerTexts()).resolves.not.toContainEqual(expect.stringMatching(/左栏|右栏/));
      await expect(form.innerText()).resolves.toContain('按在笔谈中的先后分列左右');
      await Promise.all([page.waitForURL(site.server.url + PAIR), go.click()]);
    });
  });

  test('choosing the same expert twice says why nothing happens and goes back to the second list', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      const { form, go } = await choose(page, 'wang-lan', 'wang-lan');
      await go.click();
      await expect(form.getByRole('status').innerText()).resolves.toBe('请选两位不同的专家。');
      expect(new URL(page.url()).pathname).toBe('/forum/');
      await expect(page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.name)).resolves.toBe('b');
    });
  });

  test('without JavaScript, the chooser leads to the index of pairs, where the pair is one link away', async () => {
    await withPage({ viewport: VIEWPORTS.phone, javaScriptEnabled: false }, async (page) => {
      const { go } = await choose(page, 'zhao-yanjing', 'wang-kai');
      await Promise.all([page.waitForURL((u) => u.pathname === '/compare/'), go.click()]);
      expect(new URL(page.url()).searchParams.get('a')).toBe('zhao-yanjing');
      const link = page.locator('#zhao-yanjing a[href="/compare/wang-kai/zhao-yanjing/"]');
      await Promise.all([page.waitForURL(site.server.url + PAIR), link.click()]);
    });
  });

  test('an essay offers its 对照阅读 links: from 赵燕菁’s essay to her page with 王凯', async () => {
    await withPage({ viewport: VIEWPORTS.phone, javaScriptEnabled: false }, async (page) => {
      await page.goto(site.server.url + '/forum/zhao-yanjing/');
      await Promise.all([page.waitForURL(site.server.url + PAIR), page.locator('#compare').getByRole('link', { name: '王凯' }).click()]);
    });
  });
});

describe('the editor’s questions', () => {
  test('an essay’s question links to it on /forum/, where it shows with its experts', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await page.goto(site.server.url + '/forum/wang-kai/');
      await Promise.all([page.waitForURL(site.server.url + '/forum/#q2'), page.locator('.answers').getByRole('link', { name: '议题(2)' }).click()]);
      const question = page.locator('#q2');
      await expect.poll(() => question.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(VIEWPORTS.phone.height);
      await expect(question.getByRole('link', { name: /王凯/ }).count()).resolves.toBe(1);
    });
  });
});

describe('related passages', () => {
  const related = JSON.parse(readFileSync(path.join(DIST, 'related', 'wang-kai.json'), 'utf8')) as { paragraphs: { href: string }[][] };
  const asked = (page: Page) => {
    const urls: string[] = [];
    page.on('request', (r) => void urls.push(new URL(r.url()).pathname));
    return urls;
  };

  test('are loaded only when asked for, and list the paragraph’s related passages, each linking to it', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      const urls = asked(page);
      await page.goto(site.server.url + '/forum/wang-kai/', { waitUntil: 'networkidle' });
      await page.locator('a.pnum[href="#p3"]').click();
      await page.locator('.para-tools').waitFor();
      expect(urls.filter((u) => u.includes('related')), 'nothing of them before they are asked for').toEqual([]);
      const button = page.locator('.para-tools:has(+ #p3)').getByRole('button', { name: '相关段落' });
      await button.click();
      const links = page.locator('.para-related a.related-link');
      await expect.poll(() => links.count()).toBe(related.paragraphs[2]!.length);
      await expect(links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(related.paragraphs[2]!.map((r) => r.href));
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('true');
      expect(urls.filter((u) => u.includes('related')).length, 'its data and its code').toBe(2);
      await button.click();
      await expect(page.locator('.para-related').isVisible()).resolves.toBe(false);
      await expect(button.getAttribute('aria-expanded')).resolves.toBe('false');
    });
  });

  test('by keyboard: Enter on a paragraph number, Tab to 相关段落, Enter, Tab to the first related passage', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await page.goto(site.server.url + '/forum/wang-kai/');
      await page.locator('a.pnum[href="#p2"]').focus();
      await page.keyboard.press('Enter');
      await page.locator('.para-tools').waitFor();
      for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('相关段落');
      await page.keyboard.press('Enter');
      await page.locator('.para-related a.related-link').first().waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(related.paragraphs[1]![0]!.href);
    });
  });

  test('say so when they cannot be loaded, and load when asked again', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page, context) => {
      await context.route('**/related/*.json', (route) => route.fulfill({ status: 503, body: '' }));
      await page.goto(site.server.url + '/forum/wang-kai/#p1');
      await page.getByRole('button', { name: '相关段落' }).click();
      const slot = page.locator('.para-related');
      await expect.poll(() => slot.innerText()).toContain('相关段落没能载入（HTTP 503）');
      await context.unroute('**/related/*.json');
      await slot.getByRole('button', { name: '重试' }).click();
      await expect.poll(() => slot.locator('a.related-link').count()).toBe(related.paragraphs[0]!.length);
    });
  });

  test('say so when a paragraph has none', async () => {
    const docs = ['forum', 'wang-kai', 'zhao-yanjing', 'zhang-jingxiang', 'yuan-xin', 'zhao-zhirong', 'wang-xingping', 'yu-taofang', 'wang-wei', 'wang-fuhai', 'wang-shifu', 'wang-lan'];
    const none = docs.flatMap((doc) => {
      const { paragraphs } = JSON.parse(readFileSync(path.join(DIST, 'related', `${doc}.json`), 'utf8')) as { paragraphs: unknown[][] };
      const i = paragraphs.findIndex((list) => list.length === 0);
      return i < 0 ? [] : [{ doc, n: i + 1 }];
    })[0];
    expect(none, 'a paragraph of the forum without related passages').toBeDefined();
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/forum/${none!.doc === 'forum' ? '' : `${none!.doc}/`}#p${none!.n}`);
      await page.getByRole('button', { name: '相关段落' }).click();
      await expect.poll(() => page.locator('.para-related').innerText()).toBe(`其他专家和论文中，没有与第${none!.n}段明显相关的段落。`);
    });
  });

  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    for (const colorScheme of SCHEMES) {
      test(`open on a ${width} in ${colorScheme} mode: no accessibility violations, nothing wider than the screen`, async () => {
        await withPage({ viewport, colorScheme }, async (page) => {
          await page.goto(site.server.url + '/paper/2/#p3');
          await page.getByRole('button', { name: '相关段落' }).click();
          await page.locator('.para-related a.related-link').first().waitFor();
          const violations = await axeViolations(page);
          expect(violations.length, formatViolations(violations)).toBe(0);
          await expect(page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0);
          await page.locator('.para-tools').screenshot({ path: path.join(SHOTS, `related-${width}-${colorScheme}.png`) });
        });
      });
    }
  }
});
