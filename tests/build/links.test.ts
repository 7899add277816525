/**
 * No broken internal link or anchor anywhere in dist/: every local address a
 * built page points to is a built file, and every #fragment exists on the
 * page it points to.
 */
import { describe, expect, test } from 'vitest';
import { brokenLinks, linkChecker } from '../helpers/links.ts';
import { loadPages } from '../helpers/pages.ts';
import { DIST } from '../../scripts/lib/paths.ts';

const pages = loadPages();
const problem = linkChecker(pages, DIST);

describe('links', () => {
  test('the site has pages to check', () => {
    expect(pages.size).toBeGreaterThan(15);
  });

  test.each([...pages.keys()])('every link and anchor on %s leads somewhere', (url) => {
    expect(brokenLinks(pages.get(url)!, problem)).toEqual([]);
  });
});
