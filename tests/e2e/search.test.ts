/**
 * Search in Chromium, through the search page itself, on the real index in
 * dist/pagefind: which passage comes first, what is exact and what partial
 * (and that nothing else is: no fragments of words), footnotes, traditional
 * characters, filters and their counts, landing on the passage, the header
 * box, and the states a reader can meet (loading, error, no results, no
 * JavaScript). Expected passages are read from the built pages
 * (tests/helpers/passages.ts), independently of the index.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../../scripts/lib/paths.ts';
import { readPassagesFile } from '../../src/lib/passages.ts';
import { pageOfDoc } from '../helpers/corpus.ts';
import { axeViolations, formatViolations, VIEWPORTS } from '../helpers/browser.ts';
import { builtPassages, containing } from '../helpers/passages.ts';
import { serveBuiltSite } from '../helpers/served-site.ts';

const site = serveBuiltSite();
const { withPage } = site;

/** Waits until the search page has finished a search: its status says something and is not busy. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status');
    return !!status?.textContent && status.dataset.kind !== 'busy';
  });
}

/** Opens /search/ with a query string and waits for the results. */
async function search(page: Page, query: string) {
  await page.goto(`${site.server.url}/search/${query}`);
  await settled(page);
}

/** The links of the results in one group, in the order shown (folded ones included), without the origin. */
function results(page: Page, group: 'exact' | 'partial'): Promise<string[]> {
  return page.locator(`#search-${group} a.result-link`).evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
}

/** Every marked stretch of every result (folded ones included), as text. */
const marks = (page: Page) => page.locator('#search-results .result-snippet mark').evaluateAll((ms) => ms.map((m) => m.textContent ?? ''));

const q = (text: string) => `?q=${encodeURIComponent(text)}`;
const isFootnote = (href: string) => /#fn-\d+$/.test(href);

describe('ranking', () => {
  test('存量更新: the first result is the paragraph of 王凯’s essay that contains it, with the term marked', async () => {
    const expected = containing('存量更新');
    expect(expected).toEqual(['/forum/wang-kai/#p4']);
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('存量更新'));
      expect(await results(page, 'exact')).toEqual(expected);
      const first = page.locator('.result').first();
      await expect(first.locator('.result-link').innerText()).resolves.toMatch(/王凯.*第4段/s);
      await expect(first.locator('mark').allInnerTexts()).resolves.toEqual(['存量更新']);
      await expect(page.locator('#search-status').innerText()).resolves.toContain('1段完整匹配');
    });
  });

  test('城市群: every passage that contains it is an exact result, the paragraphs before the footnotes', async () => {
    const expected = containing('城市群');
    expect(expected.some(isFootnote), 'cited titles hold it too').toBe(true);
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('城市群'));
      const exact = await results(page, 'exact');
      expect([...exact].sort()).toEqual([...expected].sort());
      const firstNote = exact.findIndex(isFootnote);
      expect(exact.slice(firstNote).every(isFootnote), 'no paragraph after a footnote').toBe(true);
    });
  });

  test('two terms separated by a space: exact results hold both, partial ones one of them, below, saying which they lack', async () => {
    const expected = containing('存量', '土地财政');
    expect(expected).toEqual(['/forum/wang-xingping/#p8']);
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('存量 土地财政'));
      expect(await results(page, 'exact')).toEqual(expected);
      const partial = await results(page, 'partial');
      expect(partial).toEqual(expect.arrayContaining(containing('土地财政').filter((h) => !expected.includes(h))));
      await expect(page.locator('.result').first().locator('mark').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['存量', '土地财政']));
      const order = await page.locator('.result').evaluateAll((items) => items.map((li) => li.classList.contains('result-partial')));
      expect(order.indexOf(true), 'exact results above partial ones').toBe(expected.length);
      const badges = await page.locator('#search-partial .result').evaluateAll((items) =>
        items.map((li) => ({ badge: li.querySelector('.result-badge')?.textContent, marks: [...li.querySelectorAll('mark')].map((m) => m.textContent) })),
      );
      for (const { badge, marks: marked } of badges) {
        const has = new Set(marked);
        expect(badge, `a partial result says what it lacks (${[...has].join('、')})`).toBe(has.has('土地财政') ? '缺少：存量' : '缺少：土地财政');
      }
    });
  });

  test('an English term the text contains, Castells, is found in the paper’s introduction', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('castells'));
      expect(await results(page, 'exact')).toEqual(containing('Castells'));
      await expect(page.locator('.result mark').first().innerText()).resolves.toBe('Castells');
    });
  });
});

