/**
 * Hostile input cannot become markup. The fixture tests/fixtures/hostile/ is
 * a forum and a paper whose text (titles, affiliations, paragraphs,
 * footnotes) holds `<script>`, `<img onerror=…>`, `{{ }}`, `[^1]`, `---` and
 * Markdown syntax. It goes through the real ingest and a real build (from
 * CONTENT_DIR, into a folder of its own), and the pages must show every one
 * of those characters as text and run nothing, even with the
 * Content-Security-Policy switched off.
 *
 * Then the real site in dist/ under hostile and broken addresses: malformed
 * fragments, reading lists and searches of markup, of megabytes, of
 * thousands of items, and filter values that name nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations, sharedBrowser, VIEWPORTS } from '../helpers/browser.ts';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { eventHandlers, fold, loadPages, type BuiltPage } from '../helpers/pages.ts';
import { SITE } from '../helpers/site.ts';
import { assertBuilt } from '../../scripts/lib/dist.ts';
import { termsOfTheTexts } from '../../scripts/lib/long-queries.ts';
import { DIST, ROOT } from '../../scripts/lib/paths.ts';
import { startServer, type StaticServer } from '../../scripts/lib/server.ts';
import type { Passage } from '../../src/lib/schema.ts';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'hostile');
const SOURCE_FILES = ['forum-hostile.txt', 'paper-hostile.txt', 'manifest.json'];
const SOURCE_TEXT = SOURCE_FILES.map((f) => readFileSync(path.join(FIXTURE, f), 'utf8'))
  .join('\n');

/** What each page must show as plain text, exactly as the source (or its manifest) has it. */
const SHOWN: Record<string, string[]> = {
  '/forum/jia-yi/': [
    "标题里的<script>window.__pwned='title'</script>",
    `某某研究院<img src=x onerror="window.__pwned='affiliation'">院长，教授`,
    "正文写着<script>alert('script')</script>，读者应当看到这几个字符。",
    "图片标签<img src=x onerror=alert('img')>也只是文字",
    '模板语法{{ 7*7 }}、{% if x %}与${1+1}都不求值。',
    '脚注记号[^1]只是方括号，不是注释。',
    '---',
    "Markdown 记号**不是粗体**、_不是斜体_、`不是代码`、[不是链接](javascript:alert('link'))、![不是图片](x.png)、<!-- 不是注释 -->、&amp;不是实体、&lt;b&gt;也不是。",
    '# 井号开头的一段，不是标题。',
    '> 尖括号开头的一段，不是引用。',
    '- 横线开头的一段，不是列表。',
    '| 竖线 | 开头 |的一段，不是表格。',
  ],
  '/forum/bing-dingwu/': [
    `某大学<a href="#top" onclick="window.__pwned='link'">链接</a>教授`,
    '里面有<iframe src="frame.html"></iframe>与<style>body{display:none}</style>。',
  ],
  '/forum/': ['“<b>危险</b>与规划”学术笔谈', "编者按里写着<script>window.__pwned='note'</script>，这只是文字。", "测试学刊<script>window.__pwned='journal'</script>"],
  '/paper/': [
    "测试论文<script>window.__pwned='paper'</script>的题目",
    "测试<img src=x onerror=alert('keywords')>规划",
    "引言第一段,讲国土空间与<script>alert('intro')</script>。",
    "王五:《一本<img src=x onerror=alert('note')>书》",
  ],
  '/paper/1/': ["第一节的标题<script>alert('heading')</script>", '第一节的正文{{ title }}与[^2]。', '赵六:《一篇文章[^1]》'],
  '/paper/2/': ['第二节的正文**不是粗体**。'],
  '/sources/forum/': ["正文写着<script>alert('script')</script>，读者应当看到这几个字符。", `某大学<a href="#top" onclick="window.__pwned='link'">链接</a>教授`],
};

/** Elements that only markup in the source text could have made inside the reading text. */
const NOT_IN_TEXT = 'b, strong, em, i, code, pre, blockquote, hr, table, img, iframe, script, style, h1, ul, li:not([id^="fn-"])';

const browser = sharedBrowser();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reader-hostile-'));
const out = path.join(tmp, 'dist');
let pages: Map<string, BuiltPage>;
let server: StaticServer;

