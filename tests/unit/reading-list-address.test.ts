/**
 * The reading list's address as the list page reads it
 * (src/client/reading-list.ts, readListAddress): a link may hold thousands of
 * ids, repeated ones, or ones that name nothing. The page lists each id once
 * and no more than the site has paragraphs, and says what it did.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listAddressNote, listQuery, readListAddress } from '../../src/client/reading-list.ts';
import { ROOT } from '../../scripts/lib/paths.ts';
import type { Passage } from '../../src/lib/schema.ts';

const ids = (JSON.parse(readFileSync(path.join(ROOT, 'content', 'passages.json'), 'utf8')) as Passage[]).map((p) => p.id);
/** The most a list holds: every paragraph of the site, once. */
const max = ids.length;
/** The `?p=` value of an address made from a list, as the page reads it. */
const valueOf = (list: string[]) => new URL(`https://example.org/list/${listQuery(list)}`).searchParams.get('p');

describe('readListAddress', () => {
  it('reads a list of every paragraph of the site as it is, and has nothing to say', () => {
    const reversed = [...ids].reverse();
    const address = readListAddress(valueOf(reversed), max);
    expect(address).toEqual({ ids: reversed, repeated: 0, cut: 0 });
    expect(listAddressNote(address, max)).toBe('');
  });

  it('lists each id once, where it first comes, and counts the repeats', () => {
    const [a, b, c] = ids;
    const address = readListAddress(valueOf([a!, b!, a!, c!, b!, a!]), max);
    expect(address).toEqual({ ids: [a, b, c], repeated: 3, cut: 0 });
    expect(listAddressNote(address, max)).toBe('地址中有3项重复，每段只列一次。');
  });

  it('lists the first of 5,000 distinct ids, no more than the site has paragraphs, and says how many it left out', () => {
    const many = [...ids, ...Array.from({ length: 5000 - ids.length }, (_, i) => `wang-kai:p${1000 + i}`)];
    const address = readListAddress(valueOf([...many, ...ids.slice(0, 10)]), max);
    expect(address.ids).toEqual(ids);
    expect(address).toMatchObject({ repeated: 10, cut: 5000 - max });
    expect(listAddressNote(address, max)).toBe(`这个地址列出了5000段，多于本站的全部段落（${max}段），这里只列出前${max}段。地址中有10项重复，每段只列一次。`);
  });

  it('keeps ids that name nothing, markup or a very long one, for the page to report', () => {
    const odd = ['<img src=x onerror=alert(1)>', 'x'.repeat(100_000), ids[0]!];
    expect(readListAddress(valueOf(odd), max).ids).toEqual(odd);
  });
});
