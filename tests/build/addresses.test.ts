/**
 * Addresses are a contract (docs/architecture.md): once published, an address or anchor
 * is never removed. tests/addresses.txt lists them all (`npm run addresses`
 * writes it from a build); the current build must still have every one.
 * The fixtures show that the check notices a single dropped anchor.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ADDRESS_LIST, collectAddresses, missingAddresses, parseAddressList } from '../../scripts/lib/addresses.ts';
import { DIST, ROOT } from '../../scripts/lib/paths.ts';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'addresses');
const listed = parseAddressList(readFileSync(ADDRESS_LIST, 'utf8'));

describe('the committed address list', () => {
  test('holds the pages, their section, paragraph and footnote anchors, and the citation files', () => {
    expect(listed).toContain('/');
    expect(listed).toContain('/forum/wang-kai/');
    expect(listed).toContain('/forum/wang-kai/#p1');
    expect(listed).toContain('/forum/wang-kai/#s1');
    expect(listed).toContain('/paper/2/#fn-15');
    expect(listed).toContain('/list/');
    expect(listed).toContain('/cite/wangkai2024.bib');
    expect(listed).toContain('/sitemap.xml');
    expect(listed.length).toBeGreaterThan(200);
  });

  test('is sorted, each address once, as `npm run addresses` writes it', () => {
    expect(listed).toEqual([...new Set(listed)].sort());
  });

  test('every address and anchor in the list is still in the build', () => {
    expect(missingAddresses(listed, collectAddresses(DIST)), 'addresses the build dropped: restore them, or redirect the old address').toEqual([]);
  });
});

describe('the check, on two small fixture sites with one address list', () => {
  const fixtureList = parseAddressList(readFileSync(path.join(FIXTURES, 'addresses.txt'), 'utf8'));

  test('passes for the site that has every listed address', () => {
    expect(missingAddresses(fixtureList, collectAddresses(path.join(FIXTURES, 'intact')))).toEqual([]);
  });

  test('fails for the site whose essay lost the anchor #p3, and names it', () => {
    expect(missingAddresses(fixtureList, collectAddresses(path.join(FIXTURES, 'anchor-removed')))).toEqual(['/forum/wang-kai/#p3']);
  });
});
