/**
 * The addresses a reader may cite (DESIGN §3): every page, and on it every
 * section (#s1 …), paragraph (#p1 …) and footnote (#fn-1 …). Once published,
 * none may disappear; tests/addresses.txt keeps the list.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BuiltPage } from './pages.ts';
import { ROOT } from './paths.ts';

/** The committed list of every address and anchor. */
export const ADDRESS_LIST = path.join(ROOT, 'tests', 'addresses.txt');

const CITABLE_ID = /^(s\d+|p\d+|fn-\d+)$/;

/** Every citable address of the built pages: `/forum/wang-kai/`, `/forum/wang-kai/#p3` … */
export function addressesOf(pages: Iterable<BuiltPage>): string[] {
  const out: string[] = [];
  for (const { url, $ } of pages) {
    if (url === '/404.html') continue; // the answer to a wrong address, not one to cite
    out.push(url);
    $('[id]').each((_, el) => {
      const id = $(el).attr('id')!;
      if (CITABLE_ID.test(id)) out.push(`${url}#${id}`);
    });
  }
  return sortAddresses(out);
}

/** Pages in address order, and on a page its anchors in their natural order (#p2 before #p10). */
export function sortAddresses(addresses: Iterable<string>): string[] {
  const collator = new Intl.Collator('en', { numeric: true });
  return [...new Set(addresses)].sort(collator.compare);
}

/** The addresses in the committed list (lines that are not blank or `#` comments). */
export function readAddressList(file: string = ADDRESS_LIST): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** The text of the list file. */
export function formatAddressList(addresses: string[]): string {
  return [
    '# Every address and anchor of the site that a reader may cite (DESIGN §3).',
    '# Once published, an address is never removed: a build that drops one fails',
    '# tests/build/addresses.test.ts. `npm run addresses` adds the new ones of a',
    '# fresh build; if an address must move, make the old one redirect first.',
    ...addresses,
    '',
  ].join('\n');
}
