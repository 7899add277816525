/**
 * The reading list's state (src/client/reading-list.ts): the `?p=` address
 * that carries a list, the order the reader sets, and the copy kept in the
 * browser's localStorage, on the passage ids of content/passages.json. How
 * the list page reads an address (repeats, thousands of ids) is in
 * reading-list-address.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listQuery, listSummary, loadList, move, parseList, readListAddress, saveList } from '../../src/client/reading-list.ts';
import type { Passage } from '../../src/lib/schema.ts';
import { ROOT } from '../../scripts/lib/paths.ts';

const passages = JSON.parse(readFileSync(path.join(ROOT, 'content', 'passages.json'), 'utf8')) as Passage[];
const ids = passages.map((p) => p.id);

/** The ids the list page reads back from an address made with listQuery. */
const readBack = (query: string) => readListAddress(new URL(`https://example.org/list/${query}`).searchParams.get('p'), Infinity).ids;

describe('the list in the address', () => {
  it('is readable: the ids of the corpus appear as they are, joined by commas', () => {
    const some = [ids[0]!, ids.at(-1)!];
    expect(listQuery(some)).toBe(`?p=${some[0]},${some[1]}`);
  });

  it('is empty for an empty list, so the page’s address is plain /list/', () => {
    expect(listQuery([])).toBe('');
  });

  it('keeps an id with characters an address gives meaning to intact, and lets it add no parameter', () => {
    const odd = ['wang-kai:p5', 'x&p=paper:p1', '王凯:p1', 'a#b', 'a+b c'];
    expect(readBack(listQuery(odd))).toEqual(odd);
  });
});

describe('parseList, which reads the list kept in the browser', () => {
  it.each([
    ['nothing kept', null, []],
    ['an empty value', '', []],
    ['spaces and empty items', ' wang-kai:p5 , ,paper-2:p3,', ['wang-kai:p5', 'paper-2:p3']],
    ['an id twice, kept where it first comes', 'paper-2:p3,wang-kai:p5,paper-2:p3', ['paper-2:p3', 'wang-kai:p5']],
  ])('reads %s', (_, value, expected) => {
    expect(parseList(value)).toEqual(expected);
  });
});

describe('move', () => {
  const list = ['a', 'b', 'c'] as const;

  it.each([
    ['the second item up', 1, -1, ['b', 'a', 'c']],
    ['the second item down', 1, 1, ['a', 'c', 'b']],
    ['the first item up: unchanged', 0, -1, ['a', 'b', 'c']],
    ['the last item down: unchanged', 2, 1, ['a', 'b', 'c']],
    ['an index outside the list: unchanged', 3, -1, ['a', 'b', 'c']],
  ] as const)('moves %s', (_, from, by, expected) => {
    expect(move(list, from, by)).toEqual(expected);
  });

  it('leaves the list it was given as it was', () => {
    const items = ['a', 'b'];
    move(items, 0, 1);
    expect(items).toEqual(['a', 'b']);
  });
});

describe('listSummary, the count above the list', () => {
  it.each([
    ['paragraphs from several works', [3, 2, 0], '共3段，出自2篇文献。'],
    ['ids that name no paragraph apart, not in the count', [1, 1, 2], '共1段，出自1篇文献；另有2项找不到。'],
    ['a list of which nothing is found', [0, 0, 2], '清单中的段落都找不到（2项）。'],
    ['nothing for an empty list', [0, 0, 0], ''],
  ] as const)('says %s', (_, [shown, works, missing], expected) => {
    expect(listSummary(shown, works, missing)).toBe(expected);
  });
});

describe('the list kept in the browser', () => {
  /** A localStorage that holds strings in a Map, as the browser's does. */
  function fakeStorage() {
    const items = new Map<string, string>();
    return {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, String(value)),
      items,
    };
  }

  /** localStorage as a browser with storage turned off has it: every use throws. */
  const blocked = {
    getItem: () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
    setItem: () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    },
  };

  afterEach(() => vi.unstubAllGlobals());

  it('gives back every passage of the corpus it kept, in order', () => {
    vi.stubGlobal('localStorage', fakeStorage());
    expect(saveList('/', ids)).toBe(true);
    expect(loadList('/')).toEqual(ids);
  });

  it('keeps one list per site base, as two sites may share an origin', () => {
    vi.stubGlobal('localStorage', fakeStorage());
    saveList('/', ['wang-kai:p5']);
    saveList('/reader/', ['paper-2:p3']);
    expect([loadList('/'), loadList('/reader/')]).toEqual([['wang-kai:p5'], ['paper-2:p3']]);
  });

  it('is empty where nothing was kept', () => {
    vi.stubGlobal('localStorage', fakeStorage());
    expect(loadList('/')).toEqual([]);
  });

  it('drops what is no passage id when it reads the list back (storage is the reader’s to edit)', () => {
    const storage = fakeStorage();
    vi.stubGlobal('localStorage', storage);
    saveList('/', ['wang-kai:p5']);
    const [key] = [...storage.items.keys()];
    storage.items.set(key!, 'wang-kai:p5,<script>,paper-2:p0,paper-2:p3');
    expect(loadList('/')).toEqual(['wang-kai:p5', 'paper-2:p3']);
  });

  it('when storage is blocked, reads an empty list and says the list was not kept', () => {
    vi.stubGlobal('localStorage', blocked);
    expect(loadList('/')).toEqual([]);
    expect(saveList('/', ['wang-kai:p5'])).toBe(false);
  });
});
