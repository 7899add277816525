/**
 * Cite and link in Chromium: copying a paragraph's or a section's permanent
 * address, the cite panel's copy buttons, citing a paragraph, building a
 * reading list from the reading pages, and the list page itself (its order,
 * its address, its print view, without JavaScript). axe finds no violations
 * on these views at phone and desktop width, light and dark.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations, VIEWPORTS } from '../helpers/browser.ts';
import { OUTPUT, ROOT } from '../../scripts/lib/paths.ts';
import { SITE } from '../helpers/site.ts';
import { serveBuiltSite } from '../helpers/served-site.ts';

interface Passage {
  id: string;
  text: string;
}
const passages = new Map((JSON.parse(readFileSync(path.join(ROOT, 'content', 'passages.json'), 'utf8')) as Passage[]).map((p) => [p.id, p.text]));
const SHOTS = path.join(OUTPUT, 'screenshots');

const site = serveBuiltSite({ permissions: ['clipboard-read', 'clipboard-write'] });
const { withPage } = site;

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});


const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
/** Today in the browser, as the citations write it. */
const today = (page: Page) =>
  page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
/** The ids in the list page's address. */
const listInAddress = (page: Page) => new URL(page.url()).searchParams.get('p');
/** The texts of the list's paragraphs, once it has rendered `n` of them. */
async function listTexts(page: Page, n: number): Promise<string[]> {
  const items = page.locator('.list-items > li');
  await expect.poll(() => items.count(), { message: `the list shows ${n} items` }).toBe(n);
  return items.locator('.list-text').allInnerTexts();
}

describe('copying a link', () => {
  test('the number of paragraph 3 in 王凯’s essay opens tools at it, and 复制链接 puts its permanent address on the clipboard', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/forum/wang-kai/`);
      await page.locator('a.pnum[href="#p3"]').click();
      await page.waitForURL((u) => u.hash === '#p3');
      const tools = page.locator('.para-tools:has(+ #p3)');
      await tools.waitFor();
      await expect(tools.isVisible(), 'the tools appear right above paragraph 3, at its number').resolves.toBe(true);
      await tools.getByRole('button', { name: '复制链接' }).click();
      const address = `${SITE}/forum/wang-kai/#p3`;
      await expect.poll(() => clipboard(page)).toBe(address);
      await expect(tools.getByRole('status').innerText(), 'a visible confirmation').resolves.toBe(`已复制第3段的链接：${address}`);
    });
  });

  test('a section heading’s § offers the same, with the section’s address', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await page.goto(`${site.server.url}/forum/wang-kai/`);
      await page.locator('a.snum[href="#s2"]').click();
      const tools = page.locator('#s2 + .para-tools');
      await tools.waitFor();
      await expect(tools.getByRole('button', { name: '引用本段' }).isVisible(), 'a heading is not cited as a paragraph').resolves.toBe(false);
      await tools.getByRole('button', { name: '复制链接' }).click();
      await expect.poll(() => clipboard(page)).toBe(`${SITE}/forum/wang-kai/#s2`);
    });
  });

  test('by keyboard: Enter on a paragraph number, then Tab, reaches 复制链接', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/forum/wang-kai/`);
      await page.locator('a.pnum[href="#p2"]').focus();
      await page.keyboard.press('Enter');
      await page.locator('.para-tools').waitFor();
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('复制链接');
      await page.keyboard.press('Enter');
      await expect.poll(() => clipboard(page)).toBe(`${SITE}/forum/wang-kai/#p2`);
    });
  });

  test('arriving at a paragraph’s address shows its tools', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await page.goto(`${site.server.url}/paper/2/#p3`);
      const tools = page.locator('.para-tools:has(+ #p3)');
      await tools.waitFor();
      await expect(tools.isVisible()).resolves.toBe(true);
      await expect(tools.getAttribute('aria-label')).resolves.toBe('第3段的工具');
    });
  });
});