describe('how a result is headed', () => {
  test('by its text, its part and its paragraph or note, each named once: 论文 · 第二节 第3段, 笔谈 · 王凯《…》 第4段', async () => {
    const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await search(page, q('城市群'));
      const headings = await page.locator('#search-exact a.result-link').evaluateAll((links) =>
        links.map((a) => ({ href: a.getAttribute('href')!, doc: a.querySelector('.result-doc')!.textContent!, where: a.querySelector('.result-para')!.textContent! })),
      );
      expect(headings.map((h) => h.href).sort()).toEqual([...containing('城市群')].sort());
      for (const { href, doc, where } of headings) {
        const section = /^\/paper\/(\d+)\//.exec(href)?.[1];
        const part = href.startsWith('/paper/') ? `论文 · ${section ? `第${NUMERALS[Number(section) - 1]}节` : '引言'}` : undefined;
        if (part) expect(doc, href).toBe(part);
        else expect(doc, href).toMatch(/^笔谈 · [^论]/);
        expect(where, href).toBe(isFootnote(href) ? `注释${href.split('#fn-')[1]}` : `第${href.split('#p')[1]}段`);
      }
      expect(headings.some((h) => h.href.startsWith('/paper/')), 'the paper is among the results').toBe(true);
    });
  });
});

describe('no noise: results share whole words of the query, and marks are whole words', () => {
  for (const word of ['城市群', '新质空间力', '存量更新', '王世福']) {
    test(`${word}: the passages that hold it, no partial matches, and nothing marked but ${word}`, async () => {
      await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
        await search(page, q(word));
        expect([...(await results(page, 'exact'))].sort()).toEqual([...containing(word)].sort());
        expect(await results(page, 'partial')).toEqual([]);
        const marked = await marks(page);
        expect(marked.length).toBeGreaterThan(0);
        expect(marked.filter((m) => m !== word)).toEqual([]);
      });
    });
  }

  test('a query of two words finds partial matches only through a whole word: 创新基因 never marks 基 or 新', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('创新基因'));
      expect(await results(page, 'exact')).toEqual(containing('创新基因'));
      expect(new Set(await marks(page))).toEqual(new Set(['创新基因', '创新']));
    });
  });

  test('partial matches after the first three are folded away, and open on request', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await search(page, q('存量 土地财政'));
      const partial = await results(page, 'partial');
      expect(partial.length).toBeGreaterThan(4);
      const visible = page.locator('#search-partial a.result-link:visible');
      await expect(visible.count()).resolves.toBe(3);
      const more = page.locator('#search-partial details > summary');
      await expect(more.innerText()).resolves.toBe(`再显示${partial.length - 3}段部分匹配`);
      await more.focus();
      await page.keyboard.press('Enter');
      await expect(visible.count()).resolves.toBe(partial.length);
    });
  });
});

describe('footnotes', () => {
  const notes = builtPassages().filter((p) => p.kind === 'footnote');
  for (const name of ['方创琳', '肖金成']) {
    test(`${name}, named only in a footnote, finds that footnote and links to the paragraph that cites it`, async () => {
      const [note, ...others] = notes.filter((n) => n.text.includes(name));
      expect(others).toEqual([]);
      await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
        await search(page, q(name));
        expect(await results(page, 'exact')).toEqual([note!.href]);
        const first = page.locator('.result').first();
        await expect(first.locator('.result-link').innerText()).resolves.toMatch(new RegExp(`注释${note!.href.split('#fn-')[1]}$`));
        await expect(first.locator('mark').allInnerTexts()).resolves.toEqual([name]);
        await expect(first.locator('.result-cited a').getAttribute('href')).resolves.toBe(note!.citedIn);
      });
    });
  }

  test('every one of the paper’s 32 footnotes is found by the title it cites', async () => {
    expect(notes).toHaveLength(32);
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      const missed: string[] = [];
      for (const note of notes) {
        const title = /《([^》]+)》/.exec(note.text)![1]!;
        await search(page, q(title));
        if (!(await results(page, 'exact')).includes(note.href)) missed.push(`${note.id} (${title})`);
      }
      expect(missed).toEqual([]);
    });
    // 32 searches, one after the other: a busy machine (CI beside other work) takes more than the default minute.
  }, 180_000);
});

