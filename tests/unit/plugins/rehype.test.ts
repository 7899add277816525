/**
 * The site's rehype plugins, each on Markdown in the form the ingest writes,
 * pushed through the processor Astro builds from the site's options
 * (src/plugins/markdown.ts) with only the plugins under test: fixture in,
 * HTML out. Then the whole chain in the site's order, and on every document
 * of content/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, parseFrontmatter, type RehypePlugins } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { describe, expect, it, vi } from 'vitest';
import { markdownOptions } from '../../../src/plugins/markdown.ts';
import rehypeFootnoteNumbers from '../../../src/plugins/rehype-footnote-numbers.ts';
import rehypeMissingTableNote, { MISSING_TABLE_NOTE } from '../../../src/plugins/rehype-missing-table-note.ts';
import rehypeParagraphAnchors from '../../../src/plugins/rehype-paragraph-anchors.ts';
import rehypeSectionIds from '../../../src/plugins/rehype-section-ids.ts';
import rehypeSectionLinks from '../../../src/plugins/rehype-section-links.ts';
import rehypeHeadingPhrases from '../../../src/plugins/rehype-heading-phrases.ts';
import { docKey, type DocRef } from '../../../src/lib/registry.ts';
import type { Passage } from '../../../src/lib/schema.ts';
import { ROOT } from '../../../scripts/lib/paths.ts';

const CONTENT = path.join(ROOT, 'content');

/**
 * Renders Markdown as the site does, with `plugins` as the only rehype plugins.
 * Syntax highlighting is off: the texts have no code, and Shiki is slow to load.
 */
async function render(markdown: string, plugins: RehypePlugins, file = path.join(CONTENT, 'paper', '2.md'), frontmatter: Record<string, unknown> = {}) {
  const processor = await createMarkdownProcessor({ ...markdownOptions, rehypePlugins: plugins, syntaxHighlight: false });
  return processor.render(markdown, { fileURL: pathToFileURL(file), frontmatter });
}

const html = async (markdown: string, plugins: RehypePlugins) => (await render(markdown, plugins)).code;

/** Lines of expected HTML, as the processor writes them (one block a line). */
const lines = (...l: string[]) => l.join('\n');

/** The footnotes section as remark-rehype writes it around the given notes. */
const footnotes = (...items: string[]) =>
  lines('<section data-footnotes="" class="footnotes"><h2 class="footnotes-title" id="footnote-label">注释</h2>', '<ol>', ...items, '</ol>', '</section>');

/** A back link from a note to its reference. */
const back = (ref: string, label: string) => `<a href="#${ref}" data-footnote-backref="" aria-label="${label}" class="data-footnote-backref">↩︎</a>`;

/** What remark-rehype makes of `[^1]` and `[^1]: 注。`, for tests where the footnote is only around. */
const REF_1 = '<sup><a href="#fn-1" id="fnref-1" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup>';
const NOTE_1 = footnotes('<li id="fn-1">', `<p>注。 ${back('fnref-1', '返回正文')}</p>`, '</li>');