describe('citing', () => {
  test('the cite panel’s copy button copies the GB/T 7714 reference and says so', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/paper/`);
      const item = page.locator('.cite-panel .cite-gbt');
      await item.getByRole('button', { name: /^复制\s*GB\/T 7714 格式$/ }).click();
      const button = item.locator('.copy-button');
      await expect.poll(() => button.innerText(), { message: 'the button confirms' }).toMatch(/^已复制/);
      await expect.poll(() => clipboard(page)).toBe('马雪松, 柏然. 优化国土空间发展格局视域下推进城市群一体化发展的空间逻辑[J]. 云南社会科学, 2024(1).');
    });
  });

  test('引用本段 shows the paragraph’s citations with today’s date and its address, and copies them', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await page.goto(`${site.server.url}/paper/2/`);
      await page.locator('a.pnum[href="#p3"]').click();
      const cite = page.getByRole('button', { name: '引用本段' });
      await cite.click();
      await expect.poll(() => cite.getAttribute('aria-expanded'), { message: 'open once the citation record is fetched' }).toBe('true');
      const gbt = page.locator('.para-tools .cite-gbt .cite-text');
      const expected = `马雪松, 柏然. 优化国土空间发展格局视域下推进城市群一体化发展的空间逻辑[J/OL]. 云南社会科学, 2024(1): 第二节第3段[${await today(page)}]. ${SITE}/paper/2/#p3.`;
      await expect.poll(() => gbt.innerText(), { message: 'the citation, once its record is fetched' }).toBe(expected);
      await expect(page.locator('.para-tools .cite-apa .cite-text').innerText()).resolves.toContain('(马雪松 & 柏然, 2024, 第二节第3段)');
      await page.locator('.para-tools .cite-gbt').getByRole('button').click();
      await expect.poll(() => clipboard(page)).toBe(expected);
    });
  });
});

