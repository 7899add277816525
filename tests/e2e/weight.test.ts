/**
 * Page weight (scripts/lib/weight.ts), measured at the site.server on a cold load in Chromium:
 * every essay page under 30 KB transferred (gzip) for its HTML, CSS and JS,
 * and every other page type with a budget in tests/helpers/weight.ts within it.
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
    const sent = await coldLoad(context, site.server, target);
    const counted = budget.kinds.reduce((sum, kind) => sum + sent[kind], 0);
    expect(counted, `${budget.bar}: ${JSON.stringify(sent)}`).toBeLessThan(budget.bytes);
    expect(sent.html, 'the page itself was sent').toBeGreaterThan(0);
  } finally {
    await context.close();
  }
});