describe('filter counts', () => {
  test('each option’s count is the number of results choosing it lists, partial matches included', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('存量 土地财政'));
      const options = await page.locator('select[name="author"] option:not([value=""])').evaluateAll((os) =>
        os.map((o) => ({ value: (o as HTMLOptionElement).value, count: Number(/（(\d+)）$/.exec(o.textContent ?? '')?.[1]) })),
      );
      expect(options.every((o) => Number.isInteger(o.count))).toBe(true);
      expect(options.some((o) => o.count === 0) && options.some((o) => o.count > 0)).toBe(true);
      for (const { value, count } of options) {
        await page.selectOption('select[name="author"]', value);
        await page.waitForURL((u) => u.searchParams.get('author') === value);
        await settled(page);
        const listed = (await results(page, 'exact')).length + (await results(page, 'partial')).length;
        expect(listed, `${value}（${count}）`).toBe(count);
      }
    });
  });
});

describe('traditional characters', () => {
  for (const [traditional, simplified] of [
    ['城市羣', '城市群'],
    ['土地財政', '土地财政'],
  ] as const) {
    test(`${traditional} finds the same passages as ${simplified}, in the same order, and says it was converted`, async () => {
      await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
        await search(page, q(simplified));
        const want = { exact: await results(page, 'exact'), partial: await results(page, 'partial') };
        expect(want.exact.length).toBeGreaterThan(0);
        await search(page, q(traditional));
        expect({ exact: await results(page, 'exact'), partial: await results(page, 'partial') }).toEqual(want);
        await expect(page.locator('.search-note').innerText()).resolves.toBe(`“${traditional}”含繁体字，已转换为简体“${simplified}”搜索。`);
        await expect(page.locator('#search-q').inputValue(), 'the box keeps what the reader typed').resolves.toBe(traditional);
      });
    });
  }

  test('the converter is loaded only for a query that needs it', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      const scripts: string[] = [];
      page.on('request', (r) => scripts.push(r.url()));
      await search(page, q('城市群'));
      const before = scripts.length;
      expect(scripts.some((u) => /\/_astro\/(core|cn)[.-]/.test(u)), 'no opencc for 城市群').toBe(false);
      await search(page, q('城市羣'));
      expect(scripts.slice(before).some((u) => /\/_astro\/cn[.-]/.test(u)), 'opencc’s dictionary for 城市羣').toBe(true);
    });
  });
});

describe('no results', () => {
  test('a term that is not in the texts (区块链) says nothing was found and offers themes and experts', async () => {
    expect(containing('区块链')).toEqual([]);
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('区块链'));
      expect(await results(page, 'exact')).toEqual([]);
      await expect(page.locator('#search-status').innerText()).resolves.toContain('没有找到完整包含“区块链”的段落');
      const offer = page.locator('.search-empty');
      await expect(offer.locator('h2').innerText()).resolves.toContain('相近的主题和专家');
      await expect(offer.locator('.empty-list').nth(0).locator('li').count(), 'themes offered').resolves.toBe(3);
      const experts = await offer.locator('.empty-list').nth(1).locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(experts).toHaveLength(3);
      expect(experts.every((h) => /^\/forum\/[a-z-]+\/$/.test(h ?? ''))).toBe(true);
    });
  });

  test('a term whose characters are nowhere at all (Python) shows no result of any kind', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('Python'));
      await expect(page.locator('.result').count()).resolves.toBe(0);
      await expect(page.locator('.search-empty').isVisible()).resolves.toBe(true);
    });
  });
});

