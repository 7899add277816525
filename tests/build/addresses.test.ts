/**
 * Links in coursework must not break (DESIGN §3): every address and anchor in
 * the committed list tests/addresses.txt is still built, and the list holds
 * every page, section, paragraph and footnote of this build.
 */
import { expect, test } from 'vitest';
import { addressesOf, readAddressList } from '../helpers/addresses.ts';
import { linkChecker } from '../helpers/links.ts';
import { loadPages } from '../helpers/pages.ts';
import { DIST } from '../helpers/paths.ts';

const pages = loadPages();
const listed = readAddressList();
const problem = linkChecker(pages, DIST);

test('every address and anchor in tests/addresses.txt still leads to its page and place', () => {
  expect(listed.length).toBeGreaterThan(100);
  const dropped = listed.flatMap((address) => {
    const why = problem({ from: '/', where: 'tests/addresses.txt', value: address });
    return why ? [`${address}: ${why}`] : [];
  });
  expect(dropped, 'addresses the build no longer has; once published, an address must stay (or redirect)').toEqual([]);
});

test('tests/addresses.txt lists every page, section, paragraph and footnote of the build', () => {
  const unlisted = addressesOf(pages.values()).filter((a) => !listed.includes(a));
  expect(unlisted, 'new addresses: run `npm run addresses` and commit tests/addresses.txt').toEqual([]);
});
