/**
 * Two more builds of the site, one after the other (tests in one file run
 * in order; the builds share Astro's caches and must not overlap):
 * - output is deterministic (DESIGN §2): a second build from the same
 *   sources gives byte-identical files to dist/;
 * - the README promises that the site can be served under a sub-path: built
 *   with `astro build --base /reader/`, every internal link stays under
 *   /reader/ and leads somewhere, and search finds passages and links to
 *   them under /reader/.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { astroBuild } from '../helpers/build.ts';
import { sharedBrowser } from '../helpers/browser.ts';
import { brokenLinks, linkChecker } from '../helpers/links.ts';
import { startServer } from '../helpers/server.ts';
import { assertBuilt, listFiles, loadPages } from '../helpers/pages.ts';
import { DIST } from '../helpers/paths.ts';

const BUILD_TIMEOUT = 15 * 60_000;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reader-rebuild-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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
  test(`a site built for the sub-path ${BASE} links only to pages and anchors under ${BASE}`, { timeout: BUILD_TIMEOUT }, async () => {
    const out = path.join(tmp, 'reader');
    const { code, log } = await astroBuild(['--base', BASE, '--outDir', out]);
    expect(code, `astro build --base ${BASE} --outDir ${out} failed:\n${log.slice(-4000)}`).toBe(0);

    const pages = loadPages(out);
    expect(pages.size).toBeGreaterThan(15);
    const problem = linkChecker(pages, out, BASE);
    const broken = [...pages.values()].flatMap((p) => brokenLinks(p, problem).map((b) => `${p.url}: ${b}`));
    expect(broken).toEqual([]);
  });

  test(`on the site built for ${BASE}, a search finds 存量更新 and leads to ${BASE}forum/wang-kai/#p4`, async () => {
    // Served from the folder above the build, so that its pages are at /reader/….
    const server = await startServer(tmp);
    const browser = sharedBrowser();
    try {
      const page = await (await browser.get()).newPage();
      await page.goto(`${server.url}${BASE}search/?q=${encodeURIComponent('存量更新')}`);
      const link = page.locator('#search-exact a.result-link').first();
      await expect(link.getAttribute('href')).resolves.toBe(`${BASE}forum/wang-kai/#p4`);
      await Promise.all([page.waitForURL(`${server.url}${BASE}forum/wang-kai/#p4`), link.click()]);
      await expect(page.locator('[id="p4"] mark.search-term').innerText()).resolves.toBe('存量更新');
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