describe('rehype-paragraph-anchors', () => {
  it.each([
    [
      'numbers the paragraphs in reading order, each led by a link to itself',
      '甲。\n\n乙。',
      lines('<p id="p1"><a class="pnum" href="#p1" aria-label="第1段">1</a>甲。</p>', '<p id="p2"><a class="pnum" href="#p2" aria-label="第2段">2</a>乙。</p>'),
    ],
    [
      'counts only the body’s own paragraphs: not a heading, a quotation or a list',
      '## 标题\n\n甲。\n\n> 引文\n\n- 条目一\n\n- 条目二\n\n乙。',
      lines(
        '<h2 id="标题">标题</h2>',
        '<p id="p1"><a class="pnum" href="#p1" aria-label="第1段">1</a>甲。</p>',
        '<blockquote>',
        '<p>引文</p>',
        '</blockquote>',
        '<ul>',
        '<li>',
        '<p>条目一</p>',
        '</li>',
        '<li>',
        '<p>条目二</p>',
        '</li>',
        '</ul>',
        '<p id="p2"><a class="pnum" href="#p2" aria-label="第2段">2</a>乙。</p>',
      ),
    ],
    [
      'does not count a missing table’s caption or the paragraphs of a footnote',
      '甲[^1]。\n\n<figure class="missing-table"><figcaption>表1 城市群</figcaption></figure>\n\n乙。\n\n[^1]: 注。',
      lines(
        `<p id="p1"><a class="pnum" href="#p1" aria-label="第1段">1</a>甲${REF_1}。</p>`,
        '<figure class="missing-table"><figcaption>表1 城市群</figcaption></figure>',
        '<p id="p2"><a class="pnum" href="#p2" aria-label="第2段">2</a>乙。</p>',
        NOTE_1,
      ),
    ],
  ])('%s', async (_, markdown, expected) => {
    expect(await html(markdown, [rehypeParagraphAnchors])).toBe(expected);
  });
});

describe('rehype-section-ids', () => {
  it.each([
    ['numbers the h2 and h3 headings in reading order', '## 一、甲\n\n### (一)乙\n\n## 二、丙', lines('<h2 id="s1">一、甲</h2>', '<h3 id="s2">(一)乙</h3>', '<h2 id="s3">二、丙</h2>')],
    ['leaves other levels to Astro’s heading ids', '# 题\n\n#### 小节', lines('<h1 id="题">题</h1>', '<h4 id="小节">小节</h4>')],
    [
      'counts no heading inside the footnotes',
      '## 一、甲\n\n丙[^1]。\n\n[^1]: 注。\n\n    ### 注中小节',
      lines(
        '<h2 id="s1">一、甲</h2>',
        `<p>丙${REF_1}。</p>`,
        footnotes('<li id="fn-1">', '<p>注。</p>', '<h3 id="注中小节">注中小节</h3>', back('fnref-1', '返回正文'), '</li>'),
      ),
    ],
    [
      'leaves the footnotes’ heading its own id, and counts no heading after it',
      '## 一、甲\n\n丙[^1]。\n\n[^1]: 注。',
      lines('<h2 id="s1">一、甲</h2>', `<p>丙${REF_1}。</p>`, NOTE_1),
    ],
  ])('%s', async (_, markdown, expected) => {
    expect(await html(markdown, [rehypeSectionIds])).toBe(expected);
  });
});

describe('rehype-section-links, after rehype-section-ids as in the site', () => {
  const snum = (id: string) => `<a class="snum" href="#${id}" aria-label="本节地址 #${id}"></a>`;

  it.each([
    ['gives each section heading an empty link to itself', '## 一、甲\n\n### (一)乙', lines(`<h2 id="s1">一、甲${snum('s1')}</h2>`, `<h3 id="s2">(一)乙${snum('s2')}</h3>`)],
    [
      'gives none to a heading that is not a section: other levels, the footnotes’ heading',
      '#### 小节\n\n丙[^1]。\n\n[^1]: 注。',
      lines('<h4 id="小节">小节</h4>', `<p>丙${REF_1}。</p>`, NOTE_1),
    ],
  ])('%s', async (_, markdown, expected) => {
    expect(await html(markdown, [rehypeSectionIds, rehypeSectionLinks])).toBe(expected);
  });

  it('keeps the heading text that Astro collects for the outline the heading’s words', async () => {
    const { metadata } = await render('## 一、甲\n\n### (一)乙', [rehypeSectionIds, rehypeSectionLinks]);
    expect(metadata.headings.map((h) => [h.slug, h.text])).toEqual([
      ['s1', '一、甲'],
      ['s2', '(一)乙'],
    ]);
  });
});

