/**
 * Page weight (scripts/lib/weight.ts), measured at the server on a cold load in Chromium:
 * every essay page under 30 000 bytes transferred (gzip) for its HTML, CSS and JS,
 * and every other page type with a budget in scripts/lib/weight.ts within it
 * (search: its first results within 150 KiB, every result within 200 KiB; the
 * concordance page, before the word's file, within 24 KiB).
 */
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