beforeAll(async () => {
  const content = path.join(tmp, 'content');
  const ingest = spawnSync(
    process.execPath,
    ['scripts/ingest/cli.ts', '--sources', FIXTURE, '--themes', path.join(FIXTURE, 'themes.yaml'), '--out', content],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (ingest.status !== 0) throw new Error(`the ingest refused the hostile fixture:\n${ingest.stderr}${ingest.stdout}`);
  // A content folder holds the themes and the sources beside what the ingest writes, as content/ does.
  copyFileSync(path.join(FIXTURE, 'themes.yaml'), path.join(content, 'themes.yaml'));
  mkdirSync(path.join(content, 'sources'));
  for (const file of SOURCE_FILES) copyFileSync(path.join(FIXTURE, file), path.join(content, 'sources', file));
  const build = await astroBuild(['--outDir', out], { CONTENT_DIR: content });
  if (build.code !== 0) throw new Error(`the build of the hostile fixture failed:\n${build.log.slice(-4000)}`);
  pages = loadPages(out);
  server = await startServer(out);
}, 5 * 60_000);

afterAll(async () => {
  await browser.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('a source whose text holds markup, template and Markdown syntax', () => {
  test('the fixture really holds what the pages are checked for', () => {
    const missing = Object.values(SHOWN)
      .flat()
      .filter((s) => !SOURCE_TEXT.includes(s));
    expect(missing).toEqual([]);
  });

  test('builds from its own folder, apart from the site in dist/', () => {
    expect([...pages.keys()]).toEqual(expect.arrayContaining(Object.keys(SHOWN)));
    expect(existsSync(path.join(DIST, 'forum', 'jia-yi')), 'the hostile build left dist/ alone').toBe(false);
  });

  test.each(Object.entries(SHOWN))('%s shows the source’s characters as text', (url, texts) => {
    const { $ } = pages.get(url)!;
    // Folded, as a reader compares: the ingest sets the ASCII punctuation of Chinese text full-width (，for ,).
    const text = fold($('body').text());
    expect(texts.filter((t) => !text.includes(fold(t)))).toEqual([]);
  });

  test('the essay’s title, with its <script>, is its heading and its document title, as text', () => {
    const { $ } = pages.get('/forum/jia-yi/')!;
    expect($('h1').text()).toBe("标题里的<script>window.__pwned='title'</script>");
    expect($('title').text()).toContain("标题里的<script>window.__pwned='title'</script> · 甲乙");
  });

  test('no page has an element or attribute that the source text asked for', () => {
    const made = [...pages.values()].flatMap(({ url, $ }) => [
      ...$('main .prose')
        .find(NOT_IN_TEXT)
        .toArray()
        .map((el) => `${url}: <${el.tagName}> in the text`),
      ...$('img, iframe, style, object, embed, script:not([src])')
        .toArray()
        .map((el) => `${url}: <${el.tagName}>`),
      ...eventHandlers($).map((h) => `${url}: ${h}`),
      ...$('a[href]')
        .toArray()
        .filter((el) => /^\s*javascript:/i.test($(el).attr('href')!))
        .map((el) => `${url}: javascript: link ${$(el).attr('href')}`),
    ]);
    expect(made).toEqual([]);
  });

  test('on a phone, every page still fits the screen, long runs of markup wrapped', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS.phone });
    try {
      const page = await context.newPage();
      const wide: string[] = [];
      for (const url of pages.keys()) {
        await page.goto(server.url + url);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) wide.push(`${url} is ${overflow}px wider than the screen`);
      }
      expect(wide).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('in Chromium, with the policy switched off, no page runs any of it', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const dialogs: string[] = [];
    try {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(`${page.url()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      for (const url of pages.keys()) {
        await page.goto(server.url + url, { waitUntil: 'load' });
        const pwned = await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);
        expect(pwned, `a payload ran on ${url}`).toBeUndefined();
        expect(await page.locator('img').count(), `an image on ${url}`).toBe(0);
      }
      await page.goto(server.url + '/forum/jia-yi/');
      await expect(page.locator('h1').innerText()).resolves.toBe("标题里的<script>window.__pwned='title'</script>");
      await expect(page.locator('main').innerText()).resolves.toContain("<img src=x onerror=alert('img')>");
    } finally {
      await context.close();
    }
    expect(dialogs, 'alert() ran').toEqual([]);
  });
});

/**
 * Addresses anyone can make, on the site in dist/: a fragment that is not
 * valid percent-encoding, reading lists of markup, of megabytes or of
 * thousands of ids, searches with thousands of terms, filter values the page
 * does not offer, and markup in any of them. Each page stays usable, says
 * what it did with what it could not use, and shows it only as text.
 */
/** Markup short enough to be repeated whole, with a handler that would set the global the tests look for. */
const MARKUP = '<img src=x onerror=__pwned=1>';
const passages = JSON.parse(readFileSync(path.join(ROOT, 'content', 'passages.json'), 'utf8')) as Passage[];

describe('hostile and broken addresses, on the site in dist/', () => {
  let site: StaticServer;
  beforeAll(async () => {
    assertBuilt();
    site = await startServer();
  });
  afterAll(async () => {
    await site?.close();
  });

  /** A page in a fresh context; any uncaught error in it fails the test (sharedBrowser). */
  async function withPage(options: Parameters<typeof browser.newContext>[0], body: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
    try {
      await body(await context.newPage());
    } finally {
      await context.close();
    }
  }

  /** Whether any script set the global that the payloads set. */
  const pwned = (page: Page) => page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned);

  describe('a malformed fragment on a reading page', () => {
    test('/forum/wang-kai/#%E4: copy, cite and the reading list still work, and a malformed fragment later closes the tools', async () => {
      await withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
        await page.goto(`${site.url}/forum/wang-kai/#%E4`);
        await page.locator('a.pnum[href="#p3"]').click();
        const tools = page.locator('.para-tools:has(+ #p3)');
        const status = tools.getByRole('status');
        await tools.getByRole('button', { name: '复制链接' }).click();
        await expect.poll(() => status.innerText(), { message: 'copying is confirmed' }).toBe(`已复制第3段的链接：${SITE}/forum/wang-kai/#p3`);
        await tools.getByRole('button', { name: '引用本段' }).click();
        await expect.poll(() => tools.locator('.cite-gbt .cite-text').innerText(), { message: 'the citation, once its record is fetched' }).toContain(`: 第3段[`);
        await tools.getByRole('button', { name: '加入阅读清单' }).click();
        await expect(status.innerText()).resolves.toBe('已把第3段加入阅读清单，清单共1段。');
        await page.evaluate(() => (location.hash = '%E4%B8'));
        await expect.poll(() => page.locator('.para-tools').count(), { message: 'the tools close' }).toBe(0);
      });
    });

    test('after a search result was followed, a reading page at a malformed fragment loads without an error', async () => {
      await withPage({}, async (page) => {
        await page.goto(`${site.url}/search/?q=${encodeURIComponent('存量更新')}`);
        const first = page.locator('a.result-link').first();
        await first.waitFor();
        // Follow the result as far as the page notes where it leads, but stay here.
        await page.evaluate(() => addEventListener('click', (event) => event.preventDefault()));
        await first.click();
        await page.goto(`${site.url}/forum/wang-kai/#%E4`);
        await page.locator('a.pnum[href="#p4"]').click();
        await page.locator('.para-tools:has(+ #p4)').waitFor();
        await expect(page.locator('.para-tools:has(+ #p4)').isVisible()).resolves.toBe(true);
      });
    });
  });

  describe('a reading list’s address', () => {
    test('ids of markup and of 100,000 characters are reported as text, cut to fit a phone, and run nothing even without the policy', async () => {
      const long = 'x'.repeat(100_000);
      const dialogs: string[] = [];
      await withPage({ bypassCSP: true, viewport: VIEWPORTS.phone }, async (page) => {
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await page.goto(`${site.url}/list/?p=${[MARKUP, 'wang-kai:p3', long].map(encodeURIComponent).join(',')}`);
        const items = page.locator('.list-items > li');
        await expect.poll(() => items.count()).toBe(3);
        const reported = await page.locator('.list-missing code').allInnerTexts();
        expect(reported[0], 'the markup, as text').toBe(MARKUP);
        expect(reported[1], 'the long id, cut').toMatch(/^x+…$/);
        expect(reported[1]!.length).toBeLessThan(100);
        await expect(page.locator('main img').count(), 'an image made from an id').resolves.toBe(0);
        await expect(pwned(page)).resolves.toBeUndefined();
        await expect(page.evaluate(() => document.documentElement.scrollWidth - innerWidth), 'wider than the phone').resolves.toBeLessThanOrEqual(0);
        await expect(items.nth(1).locator('.list-text').innerText()).resolves.toBe(passages.find((p) => p.id === 'wang-kai:p3')!.text);
      });
      expect(dialogs, 'alert() ran').toEqual([]);
    });

    test('5,000 distinct ids and repeats: each listed once, no more than the site has paragraphs, and the page says so', async () => {
      const ids = passages.map((p) => p.id).reverse();
      const unknown = Array.from({ length: 5000 - ids.length }, (_, i) => `wang-kai:p${1000 + i}`);
      await withPage({}, async (page) => {
        await page.goto(`${site.url}/list/?p=${[...ids, ...unknown, ...ids.slice(0, 7)].join(',')}`);
        const items = page.locator('.list-items > li');
        await expect.poll(() => items.count()).toBe(ids.length);
        await expect(page.locator('.list-missing').count(), 'every paragraph of the site found').resolves.toBe(0);
        await expect(page.locator('.list-text').allInnerTexts()).resolves.toEqual(ids.map((id) => passages.find((p) => p.id === id)!.text));
        const note = await page.locator('.list-note').innerText();
        expect(note).toContain(`这个地址列出了5000段，多于本站的全部段落（${ids.length}段），这里只列出前${ids.length}段。`);
        expect(note).toContain('地址中有7项重复，每段只列一次。');
        expect(new URL(page.url()).searchParams.get('p')!.split(','), 'the address says what is listed').toEqual(ids);
        const violations = await axeViolations(page);
        expect(violations, formatViolations(violations)).toEqual([]);
      });
    });
  });

  describe('a search’s address', () => {
    /** Waits until the search page has shown its answer, and returns its status. */
    async function answer(page: Page, timeout = 30_000): Promise<string> {
      const status = page.locator('#search-status');
      await page.waitForFunction(() => {
        const s = document.getElementById('search-status');
        return !!s?.textContent && s.dataset.kind !== 'busy';
      }, null, { timeout });
      return status.innerText();
    }

    test('5,000 distinct terms: the page answers within seconds, and the note, the box, the status, the title and the address name what was searched', async () => {
      const terms = termsOfTheTexts(5000);
      await withPage({}, async (page) => {
        const start = Date.now();
        await page.goto(`${site.url}/search/?q=${encodeURIComponent(terms.join(' '))}`);
        // Before the cap, 5,000 terms held the tab for 12 s to a minute.
        const status = await answer(page, 15_000);
        expect(Date.now() - start).toBeLessThan(15_000);
        const searched = await page.locator('#search-q').inputValue();
        expect(searched.split(' ').length).toBeLessThan(terms.length);
        expect(terms.join(' ').startsWith(searched), 'the first terms').toBe(true);
        await expect(page.locator('#search-note').innerText()).resolves.toContain(`查询太长，只搜索了“${searched}”`);
        // Two-character stretches of the texts are not all words: the status may say none holds them all, but it names them.
        expect(status, 'the status').toContain(`“${searched}”`);
        await expect(page.title()).resolves.toMatch(new RegExp(`^“${searched}”的搜索结果`));
        expect(new URL(page.url()).searchParams.get('q')).toBe(searched);
      });
    });

    test('filter values the page does not offer, markup among them, are left out with a note: the results are those of no filter', async () => {
      const long = 'x'.repeat(5000);
      await withPage({}, async (page) => {
        await page.goto(`${site.url}/search/?q=${encodeURIComponent('城市群')}`);
        const unfiltered = await answer(page);
        await page.goto(`${site.url}/search/?q=${encodeURIComponent('城市群')}&doc=xyz&theme=${encodeURIComponent(MARKUP)}&author=${long}`);
        await expect(answer(page)).resolves.toBe(unfiltered);
        const notes = await page.locator('#search-note p').allInnerTexts();
        expect(notes).toHaveLength(3);
        expect(notes[0]).toContain('“文本：xyz”');
        expect(notes[1]).toMatch(/^没有“作者：x+…”/);
        expect(notes[2]).toContain(`“主题：${MARKUP}”`);
        for (const select of await page.locator('#search-form select').all()) {
          await expect(select.inputValue(), 'every filter shows 全部, as searched').resolves.toBe('');
        }
        expect([...new URL(page.url()).searchParams.keys()], 'the address without them').toEqual(['q']);
        await expect(page.locator('main img').count()).resolves.toBe(0);
        const violations = await axeViolations(page);
        expect(violations, formatViolations(violations)).toEqual([]);
      });
    });

    test('a query of quotes alone asks for words, and the tab’s title says no more than the page', async () => {
      await withPage({}, async (page) => {
        await page.goto(`${site.url}/search/`);
        const blank = { status: await answer(page), title: await page.title() };
        await page.goto(`${site.url}/search/?q=${encodeURIComponent(`""''“”「」`)}`);
        await expect(answer(page)).resolves.toBe(blank.status);
        await expect(page.title()).resolves.toBe(blank.title);
        await expect(page.locator('#search-note').innerText()).resolves.toContain('只有引号，没有可搜索的词语');
      });
    });

    test(`searching for ${MARKUP} shows it as text and runs nothing`, async () => {
      const dialogs: string[] = [];
      await withPage({ bypassCSP: true }, async (page) => {
        page.on('dialog', (dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        await page.goto(`${site.url}/search/?q=${encodeURIComponent(MARKUP)}`);
        await answer(page);
        const box = page.locator('#search-q');
        await expect(box.inputValue(), 'the query stays in the search box as typed').resolves.toBe(MARKUP);
        await box.fill(MARKUP);
        await box.press('Enter');
        await answer(page);
        await expect(page.locator('main img').count(), 'an image made from the query').resolves.toBe(0);
        await expect(page.evaluate(() => document.querySelector('[onerror]') === null)).resolves.toBe(true);
        await expect(pwned(page)).resolves.toBeUndefined();
      });
      expect(dialogs, 'alert() ran').toEqual([]);
    });
  });
});
