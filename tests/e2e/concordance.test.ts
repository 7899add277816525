/**
 * The concordance in Chromium: the lines and counts of a word against the
 * built reading pages (tests/helpers/passages.ts, independent of the word
 * files), the four orders by mouse and keyboard with the order in the
 * address and announced, following a line to its paragraph, a word the
 * texts do not hold, traditional characters, loading and error, the links
 * from search and the theme pages, print, and the page on a phone.
 * Screenshots go to tests/.output/.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { OUTPUT } from '../../scripts/lib/paths.ts';
import { VIEWPORTS } from '../helpers/browser.ts';
import { builtPassages } from '../helpers/passages.ts';
import { serveBuiltSite } from '../helpers/served-site.ts';

const site = serveBuiltSite();
const { withPage } = site;
const q = (text: string) => `?q=${encodeURIComponent(text)}`;

function occurrences(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) n++;
  return n;
}

/** How many times the built paragraphs and footnotes hold a word, in all and by page. */
function expected(word: string): { total: number; byPage: Map<string, number> } {
  const byPage = new Map<string, number>();
  for (const p of builtPassages()) {
    const n = occurrences(p.text, word);
    if (n) byPage.set(p.href.split('#')[0]!, (byPage.get(p.href.split('#')[0]!) ?? 0) + n);
  }
  return { total: [...byPage.values()].reduce((a, b) => a + b, 0), byPage };
}

/** Waits until the page has shown its answer: its status says something and is not busy. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const status = document.getElementById('conc-status');
    return !!status?.textContent && status.dataset.kind !== 'busy';
  });
}

async function open(page: Page, query: string) {
  await page.goto(`${site.server.url}/concordance/${query}`);
  await settled(page);
}

/** The lines as shown: where, and the context around the word. */
const shownLines = (page: Page) =>
  page.locator('#conc-lines tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      href: new URL(r.querySelector('a')!.href).pathname + new URL(r.querySelector('a')!.href).hash,
      left: r.querySelector('.conc-left')!.textContent ?? '',
      word: r.querySelector('.conc-kw')!.textContent ?? '',
      right: r.querySelector('.conc-right')!.textContent ?? '',
    })),
  );

describe('a word’s lines and counts', () => {
  test('城市群: a line for each time the built texts hold it, each the passage’s own text, the word between about 20 characters each side', async () => {
    const { total } = expected('城市群');
    const texts = new Map(builtPassages().map((p) => [p.href, p.text]));
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await open(page, q('城市群'));
      const lines = await shownLines(page);
      expect(lines).toHaveLength(total);
      for (const line of lines) {
        expect(line.word).toBe('城市群');
        expect(texts.get(line.href), line.href).toContain(`${line.left}城市群${line.right}`);
        expect([...line.left].length).toBeLessThanOrEqual(20);
        expect([...line.right].length).toBeLessThanOrEqual(20);
      }
      await expect(page.locator('#conc-lines caption').innerText()).resolves.toBe(`“城市群”的${total}处用例，按文档顺序`);
      await expect(page.locator('#conc-status').innerText()).resolves.toContain(`共出现${total}次`);
    });
  });

  test('the counts table gives each document’s count and rate per 10,000 characters as text, with totals, and a strip of where it falls', async () => {
    const { byPage } = expected('城市群');
    const chars = new Map<string, number>();
    for (const p of builtPassages()) chars.set(p.href.split('#')[0]!, (chars.get(p.href.split('#')[0]!) ?? 0) + p.text.length);
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await open(page, q('城市群'));
      const rows = await page.locator('.conc-counts tr.conc-doc').evaluateAll((trs) =>
        trs.map((tr) => ({
          page: new URL(tr.querySelector('th a')!.getAttribute('href')!, location.href).pathname,
          cells: [...tr.querySelectorAll('td.conc-num')].map((td) => td.textContent),
          ticks: tr.querySelectorAll('.conc-tick').length,
          label: tr.querySelector('.conc-strip')?.getAttribute('aria-label') ?? null,
        })),
      );
      expect(rows.map((r) => r.page)).toEqual([...chars.keys()]);
      for (const row of rows) {
        const count = byPage.get(row.page) ?? 0;
        expect(row.cells, row.page).toEqual([String(count), ((count * 10_000) / chars.get(row.page)!).toFixed(1)]);
        expect(row.ticks).toBe(count);
        if (count) expect(row.label).toMatch(/中的位置：第\d+段/);
      }
      const total = [...byPage.values()].reduce((a, b) => a + b, 0);
      const all = [...chars.values()].reduce((a, b) => a + b, 0);
      await expect(page.locator('.conc-counts tfoot td.conc-num').allInnerTexts()).resolves.toEqual([String(total), ((total * 10_000) / all).toFixed(1)]);
    });
  });
});