describe('filters', () => {
  test('choosing a text narrows the results, is kept in the address, survives a reload, and Back undoes it', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('城市群'));
      const all = await results(page, 'exact');
      await expect(page.locator('select[name="doc"] option[value="forum"]').innerText()).resolves.toBe('笔谈（1）');
      await expect(page.locator('select[name="doc"] option[value="paper"]').innerText()).resolves.toBe(`论文（${all.length - 1}）`);

      await page.selectOption('select[name="doc"]', 'forum');
      await page.waitForURL((u) => u.searchParams.get('doc') === 'forum');
      await settled(page);
      expect(await results(page, 'exact')).toEqual(['/forum/yu-taofang/#p8']);
      expect((await results(page, 'partial')).every((h) => h.startsWith('/forum/'))).toBe(true);

      await page.reload();
      await settled(page);
      await expect(page.locator('select[name="doc"]').inputValue()).resolves.toBe('forum');
      expect(await results(page, 'exact')).toEqual(['/forum/yu-taofang/#p8']);

      await page.goBack();
      await page.waitForURL((u) => !u.searchParams.has('doc'));
      await settled(page);
      await expect(page.locator('select[name="doc"]').inputValue()).resolves.toBe('');
      expect(await results(page, 'exact')).toEqual(all);
    });
  });

  test('the theme filter keeps the paragraphs tagged with the theme, and each result shows its themes', async () => {
    const theme = 'quyu-xietiao';
    const tagged = new Set(readPassagesFile(path.join(ROOT, 'content')).filter((p) => p.themes.some((t) => t.id === theme)).map((p) => `${pageOfDoc(p.doc)}#p${p.p}`));
    const expected = containing('城市群').filter((h) => tagged.has(h));
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, `${q('城市群')}&theme=${theme}`);
      expect([...(await results(page, 'exact'))].sort()).toEqual([...expected].sort());
      const name = await page.locator(`select[name="theme"] option[value="${theme}"]`).getAttribute('data-label');
      // Results off screen are laid out only as they scroll in: their text is read from the DOM.
      const labels = await page.locator('#search-exact .result-themes').evaluateAll((ps) => ps.map((p) => p.textContent ?? ''));
      expect(labels).toHaveLength(expected.length);
      expect(labels.every((l) => l.includes(name!))).toBe(true);
    });
  });

  test('a filter that leaves nothing says so and links to the search without filters, not to another word; no card twice', async () => {
    const themes = parse(readFileSync(path.join(ROOT, 'content', 'themes.yaml'), 'utf8')) as { id: string; name: string; terms: string[] }[];
    const theme = themes.find((t) => t.name === '存量更新与城市更新')!;
    const named = themes.find((t) => t.terms.includes('城市群'))!;
    const tagged = new Set(readPassagesFile(path.join(ROOT, 'content')).filter((p) => p.themes.some((t) => t.id === theme.id)).map((p) => `${pageOfDoc(p.doc)}#p${p.p}`));
    const all = containing('城市群');
    expect(all.filter((h) => tagged.has(h)), 'no passage of the theme holds 城市群').toEqual([]);
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await search(page, `${q('城市群')}&theme=${theme.id}`);
      await expect(page.locator('#search-status').innerText()).resolves.toContain(`不筛选时共${all.length}段`);
      const advice = page.locator('.search-empty');
      await expect(advice.innerText()).resolves.toContain(`主题：${theme.name}`);
      await expect(advice.innerText()).resolves.not.toContain('换一个词');
      const clear = advice.locator('a.search-unfilter');
      await expect(clear.innerText()).resolves.toBe(`清除筛选，查看全部${all.length}段`);
      await expect(clear.getAttribute('href')).resolves.toBe(`/search/${q('城市群')}`);
      const themeLinks = page.locator(`#search-app a[href="/themes/${named.id}/"]`);
      await expect(themeLinks.count(), `one card for ${named.name}`).resolves.toBe(1);
      const violations = await axeViolations(page);
      expect(violations.length, formatViolations(violations)).toBe(0);

      await Promise.all([page.waitForURL((u) => u.search === q('城市群')), clear.click()]);
      await settled(page);
      await expect(page.locator('select[name="theme"]').inputValue()).resolves.toBe('');
      expect([...(await results(page, 'exact'))].sort()).toEqual([...all].sort());
    });
  });

  test('author and section filters from a shared link combine', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, `${q('城市群')}&author=${encodeURIComponent('马雪松')}&section=paper-2`);
      const exact = await results(page, 'exact');
      expect([...exact].sort()).toEqual(containing('城市群').filter((h) => h.startsWith('/paper/2/')).sort());
      await expect(page.locator('select[name="author"]').inputValue()).resolves.toBe('马雪松');
      await expect(page.locator('select[name="section"]').inputValue()).resolves.toBe('paper-2');
    });
  });
});

