/**
 * The reading list's state: a list of passage ids (`wang-kai:p5`, the ids of
 * content/passages.json), written in the list page's address as
 * `/list/?p=wang-kai:p5,paper-2:p3` and kept in the browser's localStorage.
 */

import { PASSAGE_ID } from '../lib/registry';
import { listKey } from './list-key';

/** What the list page makes of its `?p=` value. */
export interface ListAddress {
  /** The ids it shows, in order, each once. */
  ids: string[];
  /** Items that repeat an earlier one: each id is listed once, where it first comes. */
  repeated: number;
  /** Distinct ids after the first `max`, left out. */
  cut: number;
}

/**
 * The ids of a `?p=` value in order, each once, at most `max` of them; empty
 * items are dropped, unknown ones kept for the page to report. A link may
 * hold thousands of items: the page lists no more than it can show at once.
 */
export function readListAddress(value: string | null, max: number): ListAddress {
  const items = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const unique = [...new Set(items)];
  return { ids: unique.slice(0, max), repeated: items.length - unique.length, cut: Math.max(0, unique.length - max) };
}

/** The ids of a `?p=` value in order, each once; empty items are dropped, unknown ones kept for the page to report. */
export function parseList(value: string | null): string[] {
  return readListAddress(value, Infinity).ids;
}

/** What the page says about an address it did not list as it was: repeated items merged, items beyond `max` left out. */
export function listAddressNote({ ids, repeated, cut }: ListAddress, max: number): string {
  const notes = [
    ...(cut ? [`这个地址列出了${ids.length + cut}段，多于本站的全部段落（${max}段），这里只列出前${max}段。`] : []),
    ...(repeated ? [`地址中有${repeated}项重复，每段只列一次。`] : []),
  ];
  return notes.join('');
}

/**
 * The list's count: the paragraphs shown and the works they come from. Ids
 * that name no paragraph are not counted among them, only said to be missing.
 */
export function listSummary(shown: number, works: number, missing: number): string {
  const lost = missing ? `另有${missing}项找不到` : '';
  if (!shown) return lost && `清单中的段落都找不到（${missing}项）。`;
  return `共${shown}段，出自${works}篇文献${lost && `；${lost}`}。`;
}

/** The query string of a list: `?p=wang-kai:p5,paper-2:p3` (`:` and `,` need no escaping in a query), or empty. */
export function listQuery(ids: readonly string[]): string {
  return ids.length ? `?p=${ids.map(encodeURIComponent).join(',').replace(/%3A/g, ':')}` : '';
}

/** Moves the item at `from` one place up (-1) or down (+1); at an end, the list is unchanged. */
export function move<T>(items: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  const out = [...items];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  [out[from], out[to]] = [out[to]!, out[from]!];
  return out;
}


/** The list kept in this browser; empty if there is none or storage is blocked. */
export function loadList(base: string): string[] {
  try {
    return parseList(localStorage.getItem(listKey(base))).filter((id) => PASSAGE_ID.test(id));
  } catch {
    return [];
  }
}

/** Keeps the list in this browser; false if storage is blocked (private mode, settings). */
export function saveList(base: string, ids: readonly string[]): boolean {
  try {
    localStorage.setItem(listKey(base), ids.join(','));
    return true;
  } catch {
    return false;
  }
}