describe('the orders of the lines', () => {
  test('by left context, by a click: the address keeps it, the button is pressed, the column says it is sorted, and the change is announced; Back restores reading order', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await open(page, q('新质生产力'));
      const before = await shownLines(page);
      await page.getByRole('button', { name: '左文' }).click();
      await page.waitForURL((u) => u.searchParams.get('sort') === 'left');
      await expect(page.getByRole('button', { name: '左文' }).getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(page.getByRole('button', { name: '文档顺序' }).getAttribute('aria-pressed')).resolves.toBe('false');
      await expect(page.locator('#conc-lines th[aria-sort]').innerText()).resolves.toBe('左文');
      await expect(page.locator('.conc-section [aria-live]').innerText()).resolves.toContain('已按左文排序');
      const after = await shownLines(page);
      expect(after.map((l) => l.href).sort()).toEqual(before.map((l) => l.href).sort());
      // Lines with 发展 right before the word stand together.
      const runs = after.map((l) => l.left.endsWith('发展')).filter((x, i, all) => x && !all[i - 1]);
      expect(runs).toHaveLength(1);
      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has('sort'));
      await expect.poll(async () => (await shownLines(page)).map((l) => l.href), { timeout: 10_000 }).toEqual(before.map((l) => l.href));
    });
  });

  test('by keyboard: Tab to the order buttons, Enter and Space choose; an address with an order opens in it', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await open(page, `${q('城市群')}&sort=expert`);
      await expect(page.getByRole('button', { name: '专家' }).getAttribute('aria-pressed')).resolves.toBe('true');
      await expect(page.locator('#conc-lines caption').innerText()).resolves.toContain('按专家姓名排序');
      await page.getByRole('button', { name: '专家' }).focus();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('右文');
      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.searchParams.get('sort') === 'right');
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Space');
      await page.waitForURL((u) => u.searchParams.get('sort') === 'left');
      await expect(page.getByRole('button', { name: '左文' }).getAttribute('aria-pressed')).resolves.toBe('true');
    });
  });

  test('an order the page does not have: reading order, said so, and the address says what is shown', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await open(page, `${q('城市群')}&sort=%3Cb%3E`);
      await expect(page.locator('#conc-note').innerText()).resolves.toContain('没有“<b>”这种排序');
      expect(new URL(page.url()).searchParams.has('sort')).toBe(false);
      await expect(page.getByRole('button', { name: '文档顺序' }).getAttribute('aria-pressed')).resolves.toBe('true');
    });
  });
});