describe('landing on the paragraph', () => {
  test('following the first result for 存量更新 lands on 王凯’s paragraph 4, highlighted, with the term marked', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await search(page, q('存量更新'));
      const link = page.locator('#search-exact a.result-link').first();
      await expect(link.getAttribute('href'), 'the link is the paragraph’s permanent address').resolves.toBe('/forum/wang-kai/#p4');
      await Promise.all([page.waitForURL(`${site.server.url}/forum/wang-kai/#p4`), link.click()]);
      const paragraph = page.locator('[id="p4"]');
      // The marks come with a script loaded once the page is there.
      await expect.poll(() => paragraph.getAttribute('class')).toContain('search-landing');
      await expect.poll(() => paragraph.locator('mark.search-term').allInnerTexts()).toEqual(['存量更新']);
      await expect
        .poll(() => paragraph.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight; }), { message: 'the paragraph is in view' })
        .toBe(true);
    });
  });

  test('following a footnote result lands on the footnote, highlighted, with the name marked', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await search(page, q('方创琳'));
      const link = page.locator('#search-exact a.result-link').first();
      const href = (await link.getAttribute('href'))!;
      expect(href).toMatch(/^\/paper\/1\/#fn-\d+$/);
      await Promise.all([page.waitForURL(`${site.server.url}${href}`), link.click()]);
      const note = page.locator(`[id="${href.split('#')[1]}"]`);
      await expect.poll(() => note.getAttribute('class')).toContain('search-landing');
      await expect.poll(() => note.locator('mark.search-term').allInnerTexts()).toEqual(['方创琳']);
    });
  });

  test('a reader going back from the paragraph finds the same search again', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, `${q('城市群')}&doc=forum`);
      await Promise.all([page.waitForURL(/\/forum\/yu-taofang\/#p8$/), page.locator('a.result-link').first().click()]);
      await page.goBack();
      await settled(page);
      await expect(page.locator('#search-q').inputValue()).resolves.toBe('城市群');
      expect(await results(page, 'exact')).toEqual(['/forum/yu-taofang/#p8']);
    });
  });

  test('going back from a result far down the list returns to that result, where it was on the screen', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await search(page, q('城市群'));
      await page.evaluate(() => window.scrollTo(0, 2200));
      // Results that come into view are laid out in the frames that follow.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      // The result at the middle of the screen, and where it is.
      const followed = await page.evaluate(() => {
        const middle = window.innerHeight / 2;
        const li = [...document.querySelectorAll('#search-results li.result')].find((r) => r.getBoundingClientRect().bottom > middle)!;
        const link = li.querySelector<HTMLAnchorElement>('a.result-link')!;
        return { href: link.getAttribute('href')!, top: li.getBoundingClientRect().top };
      });
      expect(containing('城市群').indexOf(followed.href), 'a result well down the list').toBeGreaterThan(5);
      await Promise.all([page.waitForURL((u) => u.pathname + u.hash === followed.href), page.locator(`a.result-link[href="${followed.href}"]`).click()]);
      await page.goBack();
      await settled(page);
      const topOf = () => page.locator(`li.result:has(a.result-link[href="${followed.href}"])`).evaluate((li) => li.getBoundingClientRect().top);
      await expect.poll(topOf, { message: `${followed.href} is back where it was` }).toBeCloseTo(followed.top, -1);
    });
  });
});