describe('the reading list', () => {
  test('a list’s address shows its paragraphs in that order, each with its source, address and link', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      const ids = ['paper-2:p3', 'wang-kai:p5', 'forum:p1'];
      await page.goto(`${site.server.url}/list/?p=${ids.join(',')}`);
      expect(await listTexts(page, 3)).toEqual(ids.map((id) => passages.get(id)));
      await expect(page.locator('.list-source').allInnerTexts()).resolves.toEqual([
        '马雪松、柏然《优化国土空间发展格局视域下推进城市群一体化发展的空间逻辑》第二节第3段',
        '王凯《新质生产力与城市规划改革》第5段',
        '《“新质生产力与城乡规划”学术笔谈》主编按语第1段',
      ]);
      await expect(page.locator('.list-source a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).resolves.toEqual(['/paper/2/#p3', '/forum/wang-kai/#p5', '/forum/#p1']);
      await expect(page.locator('.list-url').allInnerTexts()).resolves.toEqual([`${SITE}/paper/2/#p3`, `${SITE}/forum/wang-kai/#p5`, `${SITE}/forum/#p1`]);
      const gbt = await page.locator('.list-cite .cite-gbt .cite-text').innerText();
      const lines = gbt.split('\n');
      expect(lines.length).toBe(3);
      expect(lines[0]).toMatch(/^\[1\] 马雪松, 柏然\. 优化.*第二节第3段/);
      expect(lines[1]).toMatch(/^\[2\] 王凯\. 新质生产力与城市规划改革.*第5段/);
      expect(lines[2]).toMatch(/^\[3\] 王凯, 赵燕菁, 张京祥, 等\. .*主编按语第1段/);
    });
  });

  test('a paragraph or page that does not exist is reported, not dropped, and not asked of the site.server', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      const failed: string[] = [];
      page.on('response', (r) => void (r.ok() || failed.push(`${r.status()} ${r.url()}`)));
      await page.goto(`${site.server.url}/list/?p=wang-kai:p5,wang-kai:p99,no-such-page:p1`);
      await expect.poll(() => page.locator('.list-items > li').count()).toBe(3);
      await expect(page.locator('.list-text').allInnerTexts()).resolves.toEqual([passages.get('wang-kai:p5')]);
      await expect(page.locator('.list-missing').allInnerTexts()).resolves.toEqual([
        expect.stringContaining('找不到 wang-kai:p99 这一段'),
        expect.stringContaining('找不到 no-such-page:p1 这一段'),
      ]);
      expect(failed).toEqual([]);
    });
  });

  test('by keyboard: 下移 and 上移 keep focus on the moved entry, on the same button while it applies, else on the other', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      const ids = ['wang-kai:p5', 'paper-2:p3', 'forum:p1'];
      await page.goto(`${site.server.url}/list/?p=${ids.join(',')}`);
      await listTexts(page, 3);
      const sources = await page.locator('.list-source').allInnerTexts();
      const moved = sources[0]!;
      /** The focused button's text (or what else has focus), and the source of the list entry that holds it. */
      const focused = () =>
        page.evaluate(() => {
          const at = document.activeElement;
          return {
            button: at instanceof HTMLButtonElement ? at.textContent : at?.tagName,
            entry: at?.closest('li')?.querySelector('.list-source')?.textContent,
          };
        });

      // 上移 of the first entry is disabled, so one Tab from its source link reaches its 下移.
      await page.locator('.list-source a').first().focus();
      await page.keyboard.press('Tab');
      await expect(focused()).resolves.toEqual({ button: `下移：${moved}`, entry: moved });
      await page.keyboard.press('Enter');
      await expect.poll(() => listInAddress(page)).toBe([ids[1], ids[0], ids[2]].join(','));
      await expect(focused(), 'still on 下移, now of the second entry').resolves.toEqual({ button: `下移：${moved}`, entry: moved });
      await page.keyboard.press('Enter');
      await expect.poll(() => listInAddress(page)).toBe([ids[1], ids[2], ids[0]].join(','));
      await expect(focused(), 'the last entry cannot move down: focus goes to its 上移').resolves.toEqual({ button: `上移：${moved}`, entry: moved });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await expect.poll(() => listInAddress(page)).toBe(ids.join(','));
      await expect(focused(), 'the first entry cannot move up: focus goes to its 下移').resolves.toEqual({ button: `下移：${moved}`, entry: moved });
      await page.keyboard.press('Tab');
      await expect(focused(), 'the next Tab goes on from there').resolves.toEqual({ button: `移除：${moved}`, entry: moved });
      for (const left of [2, 1, 0]) {
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('.list-items > li').count()).toBe(left);
      }
      await expect(page.evaluate(() => document.activeElement?.textContent?.trim().slice(0, 6)), 'the last removed: focus on what the page says now').resolves.toBe('清单是空的。');
    });
  });

  test('the count says how many paragraphs are shown, not how many ids the address holds', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await page.goto(`${site.server.url}/list/?p=wang-kai:p99,foo:p1,paper-2:p3`);
      expect(await listTexts(page, 3)).toEqual([passages.get('paper-2:p3')]);
      await expect(page.locator('.list-missing').count()).resolves.toBe(2);
      await expect(page.locator('.list-summary').innerText()).resolves.toBe('共1段，出自1篇文献；另有2项找不到。');
    });
  });

  test('paragraphs added on the reading pages are kept in the browser, and /list/ shows them and writes them into its address', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/forum/wang-kai/`);
      await page.locator('a.pnum[href="#p4"]').click();
      await page.getByRole('button', { name: '加入阅读清单' }).click();
      await expect(page.locator('.para-tools [role="status"]').innerText()).resolves.toContain('清单共1段');
      await expect(page.locator('#p4').getAttribute('class')).resolves.toContain('in-list');
      await page.goto(`${site.server.url}/paper/1/#p2`);
      await page.getByRole('button', { name: '加入阅读清单' }).click();
      await page.getByRole('link', { name: /查看阅读清单（2段）/ }).click();

      await page.waitForURL((u) => u.pathname === '/list/');
      expect(await listTexts(page, 2)).toEqual([passages.get('wang-kai:p4'), passages.get('paper-1:p2')]);
      expect(listInAddress(page)).toBe('wang-kai:p4,paper-1:p2');

      await page.getByRole('button', { name: /^上移\s*：马雪松、柏然《优化国土空间发展格局视域下推进城市群一体化发展的空间逻辑》第一节第2段$/ }).click();
      await expect.poll(() => listInAddress(page)).toBe('paper-1:p2,wang-kai:p4');
      await page.getByRole('button', { name: /^移除\s*：王凯/ }).click();
      await expect.poll(() => listInAddress(page)).toBe('paper-1:p2');
      await page.goto(`${site.server.url}/list/`);
      expect(await listTexts(page, 1), 'the edited list is kept').toEqual([passages.get('paper-1:p2')]);
    });
  });

  test('a list opened from someone’s link does not replace the reader’s own until they save it', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await page.goto(`${site.server.url}/forum/zhao-yanjing/#p1`);
      await page.getByRole('button', { name: '加入阅读清单' }).click();
      await page.goto(`${site.server.url}/list/?p=wang-lan:p2`);
      await listTexts(page, 1);
      const adopt = page.getByRole('button', { name: '存为我的阅读清单' });
      await expect(adopt.isVisible()).resolves.toBe(true);
      await expect(page.locator('.list-shared').innerText()).resolves.toContain('与本浏览器保存的清单不同');
      await page.goto(`${site.server.url}/list/`);
      expect(await listTexts(page, 1)).toEqual([passages.get('zhao-yanjing:p1')]);
      await page.goto(`${site.server.url}/list/?p=wang-lan:p2`);
      await page.getByRole('button', { name: '存为我的阅读清单' }).click();
      await page.goto(`${site.server.url}/list/`);
      expect(await listTexts(page, 1)).toEqual([passages.get('wang-lan:p2')]);
    });
  });

  test('a list opened from a link in a browser that keeps no list says it is not saved here, and how to save it', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await page.goto(`${site.server.url}/list/?p=wang-lan:p2`);
      await listTexts(page, 1);
      const shared = page.locator('.list-shared');
      await expect(shared.innerText()).resolves.not.toContain('不同');
      await expect(shared.innerText()).resolves.toContain('本浏览器还没有保存阅读清单');
      await shared.getByRole('button', { name: '存为我的阅读清单' }).click();
      await expect(shared.isVisible()).resolves.toBe(false);
      await page.goto(`${site.server.url}/list/`);
      expect(await listTexts(page, 1)).toEqual([passages.get('wang-lan:p2')]);
    });
  });

  test('an empty list says how to add paragraphs, and offers nothing to copy or print', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await page.goto(`${site.server.url}/list/`);
      await expect(page.locator('.list-empty').innerText()).resolves.toContain('加入阅读清单');
      await expect(page.getByRole('button', { name: '复制清单链接' }).isVisible()).resolves.toBe(false);
      await expect(page.locator('.list-cite').isVisible()).resolves.toBe(false);
    });
  });

  test('复制清单链接 copies the list’s permanent address', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/list/?p=wang-kai:p5,paper-2:p3`);
      await listTexts(page, 2);
      await page.getByRole('button', { name: '复制清单链接' }).click();
      await expect.poll(() => clipboard(page)).toBe(`${SITE}/list/?p=wang-kai:p5,paper-2:p3`);
    });
  });

  test('printed, the list is a clean handout: paragraphs, sources, addresses and citations, no navigation or buttons', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/list/?p=wang-kai:p5,paper-2:p3`);
      await listTexts(page, 2);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(SHOTS, 'list-print.png'), fullPage: true });
      for (const hidden of ['.site-header', '.site-nav', '.skip-link', '.site-footer']) {
        await expect(page.locator(hidden).isVisible(), `${hidden} is hidden in print`).resolves.toBe(false);
      }
      const visibleButtons = await page.locator('main button').evaluateAll((bs) => bs.filter((b) => (b as HTMLElement).offsetParent !== null).length);
      expect(visibleButtons, 'no buttons in print').toBe(0);
      for (const shown of ['h1', '.list-text >> nth=1', '.list-url >> nth=1', '.list-cite .cite-gbt']) {
        await expect(page.locator(shown).isVisible(), `${shown} is printed`).resolves.toBe(true);
      }
    });
  });

  test('without JavaScript, the list page says what it needs and how to use paragraph addresses instead', async () => {
    await withPage({ viewport: VIEWPORTS.phone, javaScriptEnabled: false }, async (page) => {
      await page.goto(`${site.server.url}/list/?p=wang-kai:p5`);
      await expect(page.locator('.needs-js').innerText()).resolves.toContain('需要启用 JavaScript');
      await expect(page.locator('[data-list-app]').isVisible()).resolves.toBe(false);
      await expect(page.locator('.cite-panel button:visible').count()).resolves.toBe(0);
    });
  });
});

