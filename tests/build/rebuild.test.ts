/**
 * Two more builds of the site, one after the other (tests in one file run
 * in order; the builds share Astro's caches and must not overlap):
 * - output is deterministic (docs/architecture.md, “The pipeline”): a second build from the same
 *   sources gives byte-identical files to dist/;
 * - docs/deploy.md promises that the site can be served under a sub-path: built
 *   with BASE_PATH=/reader/ and SITE_URL=https://example.org, every internal
 *   link stays under /reader/ and leads somewhere, canonical addresses,
 *   sitemap and citations name https://example.org/reader/, no listed
 *   address is lost, and in a browser the links the scripts make (reading
 *   list, copied paragraph address, search results) lead under /reader/ too.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { ADDRESS_LIST, collectAddresses, missingAddresses, parseAddressList } from '../../scripts/lib/addresses.ts';
import { sharedBrowser } from '../helpers/browser.ts';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { brokenLinks, linkChecker } from '../helpers/links.ts';
import { loadPages } from '../helpers/pages.ts';
import { assertBuilt, listFiles } from '../../scripts/lib/dist.ts';
import { DIST } from '../../scripts/lib/paths.ts';
import { startServer } from '../../scripts/lib/server.ts';

const BUILD_TIMEOUT = 15 * 60_000;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reader-rebuild-'));
const browser = sharedBrowser();
afterAll(async () => {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
});

function hashes(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));
}

describe('building again', () => {
  test('building the site twice gives byte-identical files', { timeout: BUILD_TIMEOUT }, async () => {
    assertBuilt();
    const out = path.join(tmp, 'again');
    const { code, log } = await astroBuild(['--force', '--outDir', out]);
    expect(code, `astro build --force --outDir ${out} failed:\n${log.slice(-4000)}`).toBe(0);

    const first = hashes(DIST);
    const second = hashes(out);
    const onlyFirst = [...first.keys()].filter((f) => !second.has(f));
    const onlySecond = [...second.keys()].filter((f) => !first.has(f));
    const differ = [...first].filter(([f, h]) => second.has(f) && second.get(f) !== h).map(([f]) => f);
    expect({ onlyInDist: onlyFirst, onlyInSecondBuild: onlySecond, differ }).toEqual({
      onlyInDist: [],
      onlyInSecondBuild: [],
      differ: [],
    });
  });

  const BASE = '/reader/';
  const SITE = 'https://example.org';
  // Built into a folder named like the sub-path, so that a static server of its parent serves it at /reader/.
  const served = path.join(tmp, 'served');
  const out = path.join(served, 'reader');
  const pagesUnderBase = () => loadPages(out);

  test(`a site built for the sub-path ${BASE} (BASE_PATH, SITE_URL) links only to pages and anchors under ${BASE}`, { timeout: BUILD_TIMEOUT }, async () => {
    const { code, log } = await astroBuild(['--outDir', out], { BASE_PATH: BASE, SITE_URL: SITE });
    expect(code, `BASE_PATH=${BASE} SITE_URL=${SITE} astro build --outDir ${out} failed:\n${log.slice(-4000)}`).toBe(0);

    const pages = pagesUnderBase();
    expect(pages.size).toBeGreaterThan(15);
    const problem = linkChecker(pages, out, BASE);
    const broken = [...pages.values()].flatMap((p) => brokenLinks(p, problem).map((b) => `${p.url}: ${b}`));
    expect(broken).toEqual([]);
  });

  test(`under ${BASE}, canonical addresses, the sitemap, robots.txt and citations name ${SITE}${BASE}`, () => {
    const pages = [...pagesUnderBase().values()].filter((p) => p.url !== '/404.html');
    const canonicals = pages.map((p) => p.$('link[rel="canonical"]').attr('href'));
    expect(canonicals).toEqual(pages.map((p) => `${SITE}${BASE}${p.url.slice(1)}`));
    const locs = [...readFileSync(path.join(out, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([...canonicals].sort());
    expect(readFileSync(path.join(out, 'robots.txt'), 'utf8')).toContain(`Sitemap: ${SITE}${BASE}sitemap.xml`);
    expect(readFileSync(path.join(out, 'cite', 'wangkai2024.bib'), 'utf8')).toContain(`url = {${SITE}${BASE}forum/wang-kai/}`);
    const list = JSON.parse(readFileSync(path.join(out, 'list', 'paper-2.json'), 'utf8')) as { href: string; citation: { url: string } };
    expect(list.href).toBe(`${BASE}paper/2/`);
    expect(list.citation.url).toBe(`${SITE}${BASE}paper/2/`);
  });

  test(`the site built for ${BASE} keeps every address of the committed list`, () => {
    const listed = parseAddressList(readFileSync(ADDRESS_LIST, 'utf8'));
    expect(missingAddresses(listed, collectAddresses(out))).toEqual([]);
  });

  test(`in a browser under ${BASE}, the reading list shows its paragraphs with working links, and a copied paragraph link is the permanent address`, async () => {
    const server = await startServer(served);
    try {
      const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      await page.goto(`${server.url}${BASE}list/?p=wang-kai:p5,paper-2:p3`);
      const links = page.locator('.list-item .list-source a');
      await expect.poll(() => links.count(), { message: 'the list shows its two paragraphs' }).toBe(2);
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs).toEqual([`${BASE}forum/wang-kai/#p5`, `${BASE}paper/2/#p3`]);
      const problem = linkChecker(pagesUnderBase(), out, BASE);
      expect(hrefs.map((value) => problem({ from: '/list/', where: '<a href>', value }))).toEqual([null, null]);

      await page.goto(`${server.url}${BASE}forum/wang-kai/`);
      await page.locator('a.pnum[href="#p3"]').click();
      await page.locator('.para-tools [data-action="copy"]').click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${SITE}${BASE}forum/wang-kai/#p3`);
      await context.close();
    } finally {
      await server.close();
    }
  });

  test(`on the site built for ${BASE}, a search finds 存量更新 and leads to ${BASE}forum/wang-kai/#p4`, async () => {
    const server = await startServer(served);
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${server.url}${BASE}search/?q=${encodeURIComponent('存量更新')}`);
      const link = page.locator('#search-exact a.result-link').first();
      await expect(link.getAttribute('href')).resolves.toBe(`${BASE}forum/wang-kai/#p4`);
      await Promise.all([page.waitForURL(`${server.url}${BASE}forum/wang-kai/#p4`), link.click()]);
      await expect(page.locator('[id="p4"] mark.search-term').innerText()).resolves.toBe('存量更新');
      await context.close();
    } finally {
      await server.close();
    }
  });
});