describe('the search box in the header', () => {
  test('the / key focuses it on an essay, and Enter searches; the results come from the search page', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/forum/wang-kai/`);
      await page.keyboard.press('/');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('site-search-q');
      await page.keyboard.type('土地财政');
      await Promise.all([page.waitForURL((u) => u.pathname === '/search/' && u.searchParams.get('q') === '土地财政'), page.keyboard.press('Enter')]);
      await settled(page);
      expect([...(await results(page, 'exact'))].sort()).toEqual([...containing('土地财政')].sort());
    });
  });

  test('without JavaScript it still goes to /search/?q=…, which says search needs JavaScript and lists the experts and themes', async () => {
    await withPage({ viewport: VIEWPORTS.phone, javaScriptEnabled: false }, async (page) => {
      await page.goto(`${site.server.url}/paper/`);
      await page.fill('#site-search-q', '城市群');
      await Promise.all([page.waitForURL((u) => u.pathname === '/search/' && u.searchParams.get('q') === '城市群'), page.press('#site-search-q', 'Enter')]);
      const notice = page.locator('.search-nojs');
      await expect(notice.isVisible()).resolves.toBe(true);
      await expect(notice.innerText()).resolves.toContain('搜索需要 JavaScript');
      const links = await notice.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links).toEqual(expect.arrayContaining(['/forum/wang-kai/', '/forum/wang-lan/', '/paper/']));
      await expect(notice.locator('li').filter({ hasText: '城市群与都市圈' }).count(), 'the themes are listed').resolves.toBe(1);
    });
  });

  test('on the search page, / focuses the page’s own box', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('城市群'));
      await page.locator('h1').click();
      await page.keyboard.press('/');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search-q');
      await expect(page.locator('#site-search-q').count(), 'one search box on the search page').resolves.toBe(0);
    });
  });
});

describe('what the page says', () => {
  test('a query naming an expert or a theme puts a card for it above the results', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('王凯'));
      const expert = page.locator('.search-card').filter({ hasText: '专家' });
      await expect(expert.locator('a').first().getAttribute('href')).resolves.toBe('/forum/wang-kai/');
      await search(page, q('城市群'));
      const theme = page.locator('.search-card').filter({ hasText: '主题' });
      await expect(theme.locator('.card-title').innerText()).resolves.toBe('城市群与都市圈');
      expect(await page.locator('.search-card').evaluateAll((cards) => cards.every((c) => c.compareDocumentPosition(document.querySelector('.result')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    });
  });

  test('the counts of passages and of the pages they are on are announced to screen readers', async () => {
    const expected = containing('城市群');
    const pages = new Set(expected.map((h) => h.split('#')[0])).size;
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await search(page, q('城市群'));
      const status = page.locator('#search-status');
      await expect(status.getAttribute('role')).resolves.toBe('status');
      await expect(status.innerText()).resolves.toContain(`${expected.length}段完整匹配，见于${pages}个篇章`);
    });
  });

  test('while the index loads the page says so, and if it cannot load, says what went wrong and offers ways in', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/pagefind/pagefind.js', async (route) => {
        await held;
        await route.abort();
      });
      await page.goto(`${site.server.url}/search/${q('城市群')}`);
      const status = page.locator('#search-status');
      await expect.poll(() => status.innerText()).toContain('正在载入搜索索引');
      await expect(status.getAttribute('data-kind')).resolves.toBe('busy');
      await expect(page.locator('#search-results').getAttribute('aria-busy')).resolves.toBe('true');
      release();
      await expect.poll(() => status.innerText()).toContain('搜索出错了');
      await expect(page.locator('.search-empty a').count()).resolves.toBeGreaterThan(0);
    });
  });

  test('opened without a query, the page says what to do and offers searches to try', async () => {
    await withPage({ viewport: VIEWPORTS.phone }, async (page) => {
      await search(page, '');
      await expect(page.locator('#search-status').innerText()).resolves.toContain('输入词语');
      await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === '城市群'), page.locator('.search-examples a', { hasText: '城市群' }).click()]);
      await settled(page);
      expect((await results(page, 'exact')).length).toBe(containing('城市群').length);
    });
  });

  test('by keyboard alone: / to the box, type, Enter, Tab to the first result, Enter to the paragraph', async () => {
    await withPage({ viewport: VIEWPORTS.desktop }, async (page) => {
      await page.goto(`${site.server.url}/search/`);
      await page.keyboard.press('/');
      await page.keyboard.type('数字孪生');
      await page.keyboard.press('Enter');
      await settled(page);
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.classList.contains('result-link'))) break;
      }
      const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
      expect(containing('数字孪生')).toContain(focused);
      await Promise.all([page.waitForURL(`${site.server.url}${focused}`), page.keyboard.press('Enter')]);
    });
  });
});

describe('accessibility', () => {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    for (const colorScheme of ['light', 'dark'] as const) {
      test(`axe finds no violations on the search page with results on a ${width} in ${colorScheme} mode, and it fits the screen`, async () => {
        await withPage({ viewport, colorScheme }, async (page) => {
          await search(page, q('城市群'));
          await expect(page.locator('.result').count()).resolves.toBeGreaterThan(10);
          const violations = await axeViolations(page);
          expect(violations.length, formatViolations(violations)).toBe(0);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow).toBeLessThanOrEqual(0);
        });
      });
    }
  }

  test('axe finds no violations on the no-results state and on a paragraph reached from a result', async () => {
    await withPage({ viewport: VIEWPORTS.phone, colorScheme: 'dark' }, async (page) => {
      await search(page, q('区块链'));
      let violations = await axeViolations(page);
      expect(violations.length, formatViolations(violations)).toBe(0);
      await search(page, q('存量更新'));
      await Promise.all([page.waitForURL(/#p4$/), page.locator('a.result-link').first().click()]);
      violations = await axeViolations(page);
      expect(violations.length, formatViolations(violations)).toBe(0);
    });
  });
});

