/**
 * The passages search should find, read from the built reading pages
 * themselves (not from the search index or the code that builds it): every
 * body paragraph `<p id="pN">` with its text as a reader sees it (margin
 * number and note references left out), and every footnote `<li id="fn-N">`
 * with its text and the paragraph holding its reference.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../scripts/lib/paths.ts';
import { pageOfDoc } from './corpus.ts';
import { page } from './pages.ts';

export interface BuiltPassage {
  /** `wang-kai:p4`, `paper-1:fn-9`. */
  id: string;
  doc: string;
  /** Its address, without the site base: `/paper/1/#fn-9`. */
  href: string;
  kind: 'paragraph' | 'footnote';
  text: string;
  /** For a footnote: the address of the paragraph that cites it. */
  citedIn?: string;
}

/** The document keys, in reading order, from content/passages.json. */
function documentKeys(): string[] {
  const passages = JSON.parse(readFileSync(path.join(ROOT, 'content', 'passages.json'), 'utf8')) as { doc: string }[];
  return [...new Set(passages.map((p) => p.doc))];
}

let cached: BuiltPassage[] | undefined;

/** Every paragraph and footnote of the built reading pages, in reading order. */
export function builtPassages(): BuiltPassage[] {
  cached ??= documentKeys().flatMap((doc) => {
    const url = pageOfDoc(doc);
    const { $ } = page(url);
    const paragraphs = $('article p[id^="p"]')
      .toArray()
      .map((p): BuiltPassage => {
        const copy = $(p).clone();
        copy.find('.pnum, sup:has(a[data-footnote-ref])').remove();
        const id = $(p).attr('id')!;
        return { id: `${doc}:${id}`, doc, href: `${url}#${id}`, kind: 'paragraph', text: copy.text() };
      });
    const footnotes = $('li[id^="fn-"]')
      .toArray()
      .map((li): BuiltPassage => {
        const copy = $(li).clone();
        copy.find('a[data-footnote-backref]').remove();
        const id = $(li).attr('id')!;
        const citing = $(`#fnref-${id.slice('fn-'.length)}`).closest('p[id]').attr('id');
        return { id: `${doc}:${id}`, doc, href: `${url}#${id}`, kind: 'footnote', text: copy.text().trim(), ...(citing ? { citedIn: `${url}#${citing}` } : {}) };
      });
    return [...paragraphs, ...footnotes];
  });
  return cached;
}

/** The passages whose text holds every one of the strings, as addresses. */
export function containing(...strings: string[]): string[] {
  return builtPassages()
    .filter((p) => strings.every((s) => p.text.toLowerCase().includes(s.toLowerCase())))
    .map((p) => p.href);
}