describe('rehype-heading-phrases, after rehype-section-ids as in the site', () => {
  it('lets a section heading break only between words, and leaves its text, other headings and paragraphs alone', async () => {
    const markdown = '## 新质生产力与城市规划改革\n\n新质生产力与城市规划[^1]。\n\n[^1]: 注。';
    const code = await html(markdown, [rehypeSectionIds, rehypeHeadingPhrases]);
    expect(code.split('\n')[0]).toBe('<h2 id="s1" class="phrases">新质生产力<wbr>与城市规划<wbr>改革</h2>');
    expect(code).toContain('<p>新质生产力与城市规划<sup>');
    expect(code).toContain('<h2 class="footnotes-title" id="footnote-label">注释</h2>');
    const { metadata } = await render(markdown, [rehypeSectionIds, rehypeHeadingPhrases]);
    expect(metadata.headings.map((h) => h.text)).toContain('新质生产力与城市规划改革');
  });
});

describe('rehype-footnote-numbers', () => {
  it.each([
    [
      'shows a note under its paper-wide number, where remark-rehype counts the page’s notes from 1',
      '甲[^15]，乙[^16]。\n\n[^15]: 注十五。\n[^16]: 注十六。',
      lines(
        '<p>甲<sup><a href="#fn-15" id="fnref-15" data-footnote-ref="" aria-describedby="footnote-label" aria-label="注释15">15</a></sup>，乙<sup><a href="#fn-16" id="fnref-16" data-footnote-ref="" aria-describedby="footnote-label" aria-label="注释16">16</a></sup>。</p>',
        footnotes(
          '<li id="fn-15" value="15">',
          `<p>注十五。 ${back('fnref-15', '返回正文中注释15的引用处')}</p>`,
          '</li>',
          '<li id="fn-16" value="16">',
          `<p>注十六。 ${back('fnref-16', '返回正文中注释16的引用处')}</p>`,
          '</li>',
        ),
      ),
    ],
    [
      'names which reference each back link of a note cited twice returns to',
      '甲[^3]，乙[^3]。\n\n[^3]: 注三。',
      lines(
        '<p>甲<sup><a href="#fn-3" id="fnref-3" data-footnote-ref="" aria-describedby="footnote-label" aria-label="注释3">3</a></sup>，乙<sup><a href="#fn-3" id="fnref-3-2" data-footnote-ref="" aria-describedby="footnote-label" aria-label="注释3">3</a></sup>。</p>',
        footnotes('<li id="fn-3" value="3">', `<p>注三。 ${back('fnref-3', '返回正文中注释3的引用处')} ${back('fnref-3-2', '返回正文中注释3的引用处（第2处）')}</p>`, '</li>'),
      ),
    ],
    [
      'leaves a label that is not a number as remark-rehype numbered it',
      '甲[^a]。\n\n[^a]: 注。',
      lines(
        '<p>甲<sup><a href="#fn-a" id="fnref-a" data-footnote-ref="" aria-describedby="footnote-label">1</a></sup>。</p>',
        footnotes('<li id="fn-a">', `<p>注。 ${back('fnref-a', '返回正文')}</p>`, '</li>'),
      ),
    ],
  ])('%s', async (_, markdown, expected) => {
    expect(await html(markdown, [rehypeFootnoteNumbers])).toBe(expected);
  });
});

describe('rehype-missing-table-note', () => {
  it('turns the caption the ingest writes into a figure that says the table is missing from the source', async () => {
    expect(await html('甲。\n\n<figure class="missing-table"><figcaption> 表1 全国城市群规划编制情况 </figcaption></figure>', [rehypeMissingTableNote])).toBe(
      lines('<p>甲。</p>', `<figure class="missing-table"><figcaption>表1 全国城市群规划编制情况</figcaption><p class="missing-table-note">${MISSING_TABLE_NOTE}</p></figure>`),
    );
  });

  it.each([
    ['a caption with markup', '<figure class="missing-table"><figcaption>表<b>1</b></figcaption></figure>'],
    ['no caption', '<figure class="missing-table"></figure>'],
    ['the figure inside a paragraph', '甲<figure class="missing-table"><figcaption>表1</figcaption></figure>'],
  ])('stops the build on %s, naming the file and line and the form it expected', async (_, raw) => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // Astro logs the error before it rethrows it
    await expect(html(`甲。\n\n${raw}`, [rehypeMissingTableNote])).rejects.toThrow(
      `${path.join(CONTENT, 'paper', '2.md')}:3: expected <figure class="missing-table"><figcaption>…</figcaption></figure>`,
    );
  });
});

