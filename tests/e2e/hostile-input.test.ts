/**
 * Hostile input cannot become markup. The fixture tests/fixtures/hostile/ is
 * a forum and a paper whose text (titles, affiliations, paragraphs,
 * footnotes) holds `<script>`, `<img onerror=…>`, `{{ }}`, `[^1]`, `---` and
 * Markdown syntax. It goes through the real ingest and a real build (from
 * CONTENT_DIR, into a folder of its own), and the pages must show every one
 * of those characters as text and run nothing, even with the
 * Content-Security-Policy switched off.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sharedBrowser, VIEWPORTS } from '../helpers/browser.ts';
import { astroBuild } from '../helpers/build.ts';
import { eventHandlers, loadPages, type BuiltPage } from '../helpers/pages.ts';
import { DIST, ROOT } from '../../scripts/lib/paths.ts';
import { startServer, type StaticServer } from '../../scripts/lib/server.ts';

const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'hostile');
const SOURCE_TEXT = ['forum-hostile.txt', 'paper-hostile.txt', 'manifest.json']
  .map((f) => readFileSync(path.join(FIXTURE, f), 'utf8'))
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
  // A content folder holds the themes beside what the ingest writes, as content/ does.
  copyFileSync(path.join(FIXTURE, 'themes.yaml'), path.join(content, 'themes.yaml'));
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
    const text = $('body').text();
    expect(texts.filter((t) => !text.includes(t))).toEqual([]);
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
 * The search page (/search/?q=…) shows what was typed as text. It
 * runs once the search branch has built dist/search/; until then it is
 * reported as skipped, with this name.
 */
const PAYLOAD = "<img src=x onerror=alert('search')>";
const hasSearch = existsSync(path.join(DIST, 'search', 'index.html'));

describe.runIf(hasSearch)('a search for markup', () => {
  let site: StaticServer;
  beforeAll(async () => {
    site = await startServer();
  });
  afterAll(async () => {
    await site?.close();
  });

  test(`searching for ${PAYLOAD} shows it as text and runs nothing`, async () => {
    const context = await browser.newContext();
    const dialogs: string[] = [];
    try {
      const page = await context.newPage();
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${site.url}/search/?q=${encodeURIComponent(PAYLOAD)}`, { waitUntil: 'networkidle' });
      const box = page.locator('input[type="search"], input[name="q"]').first();
      await expect(box.inputValue(), 'the query stays in the search box as typed').resolves.toBe(PAYLOAD);
      await box.fill(PAYLOAD);
      await box.press('Enter');
      await page.waitForLoadState('networkidle');
      await expect(page.locator('main img').count(), 'an image made from the query').resolves.toBe(0);
      await expect(page.evaluate(() => document.querySelector('[onerror]') === null)).resolves.toBe(true);
    } finally {
      await context.close();
    }
    expect(dialogs, 'alert() ran').toEqual([]);
  });
});
