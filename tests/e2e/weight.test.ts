/**
 * Page weight, measured at the server on a cold load in Chromium: every
 * essay page under 15 KiB transferred (gzip) for its HTML, CSS and JS, and
 * every other page type with a budget in scripts/lib/weight.ts within it
 * (search: its first results within 150 KiB, every result within 200 KiB; the
 * concordance page, before the word's file, within 24 KiB).
 * An essay loads the code of its paragraph tools, of copying and of citing
 * only when the reader asks for them, and none of the search page's.
 */
import path from 'node:path';
import { expect, test } from 'vitest';

import { SLUGS } from '../helpers/corpus.ts';
import { PAGE_TYPES } from '../../scripts/lib/page-types.ts';
import { BUDGETS, coldLoad } from '../../scripts/lib/weight.ts';
import { serveBuiltSite } from '../helpers/served-site.ts';

const site = serveBuiltSite();
const { browser } = site;

/** Every essay under the essay budget; one page of every other type that has a budget. */
const targets = [
  ...Object.values(SLUGS).map((slug) => ({ id: 'essay', path: `/forum/${slug}/`, ready: undefined })),
  ...PAGE_TYPES.filter((t) => t.id !== 'essay' && BUDGETS[t.id]),
];

test.each(targets)('$path loads within its budget ($id)', async (target) => {
  const budget = BUDGETS[target.id]!;
  const context = await browser.newContext();
  try {
    const { shown, all } = await coldLoad(context, site.server, target);
    const counted = (sent: typeof shown) => budget.kinds.reduce((sum, kind) => sum + sent[kind], 0);
    expect(counted(shown), `${budget.bar}: ${JSON.stringify(shown)}`).toBeLessThanOrEqual(budget.bytes);
    if (budget.allBytes !== undefined) expect(counted(all), `${budget.bar}, in all: ${JSON.stringify(all)}`).toBeLessThanOrEqual(budget.allBytes);
    expect(shown.html, 'the page itself was sent').toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});

/** The names of the files the server sent, without their content hashes: `paragraph-tools.js`. */
const sentFiles = () => site.server.served.map((s) => path.basename(s.file).replace(/\.[\w-]{8}(?=\.\w+$)/, ''));

test('an essay loads its paragraph tools’ code when a number is chosen, and not before', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    site.server.served.length = 0;
    await page.goto(`${site.server.url}/forum/wang-kai/`, { waitUntil: 'networkidle' });
    const onLoad = sentFiles();
    expect(onLoad.filter((f) => /paragraph-tools|clipboard|citation-styles|search\.|arrival\.|pagefind/.test(f)), 'code and styles the first screen does not use').toEqual([]);
    await page.locator('a.pnum[href="#p2"]').click();
    await page.locator('.para-tools').waitFor();
    expect(sentFiles().filter((f) => !onLoad.includes(f))).toContain('paragraph-tools.js');
  } finally {
    await context.close();
  }
});
