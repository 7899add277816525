/**
 * The sitemap's addresses (src/lib/sitemap.ts): routes from page files,
 * parameters from getStaticPaths, on small fixtures; then on the real page
 * files of src/pages, whose pages must be exactly the pages of the committed
 * address list (tests/addresses.txt).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addressesOf, routeOf, sitemapPaths, sitemapXml, type PageFiles, type PageModule } from '../../src/lib/sitemap.ts';
import type { Theme } from '../../src/lib/schema.ts';
import { ADDRESS_LIST, parseAddressList } from '../../scripts/lib/addresses.ts';
import { ROOT } from '../../scripts/lib/paths.ts';
import { expectedEssays } from '../helpers/corpus.ts';

const CONTENT = path.join(ROOT, 'content');
const PAGES = path.join(ROOT, 'src', 'pages');

/** A page module whose getStaticPaths returns these params. */
const withPaths = (...params: Record<string, string | number | undefined>[]) => async (): Promise<PageModule> => ({
  getStaticPaths: async () => params.map((p) => ({ params: p })),
});

/** A loader for a page the sitemap must not load: a page without parameters needs no getStaticPaths. */
const neverLoaded = async (): Promise<PageModule> => {
  throw new Error('loaded a page without parameters');
};

describe('routeOf', () => {
  it.each([
    ['./index.astro', '/'],
    ['./forum/index.astro', '/forum/'],
    ['./forum/[slug].astro', '/forum/[slug]/'],
    ['./paper/[n].astro', '/paper/[n]/'],
    ['./about.astro', '/about/'],
    ['./docs/[...path].astro', '/docs/[...path]/'],
  ])('%s is the route %s', (file, route) => {
    expect(routeOf(file)).toBe(route);
  });
});

describe('addressesOf', () => {
  it('gives a page without parameters its route, without loading it', async () => {
    expect(await addressesOf('./forum/index.astro', neverLoaded)).toEqual(['/forum/']);
  });

  it('gives a page with parameters one address per path, numbers included', async () => {
    expect(await addressesOf('./paper/[n].astro', withPaths({ n: 1 }, { n: '2' }))).toEqual(['/paper/1/', '/paper/2/']);
  });

  it('fills several parameters and a rest parameter, which may be empty', async () => {
    const load = withPaths({ lang: 'zh', path: 'a/b' }, { lang: 'zh', path: undefined });
    expect(await addressesOf('./[lang]/[...path].astro', load)).toEqual(['/zh/a/b/', '/zh/']);
  });

  it('stops the build, naming the file, for a page with parameters and no getStaticPaths', async () => {
    await expect(addressesOf('./forum/[slug].astro', async () => ({}))).rejects.toThrow('./forum/[slug].astro: a page with parameters and no getStaticPaths');
  });
});

describe('sitemapPaths', () => {
  it('lists every address of every page, sorted, and leaves out the 404 page', async () => {
    const pages: PageFiles = {
      './paper/[n].astro': withPaths({ n: 2 }, { n: 1 }),
      './index.astro': neverLoaded,
      './404.astro': neverLoaded,
      './forum/index.astro': neverLoaded,
    };
    expect(await sitemapPaths(pages)).toEqual(['/', '/forum/', '/paper/1/', '/paper/2/']);
  });
});

describe('sitemapXml', () => {
  it('writes one <url><loc> per address, in the order given, in the sitemap namespace', () => {
    expect(sitemapXml(['https://example.org/', 'https://example.org/forum/'])).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '  <url><loc>https://example.org/</loc></url>',
        '  <url><loc>https://example.org/forum/</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });
});

describe('on the site’s own pages', () => {
  const slugs = expectedEssays().map((e) => e.slug); // in the order the forum prints them
  const sections = readdirSync(path.join(CONTENT, 'paper')).filter((f) => f !== 'index.md').map((f) => f.replace(/\.md$/, ''));
  const themes = parse(readFileSync(path.join(CONTENT, 'themes.yaml'), 'utf8')) as Theme[];
  /**
   * What each page with parameters is made for, read from the sources and
   * content/ (the pages' getStaticPaths read the same through Astro): an essay
   * each, a section each, a theme each, each pair of essays in the forum's
   * order, and a source text each, by the kind its manifest gives it.
   */
  const PARAMS: Record<string, Record<string, string>[]> = {
    '/forum/[slug]/': slugs.map((slug) => ({ slug })),
    '/paper/[n]/': sections.map((n) => ({ n })),
    '/themes/[id]/': themes.map((t) => ({ id: t.id })),
    '/compare/[a]/[b]/': slugs.flatMap((a, i) => slugs.slice(i + 1).map((b) => ({ a, b }))),
    '/sources/[text]/': Object.values(JSON.parse(readFileSync(path.join(CONTENT, 'sources', 'manifest.json'), 'utf8')) as { kind: string }[]).map((m) => ({ text: m.kind })),
  };
  const pageFiles: PageFiles = Object.fromEntries(
    readdirSync(PAGES, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.astro'))
      .map((f) => {
        const file = `./${f.split(path.sep).join('/')}`;
        const route = routeOf(file);
        if (!route.includes('[')) return [file, neverLoaded];
        const params = PARAMS[route];
        if (!params) throw new Error(`${file}: a page with parameters this test does not know; add what it is made for to PARAMS`);
        return [file, withPaths(...params)];
      }),
  );
  /** The pages of the address list: no anchors, no files (citations, the sitemap itself, robots.txt). */
  const listedPages = parseAddressList(readFileSync(ADDRESS_LIST, 'utf8')).filter((a) => a.endsWith('/'));

  it('lists exactly the pages of the address list: every page once, the 404 page not at all', async () => {
    expect(listedPages.length).toBeGreaterThan(10);
    expect(await sitemapPaths(pageFiles)).toEqual(listedPages);
  });
});