describe('the whole chain, in the site’s order', () => {
  it('numbers and links a section of the paper: sections, paragraphs, notes under their own numbers, the missing table', async () => {
    const markdown = '## (一)宏观机理\n\n甲[^15]。\n\n<figure class="missing-table"><figcaption>表1</figcaption></figure>\n\n[^15]: 注十五。';
    expect(await html(markdown, markdownOptions.rehypePlugins)).toBe(
      lines(
        '<h2 id="s1" class="phrases">(一)<wbr>宏观<wbr>机理<a class="snum" href="#s1" aria-label="本节地址 #s1"></a></h2>',
        '<p id="p1"><a class="pnum" href="#p1" aria-label="第1段">1</a>甲<sup><a href="#fn-15" id="fnref-15" data-footnote-ref="" aria-describedby="footnote-label" aria-label="注释15">15</a></sup>。</p>',
        `<figure class="missing-table"><figcaption>表1</figcaption><p class="missing-table-note">${MISSING_TABLE_NOTE}</p></figure>`,
        footnotes('<li id="fn-15" value="15">', `<p>注十五。 ${back('fnref-15', '返回正文中注释15的引用处')}</p>`, '</li>'),
      ),
    );
  });

  it.each([
    ['the editor’s note links the experts’ names to their essays, after the margin number', 'forum', '<a href="wang-kai/" class="expert-link">王凯</a>院长与<a href="zhao-yanjing/" class="expert-link">赵燕菁</a>教授。'],
    ['an essay leaves the names as text', 'essay', '王凯院长与赵燕菁教授。'],
  ])('%s', async (_, kind, body) => {
    const { code } = await render('王凯院长与赵燕菁教授。', markdownOptions.rehypePlugins, path.join(CONTENT, 'forum', 'index.md'), { kind });
    expect(code).toBe(`<p id="p1"><a class="pnum" href="#p1" aria-label="第1段">1</a>${body}</p>`);
  });
});

describe('on every document of content/', () => {
  const passages = JSON.parse(readFileSync(path.join(CONTENT, 'passages.json'), 'utf8')) as Passage[];
  const files = ['forum', 'paper'].flatMap((dir) => readdirSync(path.join(CONTENT, dir)).map((name) => path.join(CONTENT, dir, name)));

  /** A paragraph's margin number or footnote reference: not part of the passage's text. */
  const isApparatus = (node: ElementContent) =>
    node.type === 'element' && (node.tagName === 'sup' || (node.tagName === 'a' && String(node.properties.className) === 'pnum'));

  /** The body paragraphs of a rendered page, each with its id and its text as content/passages.json gives it. */
  const paragraphTexts = (tree: Root) =>
    tree.children
      .filter((node): node is Element => node.type === 'element' && node.tagName === 'p')
      .map((p) => ({ id: p.properties.id, text: toString({ ...p, children: p.children.filter((c) => !isApparatus(c)) }) }));

  it.each(files.map((file) => [path.relative(CONTENT, file), file]))('%s: paragraph #pN is passage N of the document in content/passages.json', async (_, file) => {
    const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
    let tree: Root | undefined;
    const capture = () => (t: Root) => void (tree = structuredClone(t));
    await render(content, [...markdownOptions.rehypePlugins, capture], file, frontmatter);
    const doc = docKey(frontmatter as DocRef);
    const expected = passages.filter((p) => p.doc === doc).map((p) => ({ id: `p${p.p}`, text: p.text }));
    expect(expected.length, `passages of ${doc}`).toBeGreaterThan(0);
    expect(paragraphTexts(tree!)).toEqual(expected);
  });
});
