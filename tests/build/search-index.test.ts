/**
 * The search index Pagefind wrote into dist/pagefind/ at the end of the
 * build: one record per paragraph and per footnote of the built pages, each
 * giving back exactly the passage's text as the page shows it, filed under
 * its text, document, authors and themes; no page is indexed as a whole.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST, ROOT } from '../../scripts/lib/paths.ts';
import { readPassagesFile } from '../../src/lib/passages.ts';
import { decodeRecord } from '../../src/lib/search/words.ts';
import { builtPassages } from '../helpers/passages.ts';
import { loadPages } from '../helpers/pages.ts';

const PAGEFIND = path.join(DIST, 'pagefind');

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
}

/** Every record in the index (Pagefind's fragment files: gzip, a signature, then JSON), by address. */
function fragments(): Map<string, Fragment> {
  const dir = path.join(PAGEFIND, 'fragment');
  return new Map(
    readdirSync(dir).map((f) => {
      const text = gunzipSync(readFileSync(path.join(dir, f))).toString('utf8');
      const data = JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
      return [data.url, data];
    }),
  );
}
const records = fragments();
const passages = builtPassages();

describe('the search index', () => {
  test(`holds one record per paragraph and footnote of the built pages (${passages.length}), none for a whole page`, () => {
    const entry = JSON.parse(readFileSync(path.join(PAGEFIND, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([passages.length]);
    expect([...records.keys()].sort()).toEqual(passages.map((p) => p.href).sort());
    expect(passages.filter((p) => p.kind === 'footnote')).toHaveLength(32);
  });

  test('every record gives back its passage’s text exactly as the page shows it', () => {
    const wrong = passages.filter((p) => decodeRecord(records.get(p.href)!.content).text !== p.text);
    expect(wrong.map((p) => p.id)).toEqual([]);
  });

  test('a footnote’s record carries the paragraph of the page that holds its reference', () => {
    const wrong = passages.filter((p) => p.kind === 'footnote' && `${p.href.split('#')[0]}#${records.get(p.href)!.filters.cited?.[0]}` !== p.citedIn);
    expect(wrong.map((p) => p.id)).toEqual([]);
  });

  test('each record is filed under its kind, text, document, authors and, for a paragraph, its themes', () => {
    const themes = new Map(readPassagesFile(path.join(ROOT, 'content')).map((p) => [p.id, p.themes.map((t) => t.id)]));
    expect(records.get('/forum/wang-kai/#p4')!.filters).toEqual({ kind: ['paragraph'], doc: ['forum'], section: ['wang-kai'], author: ['王凯'], theme: themes.get('wang-kai:p4') });
    expect(records.get('/forum/#p1')!.filters).toMatchObject({ kind: ['paragraph'], doc: ['forum'], section: ['forum'] });
    expect(records.get('/forum/#p1')!.filters.author).toBeUndefined();
    expect(records.get('/paper/1/#fn-9')!.filters).toEqual({ kind: ['footnote'], doc: ['paper'], section: ['paper-1'], author: ['马雪松', '柏然'], cited: ['p3'] });
    const untagged = passages.filter((p) => p.kind === 'paragraph' && JSON.stringify(records.get(p.href)!.filters.theme ?? []) !== JSON.stringify(themes.get(p.id)));
    expect(untagged.map((p) => p.id)).toEqual([]);
  });

  test('records carry no meta: Pagefind searches meta text, and the words would match outside the passage', () => {
    expect([...records.values()].filter((r) => Object.keys(r.meta).length).map((r) => r.url)).toEqual([]);
  });

  test('no page marks anything for Pagefind any more: the index is made from the records alone', () => {
    const marked = [...loadPages().values()].filter((p) => /data-pagefind-/.test(p.html)).map((p) => p.url);
    expect(marked).toEqual([]);
  });
});
