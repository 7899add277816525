/**
 * The search index Pagefind wrote into dist/pagefind/ at the end of the
 * build: it holds the reading pages and only their reading text, every body
 * paragraph as an anchor a result can link to, each page filed under its
 * text, section and authors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { hitsOf, type PageData } from '../../src/client/search/hits.ts';
import { fold, loadPages, page } from '../helpers/pages.ts';
import { DIST, ROOT } from '../../scripts/lib/paths.ts';
import { pageOfDoc } from '../helpers/corpus.ts';

const PAGEFIND = path.join(DIST, 'pagefind');

interface SearchHit {
  id: string;
  doc: string;
  p: number;
  text: string;
}
const passages = JSON.parse(readFileSync(path.join(ROOT, 'content', 'passages.json'), 'utf8')) as SearchHit[];
const readingPages = [...new Set(passages.map((p) => pageOfDoc(p.doc)))];

/** Every page's record in the index (Pagefind's fragment files: gzip, a signature, then JSON). */
function fragments(): PageData[] {
  const dir = path.join(PAGEFIND, 'fragment');
  return readdirSync(dir).map((f) => {
    const text = gunzipSync(readFileSync(path.join(dir, f))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as PageData;
  });
}
const byKey = new Map(fragments().map((f) => [f.meta.key, f]));

describe('the search index', () => {
  test(`holds the ${readingPages.length} reading pages, indexed as Chinese`, () => {
    const entry = JSON.parse(readFileSync(path.join(PAGEFIND, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.fromEntries(Object.entries(entry.languages).map(([lang, l]) => [lang, l.page_count]))).toEqual({ 'zh-cn': readingPages.length });
    expect(fragments().map((f) => f.url).sort()).toEqual([...readingPages].sort());
  });

  test('only the reading pages mark their article as the body to index', () => {
    const marked = [...loadPages().values()].filter((p) => p.$('[data-pagefind-body]').length > 0);
    expect(marked.map((p) => p.url).sort()).toEqual([...readingPages].sort());
    for (const p of marked) expect(p.$('[data-pagefind-body]').is('article'), `${p.url}: the body is the article`).toBe(true);
  });

  test('paragraph numbers and footnote numbers are kept out of the index', () => {
    for (const url of ['/forum/wang-kai/', '/paper/2/']) {
      const { $ } = page(url);
      const numbers = $('a.pnum, a[data-footnote-ref]');
      expect(numbers.length).toBeGreaterThan(0);
      expect(numbers.filter((_, a) => $(a).attr('data-pagefind-ignore') === undefined).length, `${url}: numbers without data-pagefind-ignore`).toBe(0);
    }
  });

  test('every body paragraph is an anchor in the index whose text is the paragraph, and nothing else', () => {
    const wrong = passages.flatMap((p) => {
      const anchor = byKey.get(p.doc)?.anchors.find((a) => a.id === `p${p.p}`);
      if (!anchor) return [`${p.id}: no anchor #p${p.p} in the index of ${pageOfDoc(p.doc)}`];
      return fold(anchor.text ?? '') === fold(p.text) ? [] : [`${p.id}: the index has “${(anchor.text ?? '').slice(0, 30)}”`];
    });
    expect(wrong).toEqual([]);
  });

  test('no page furniture is indexed: no header, outline, source note, pager or footnotes', () => {
    const furniture = ['跳到正文', '本文目录', '本节目录', '出处', '来源文本', '上一篇', '下一篇', '返回正文', '三个议题与发言专家', '原文此处为表格'];
    for (const f of fragments()) {
      const text = f.content.replace(/[\s\u200b]+/g, '');
      expect(furniture.filter((w) => text.includes(w)), `${f.url}`).toEqual([]);
    }
    // Section 1's footnote 6 cites 吴志强's book; the body text never names him.
    expect(page('/paper/1/').$('.footnotes').text()).toContain('吴志强');
    expect(byKey.get('paper-1')!.content).not.toContain('吴志强');
  });

  test.each([
    ['forum', { doc: ['forum'], section: ['forum'] }, { title: '主编按语' }],
    ['wang-kai', { doc: ['forum'], section: ['wang-kai'], author: ['王凯'] }, { title: '新质生产力与城市规划改革', author: '王凯' }],
    ['yuan-xin', { doc: ['forum'], section: ['yuan-xin'], author: ['袁昕'] }, { title: '发展新质生产力,推动城乡规划创新', author: '袁昕' }],
    ['paper-2', { doc: ['paper'], section: ['paper-2'], author: ['马雪松', '柏然'] }, { title: '二、优化国土空间发展格局视域下城市群一体化发展的机理阐释', author: '马雪松、柏然' }],
  ])('the page %s is filed under its text, section and authors, with its title', (key, filters, meta) => {
    const f = byKey.get(key)!;
    expect(f.filters).toEqual(filters);
    expect(f.meta).toMatchObject({ key, ...meta });
  });

  test('a match at any word of a paragraph leads to that paragraph', () => {
    for (const [key, f] of byKey) {
      const paragraphs = f.anchors.filter((a) => /^p\d+$/.test(a.id));
      const found = paragraphs.map((a) => hitsOf({ ...f, raw_content: f.content, locations: [a.location] }, 1, [], () => [])[0]?.href);
      expect(found, key).toEqual(paragraphs.map((a) => `${f.url}#${a.id}`));
    }
  });
});
