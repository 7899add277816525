/**
 * What a page tells search engines, link previews and reference managers,
 * read back from the built HTML: canonical addresses, Open Graph and Twitter
 * card tags in Chinese, Highwire `citation_*` tags on the texts' pages, the
 * sitemap and robots.txt.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPages, page } from '../helpers/pages.ts';
import { DIST } from '../../scripts/lib/paths.ts';
import { SITE } from '../helpers/site.ts';

const pages = [...loadPages().values()];
const addressed = pages.filter((p) => p.url !== '/404.html');

/** Every value of a `<meta name>` (or `property`) tag, in order. */
function meta(url: string, name: string): string[] {
  const { $ } = page(url);
  return $(`head meta[name="${name}"], head meta[property="${name}"]`).map((_, m) => $(m).attr('content') ?? '').get();
}

/** The citation_* tags of a page as [name, content] pairs, in order. */
function citationTags(url: string): [string, string][] {
  const { $ } = page(url);
  return $('head meta[name^="citation_"]').map((_, m) => [[$(m).attr('name')!, $(m).attr('content')!]]).get() as [string, string][];
}

const FORUM = '“新质生产力与城乡规划”学术笔谈';
const PAPER = '优化国土空间发展格局视域下推进城市群一体化发展的空间逻辑';

describe('canonical addresses and link previews', () => {
  test.each(addressed.map((p) => p.url))('%s names its permanent address as canonical and og:url', (url) => {
    const { $ } = page(url);
    const canonical = $('head link[rel="canonical"]');
    expect(canonical.length).toBe(1);
    expect(canonical.attr('href')).toBe(`${SITE}${url}`);
    expect(meta(url, 'og:url')).toEqual([`${SITE}${url}`]);
  });

  test.each(addressed.map((p) => p.url))('%s has Open Graph and Twitter card tags with its Chinese title and description', (url) => {
    const { $ } = page(url);
    const description = $('head meta[name="description"]').attr('content');
    const title = meta(url, 'og:title')[0] ?? '';
    expect(title, 'og:title in Chinese').toMatch(/\p{Script=Han}/u);
    expect($('title').text().startsWith(title), 'og:title is the page’s own title').toBe(true);
    expect(meta(url, 'og:description')).toEqual([description]);
    expect(meta(url, 'og:site_name')).toEqual(['新质读本']);
    expect(meta(url, 'og:locale')).toEqual(['zh_CN']);
    expect(meta(url, 'og:type')).toEqual([url.startsWith('/forum/') || url.startsWith('/paper/') ? 'article' : 'website']);
    expect(meta(url, 'twitter:card')).toEqual(['summary']);
    expect(meta(url, 'twitter:title')).toEqual([title]);
    expect(meta(url, 'twitter:description')).toEqual([description]);
  });

  test('the 404 page names no canonical address (its 404 status keeps it out of search engines)', () => {
    const { $ } = page('/404.html');
    expect($('head link[rel="canonical"]').length).toBe(0);
    expect(meta('/404.html', 'og:url')).toEqual([]);
  });
});

describe('Highwire citation tags', () => {
  test('王凯’s essay is an article by 王, 凯 in 城市规划学刊, 2024, in Chinese, within the forum', () => {
    expect(citationTags('/forum/wang-kai/')).toEqual([
      ['citation_title', '新质生产力与城市规划改革'],
      ['citation_author', '王, 凯'],
      ['citation_author_institution', '中国城市规划设计研究院院长，教授级高级规划师，全国工程勘察设计大师'],
      ['citation_journal_title', '城市规划学刊'],
      ['citation_publication_date', '2024'],
      ['citation_language', 'zh'],
      ['citation_series_title', FORUM],
      ['citation_public_url', `${SITE}/forum/wang-kai/`],
    ]);
  });

  test('every essay names one author, family name first, and the forum as the work it is in', () => {
    for (const p of pages.filter((p) => /^\/forum\/[a-z-]+\/$/.test(p.url))) {
      const tags = citationTags(p.url);
      const authors = tags.filter(([n]) => n === 'citation_author').map(([, v]) => v);
      expect(authors.length, p.url).toBe(1);
      expect(authors[0], p.url).toMatch(/^\p{Script=Han}, \p{Script=Han}{1,2}$/u);
      expect(tags, p.url).toContainEqual(['citation_series_title', FORUM]);
      expect(tags.map(([n]) => n), p.url).not.toContain('citation_issue');
    }
  });

  test.each(['/paper/', '/paper/1/', '/paper/2/', '/paper/3/'])('%s describes the paper: both authors, 云南社会科学, 2024, issue 1', (url) => {
    expect(citationTags(url)).toEqual([
      ['citation_title', PAPER],
      ['citation_author', '马, 雪松'],
      ['citation_author', '柏, 然'],
      ['citation_journal_title', '云南社会科学'],
      ['citation_issue', '1'],
      ['citation_publication_date', '2024'],
      ['citation_language', 'zh'],
      ['citation_public_url', `${SITE}${url}`],
    ]);
  });

  test('the forum page describes the forum with its eleven experts and their affiliations', () => {
    const tags = citationTags('/forum/');
    expect(tags[0]).toEqual(['citation_title', FORUM]);
    expect(tags.filter(([n]) => n === 'citation_author').length).toBe(11);
    expect(tags.filter(([n]) => n === 'citation_author_institution').length).toBe(11);
    expect(tags).toContainEqual(['citation_journal_title', '城市规划学刊']);
  });

  test('no page claims what the sources do not give: volume, pages or a DOI', () => {
    const invented = pages.flatMap((p) => citationTags(p.url).filter(([n]) => /volume|firstpage|lastpage|doi/.test(n)).map(([n]) => `${p.url} ${n}`));
    expect(invented).toEqual([]);
  });

  test('pages that show no scholarly text carry no citation tags', () => {
    for (const url of ['/', '/list/', '/404.html']) expect(citationTags(url), url).toEqual([]);
  });
});

describe('sitemap and robots.txt', () => {
  const sitemap = readFileSync(path.join(DIST, 'sitemap.xml'), 'utf8');
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);

  test('the sitemap lists every page at its canonical address, and nothing else', () => {
    expect(sitemap.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    const canonicals = addressed.map((p) => page(p.url).$('head link[rel="canonical"]').attr('href')).sort();
    expect(locs).toEqual(canonicals);
  });

  test('robots.txt lets every page be crawled and names the sitemap', () => {
    const robots = readFileSync(path.join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Allow: \/$/m);
    expect(robots).toMatch(new RegExp(`^Sitemap: ${SITE}/sitemap\\.xml$`, 'm'));
    expect(robots).not.toMatch(/^Disallow: \/\s*$/m);
  });
});