describe('accessibility of the cite and list views', () => {
  const VIEWS = [
    { name: 'the reading list', path: '/list/?p=wang-kai:p5,paper-2:p3,forum:p1', ready: async (page: Page) => void (await listTexts(page, 3)) },
    {
      name: '王凯’s essay with a paragraph’s tools and citations open',
      path: '/forum/wang-kai/#p3',
      ready: async (page: Page) => {
        await page.getByRole('button', { name: '引用本段' }).click();
        await page.getByRole('button', { name: '加入阅读清单' }).click();
      },
    },
  ];
  for (const view of VIEWS) {
    for (const [width, viewport] of Object.entries(VIEWPORTS)) {
      for (const colorScheme of ['light', 'dark'] as const) {
        test(`${view.name} has no axe violations and fits the screen on a ${width} in ${colorScheme} mode`, async () => {
          await withPage({ viewport, colorScheme }, async (page) => {
            await page.goto(site.server.url + view.path);
            await view.ready(page);
            await page.screenshot({ path: path.join(SHOTS, `cite-${view.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '')}-${width}-${colorScheme}.png`), fullPage: true });
            const violations = await axeViolations(page);
            expect(violations.length, formatViolations(violations)).toBe(0);
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow, 'sideways scrolling').toBeLessThanOrEqual(0);
          });
        });
      }
    }
  }
});
