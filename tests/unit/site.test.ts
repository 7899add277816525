/**
 * The site's addresses as src/lib/site.ts makes them, checked against the
 * committed address list (tests/addresses.txt, which a build may not break)
 * and the address contract written out in tests/helpers/corpus.ts; under the
 * root and under a sub-path (BASE_PATH), as Vite hands Astro's base to the code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { absolute, NAV, paths, url } from '../../src/lib/site.ts';
import type { Theme } from '../../src/lib/schema.ts';
import { ADDRESS_LIST, parseAddressList } from '../../scripts/lib/addresses.ts';
import { ROOT } from '../../scripts/lib/paths.ts';
import { expectedEssays, pageOfDoc } from '../helpers/corpus.ts';

const CONTENT = path.join(ROOT, 'content');
const listed = new Set(parseAddressList(readFileSync(ADDRESS_LIST, 'utf8')));
const slugs = readdirSync(path.join(CONTENT, 'forum')).filter((f) => f !== 'index.md').map((f) => f.replace(/\.md$/, ''));
const sections = readdirSync(path.join(CONTENT, 'paper')).filter((f) => f !== 'index.md').map((f) => Number(f.replace(/\.md$/, '')));
const themes = parse(readFileSync(path.join(CONTENT, 'themes.yaml'), 'utf8')) as Theme[];
const citeFiles = [...listed].filter((a) => a.startsWith('/cite/'));
/** Every pair of essays, the one the forum prints first first (the order of the names on the source's line 5). */
const pairs = expectedEssays().flatMap((a, i, all) => all.slice(i + 1).map((b): [string, string] => [a.slug, b.slug]));

afterEach(() => vi.unstubAllEnvs());

/** Every page address `paths` makes, with the address the contract gives it. */
function pageAddresses(): [made: string, expected: string][] {
  return [
    [paths.home(), '/'],
    [paths.forum(), pageOfDoc('forum')],
    ...slugs.map((slug): [string, string] => [paths.essay(slug), pageOfDoc(slug)]),
    [paths.paper(), pageOfDoc('paper')],
    ...sections.map((n): [string, string] => [paths.section(n), pageOfDoc(`paper-${n}`)]),
    [paths.themes(), '/themes/'],
    ...themes.map((t): [string, string] => [paths.theme(t.id), `/themes/${t.id}/`]),
    [paths.compareIndex(), '/compare/'],
    ...pairs.map(([a, b]): [string, string] => [paths.compare(a, b), `/compare/${a}/${b}/`]),
    [paths.list(), '/list/'],
    [paths.search(), '/search/'],
    [paths.concordance(), '/concordance/'],
  ];
}

describe('at the root', () => {
  it('makes every page’s address as the contract states it, and each is a listed address', () => {
    for (const [made, expected] of pageAddresses()) {
      expect(made).toBe(expected);
      expect(listed, made).toContain(made);
    }
  });

  it('makes the address of every listed citation file', () => {
    expect(citeFiles.length).toBeGreaterThan(0);
    for (const file of citeFiles) {
      const [, key, ext] = /^\/cite\/(.+)\.(bib|ris)$/.exec(file)!;
      expect(paths.citeFile(key!, ext as 'bib' | 'ris')).toBe(file);
    }
  });

  it('links the header only to listed pages', () => {
    for (const { path: page } of NAV) expect(listed, page).toContain(url(page));
  });

  it('puts a search, and a concordance’s word, in the address so that the page reads it back as typed', () => {
    for (const query of ['城市群', '存量 更新', 'a&q=b#c', '100%']) {
      expect(new URL(paths.search(query), 'https://example.org').searchParams.get('q')).toBe(query);
      expect(new URL(paths.concordance(query), 'https://example.org').searchParams.get('q')).toBe(query);
    }
  });
});

describe.each(['/reader/', '/reader'])('under the sub-path %s', (base) => {
  it('puts every listed address under it, and nothing else changes', () => {
    vi.stubEnv('BASE_URL', base);
    for (const address of listed) expect(url(address)).toBe(`/reader${address}`);
    for (const [made, expected] of pageAddresses()) expect(made).toBe(`/reader${expected}`);
  });

  it('makes permanent addresses from the site’s origin and the sub-path', () => {
    vi.stubEnv('BASE_URL', base);
    vi.stubEnv('SITE', 'https://example.org');
    expect(absolute('/forum/wang-kai/')).toBe('https://example.org/reader/forum/wang-kai/');
    expect(absolute('/')).toBe('https://example.org/reader/');
  });
});