describe('from a line to its passage', () => {
  test('a line leads to its paragraph, with the word marked there', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await open(page, q('存量更新'));
      const link = page.locator('#conc-lines tbody a').first();
      await expect(link.innerText()).resolves.toMatch(/王凯\s*第4段/);
      await Promise.all([page.waitForURL('**/forum/wang-kai/#p4'), link.click()]);
      // The marks come with a script loaded once the page is there.
      await expect.poll(() => page.locator('#p4.search-landing mark.search-term').allInnerTexts()).toEqual(['存量更新']);
    });
  });

  test('on a phone, a line leads to its place in a long paragraph: the word followed is on the screen', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await open(page, `${q('城市群')}&sort=right`);
      // The first line in the order of the right context: a place deep in a long paragraph of the paper.
      const link = page.locator('#conc-lines tbody a').first();
      const href = new URL(await link.evaluate((a) => (a as HTMLAnchorElement).href));
      await Promise.all([page.waitForURL(`**${href.pathname}${href.hash}`), link.click()]);
      const mark = page.locator(`${href.hash}.search-landing mark.search-term`);
      await expect.poll(() => mark.count()).toBe(1);
      const paragraph = (await page.locator(href.hash).boundingBox())!;
      expect(paragraph.height, 'the paragraph is taller than the screen').toBeGreaterThan(VIEWPORTS.phone.height);
      // The marks and the paragraph tools (with their stylesheet) arrive after the page: wait for the page to settle.
      const onScreen = async () => {
        const box = await mark.boundingBox();
        return !!box && box.y >= 0 && box.y + box.height <= VIEWPORTS.phone.height;
      };
      await expect.poll(onScreen, { message: 'the word followed is on the screen' }).toBe(true);
      await page.waitForTimeout(500);
      await expect(onScreen(), 'and stays there').resolves.toBe(true);
    });
  });
});

