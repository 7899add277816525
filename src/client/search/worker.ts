/**
 * The search worker: cuts a query into the index's words, asks Pagefind for
 * each, ranks the passages (ranking.ts) and sends them back, the first ones
 * as soon as their records are loaded, then all of them.
 *
 * Pagefind runs here rather than on the page for two reasons. In a worker
 * there is no page language, so Pagefind takes a query's words as given;
 * on the zh-CN page it would cut them again with the browser's dictionary,
 * which disagrees with the index's (城市群 → 城市 群, and 群 matches 人群).
 * And the page stays free while the index loads.
 */
import { singles, words } from 'virtual:search-vocabulary';
import { hasHan } from '../../lib/search/words';
import type { QueryUnit } from '../../lib/search/words';
import type { RecordData } from './hits';
import { isKnown, isSubstantial, pagefindQueries, rankMatches, readVocabulary, termsOf, unitsOf, type Match, type QueryTerm, type RankedHit } from './ranking';
import { toSimplified } from './traditional';

/** The part of Pagefind's JS API (pagefind.js) used here. */
interface Pagefind {
  options(options: { baseUrl?: string; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, string[]> }): Promise<{ results: { id: string; score: number; data(): Promise<RecordData> }[] }>;
}

/** What the page asks: a query, and the site's base to find the index under. */
export interface SearchRequest {
  id: number;
  query: string;
  base: string;
  /** Whether to answer only when every hit's record is loaded (a filter needs them all). */
  whole: boolean;
}

export interface LoadedHit extends RankedHit {
  data: RecordData;
}

/** What the page sends once it has shown a search's first hits: it wants the rest. */
export interface MoreRequest {
  more: number;
}

/** An answer: the first hits with their records (`complete: false`), then, once the page asks for more, all of them. */
export interface SearchAnswer {
  id: number;
  /** The query searched: as typed, or converted to simplified characters. */
  query: string;
  /** The query as typed, when it was converted. */
  convertedFrom?: string;
  terms: QueryTerm[];
  /** The distinct units of the terms; hits say which they hold by index. */
  units: QueryUnit[];
  hits: LoadedHit[];
  /** Whether every hit is in. */
  complete: boolean;
  error?: string;
}

/** How many hits the first answer carries: what a screen shows of them under the form, so the reader sees results before the rest load. */
const FIRST_HITS = 2;

const vocabulary = readVocabulary(words, singles);

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
    // Pagefind's own worker would be a worker in a worker.
    await pf.options({ baseUrl: base, noWorker: true });
    await pf.init();
    return pf;
  });
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** The terms of a query; a query with Chinese the index does not know may be in traditional characters (城市羣). */
async function termsFor(query: string): Promise<{ query: string; convertedFrom?: string; terms: QueryTerm[] }> {
  const unknown = (terms: QueryTerm[]) => unitsOf(terms).filter((u) => !u.known && hasHan(u.text)).length;
  const terms = termsOf(query, vocabulary);
  if (!unknown(terms)) return { query, terms };
  const simplified = await toSimplified(query).catch(() => query);
  const converted = termsOf(simplified, vocabulary);
  return simplified !== query && unknown(converted) < unknown(terms) ? { query: simplified, convertedFrom: query, terms: converted } : { query, terms };
}

type Result = Awaited<ReturnType<Pagefind['search']>>['results'][number];

/** The passages holding some units side by side (none if the index does not know one of them), noted in `results`. */
async function matchesOf(pf: Pagefind, units: readonly QueryUnit[], results: Map<string, Result>): Promise<Match[]> {
  if (!isKnown(units)) return [];
  const { scored, adjacent } = pagefindQueries(units);
  const [found, together] = await Promise.all([pf.search(scored), adjacent ? pf.search(adjacent) : undefined]);
  const keep = together && new Set(together.results.map((r) => r.id));
  return found.results
    .filter((r) => !keep || keep.has(r.id))
    .map((r) => {
      results.set(r.id, r);
      return { id: r.id, score: r.score };
    });
}

let footnotes: Promise<Set<string>> | undefined;
/** The ids of the footnote records: a search by filter alone. */
function footnoteIds(pf: Pagefind): Promise<Set<string>> {
  footnotes ??= pf.search(null, { filters: { kind: ['footnote'] } }).then((r) => new Set(r.results.map((x) => x.id)));
  return footnotes;
}

async function search(request: SearchRequest, reply: (answer: SearchAnswer) => void): Promise<void> {
  const { query, convertedFrom, terms } = await termsFor(request.query);
  const units = unitsOf(terms);
  const pf = await loadPagefind(request.base);
  const results = new Map<string, Result>();
  const [termMatches, unitMatches, notes] = await Promise.all([
    Promise.all(terms.map((t) => matchesOf(pf, t.units, results))),
    // A unit that is a term of its own is found with the term.
    Promise.all(units.map((u) => (isSubstantial(u) && !terms.some((t) => t.units.length === 1 && t.units[0]!.text === u.text) ? matchesOf(pf, [u], results) : []))),
    footnoteIds(pf),
  ]);
  const ranked = rankMatches(terms, termMatches, unitMatches, notes);
  const answer = (hits: LoadedHit[], complete: boolean): SearchAnswer => ({ id: request.id, query, ...(convertedFrom === undefined ? {} : { convertedFrom }), terms, units, hits, complete });
  const load = (list: RankedHit[]) => Promise.all(list.map(async (hit) => ({ ...hit, data: await results.get(hit.id)!.data() })));
  const first = request.whole ? [] : await load(ranked.slice(0, FIRST_HITS));
  if (first.length && first.length < ranked.length) {
    reply(answer(first, false));
    // The rest waits until the page has shown the first: they do not compete for the network or the page's thread.
    await new Promise<void>((resolve) => wanted.set(request.id, resolve));
  }
  reply(answer([...first, ...(await load(ranked.slice(first.length)))], true));
}

/** Searches whose first hits were sent, waiting for the page to want the rest; a newer search drops them. */
const wanted = new Map<number, () => void>();

onmessage = (event: MessageEvent<SearchRequest | MoreRequest>) => {
  if ('more' in event.data) {
    wanted.get(event.data.more)?.();
    wanted.delete(event.data.more);
    return;
  }
  wanted.clear();
  const request = event.data;
  search(request, (answer) => postMessage(answer)).catch((error: unknown) =>
    postMessage({ id: request.id, query: request.query, terms: [], units: [], hits: [], complete: true, error: String(error) } satisfies SearchAnswer),
  );
};