describe('what the page says when it has no lines to show', () => {
  test('a word the texts hold only inside longer words: says so, and offers the words that hold it', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await open(page, q('市群'));
      await expect(page.locator('#conc-status').innerText()).resolves.toContain('“市群”在笔谈与论文中没有出现');
      await expect(page.locator('#conc-lines').count()).resolves.toBe(0);
      const near = page.locator('.conc-near a').first();
      await expect(near.innerText()).resolves.toBe('城市群');
      await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === '城市群'), near.click()]);
      await settled(page);
      await expect(page.locator('#conc-lines tbody tr').count()).resolves.toBe(expected('城市群').total);
    });
  });

  test('a word in traditional characters is shown in simplified ones, and said so', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await open(page, q('城市羣'));
      await expect(page.locator('#conc-note').innerText()).resolves.toContain('“城市羣”含繁体字，已按简体“城市群”列出');
      await expect(page.locator('#conc-lines tbody tr').count()).resolves.toBe(expected('城市群').total);
    });
  });

  test('several words: the first, with links to the others', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await open(page, q('存量更新 土地财政'));
      await expect(page.locator('#conc-lines caption').innerText()).resolves.toContain('“存量更新”');
      await expect(page.locator('#conc-note a').getAttribute('href')).resolves.toBe(`/concordance/${q('土地财政')}`);
    });
  });

  test('opened without a word, it says what to do and offers words to start from', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await open(page, '');
      await expect(page.locator('#conc-status').innerText()).resolves.toContain('输入一个词');
      await expect(page.locator('.search-examples a').count()).resolves.toBeGreaterThan(0);
    });
  });

  test('while the word loads it says so; if it cannot load, says what went wrong, and Retry loads it', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/concordance/words/*.json', async (route) => {
        await held;
        await route.abort();
      });
      await page.goto(`${site.server.url}/concordance/${q('城市群')}`);
      const status = page.locator('#conc-status');
      await expect.poll(() => status.innerText(), { timeout: 10_000 }).toContain('正在载入“城市群”的用例');
      await expect(page.locator('#conc-results').getAttribute('aria-busy')).resolves.toBe('true');
      release();
      await expect.poll(() => status.getAttribute('data-kind'), { timeout: 10_000 }).toBe('error');
      await expect(status.innerText()).resolves.toContain('没能载入“城市群”的用例');
      await page.unroute('**/concordance/words/*.json');
      await page.getByRole('button', { name: '重试' }).click();
      await settled(page);
      await expect(page.locator('#conc-lines tbody tr').count()).resolves.toBe(expected('城市群').total);
    });
  });

  test('without JavaScript, it says it needs it and offers search', async () => {
    await withPage({ viewport: VIEWPORTS.phone, javaScriptEnabled: false }, async (page) => {
      await page.goto(`${site.server.url}/concordance/${q('城市群')}`);
      await expect(page.locator('.conc-nojs').innerText()).resolves.toContain('需要 JavaScript');
      await expect(page.locator('.conc-nojs a').first().getAttribute('href')).resolves.toBe('/search/');
    });
  });
});

describe('links to the concordance', () => {
  test('a search links each of its words to its concordance', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/search/${q('城市群 土地财政')}`);
      await page.waitForFunction(() => document.getElementById('search-status')?.dataset.kind === 'idle');
      const links = page.locator('#search-words a');
      await expect(links.allInnerTexts()).resolves.toEqual(['城市群', '土地财政']);
      await Promise.all([page.waitForURL((u) => u.pathname === '/concordance/' && u.searchParams.get('q') === '城市群'), links.first().click()]);
      await settled(page);
      await expect(page.locator('#conc-lines tbody tr').count()).resolves.toBe(expected('城市群').total);
    });
  });

  test('a theme page links each of its terms to its concordance', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/themes/cunliang-gengxin/`);
      const link = page.getByRole('link', { name: /^存量更新\s*的词语索引$/ });
      await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === '存量更新'), link.click()]);
      await settled(page);
      await expect(page.locator('#conc-lines tbody tr').count()).resolves.toBe(expected('存量更新').total);
    });
  });
});

describe('how it looks', () => {
  test.each(Object.entries(VIEWPORTS))('nothing on screen moves when the lines arrive (%s): their room is held from the start', async (_, viewport) => {
    await withPage({ viewport }, async (page) => {
      await page.addInitScript(() => {
        const shifts: number[] = ((window as unknown as { __shifts: number[] }).__shifts = []);
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) shifts.push(entry.value);
        }).observe({ type: 'layout-shift', buffered: true });
      });
      await open(page, q('城市群'));
      await page.waitForTimeout(300);
      const shift = await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts.reduce((a, b) => a + b, 0));
      // Lighthouse's bar for a good page is 0.1; without the held room the desktop page shifted 0.75.
      expect(shift).toBeLessThan(0.05);
    });
  });

  test('prints as tables: no form or order buttons, the context whole', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await open(page, q('城市群'));
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('#conc-form').isVisible()).resolves.toBe(false);
      await expect(page.locator('.conc-sort').isVisible()).resolves.toBe(false);
      await expect(page.locator('#conc-lines').evaluate((t) => getComputedStyle(t).display)).resolves.toBe('table');
      const clipped = await page.locator('.conc-left > span, .conc-right > span').evaluateAll((spans) => spans.filter((s) => s.scrollWidth > s.clientWidth + 1).length);
      expect(clipped).toBe(0);
      await page.pdf({ path: path.join(OUTPUT, 'concordance-print.pdf') });
    });
  });

  test.each([
    ['phone', VIEWPORTS.phone],
    ['desktop', VIEWPORTS.desktop],
  ] as const)('on a %s, light and dark: the page does not scroll sideways, the counts fit their box, the word column stays in view', async (name, viewport) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await withPage({ viewport, colorScheme }, async (page) => {
        await open(page, q('城市群'));
        await expect(page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).resolves.toBeLessThanOrEqual(0);
        const counts = page.locator('.conc-scroll:has(.conc-counts)');
        await expect(counts.evaluate((box) => box.scrollWidth - box.clientWidth), 'the counts, charts included, are not cut at the right').resolves.toBeLessThanOrEqual(0);
        const word = await page.locator('#conc-lines tbody .conc-kw').first().boundingBox();
        expect(word!.x + word!.width).toBeLessThanOrEqual(viewport.width);
        await page.screenshot({ path: path.join(OUTPUT, `concordance-${name}-${colorScheme}.png`) });
      });
    }
  });
});
