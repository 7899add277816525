/**
 * The search page: reads its state from the query string, has the search
 * worker (worker.ts) find and rank the passages, filters them, and shows
 * them with counts. Every change of query or filter is a new history entry,
 * so Back and Forward restore earlier searches.
 */
import { TEXT_NAMES } from '../../lib/registry';
import type { SearchCorpus } from '../../lib/search-corpus';
import type { QueryUnit } from '../../lib/search/words';
import { countHits, facetCounts, hitOf, lacking, markRanges, matchesFilters, type SearchHit } from './hits';
import { FILTER_KEYS, readState, splitFilters, writeState, type FilterKey, type FilterOptions, type SearchState } from './state';
import { currentPlace, holds, keepPlace, keptPlace, returnTo, type Place } from './place';
import { closest, namedBy, type Cards } from './suggest';
import { MAX_QUERY_LENGTH, MAX_TERMS, parseTerms, queryTerms, snippet } from './text';
import { clip } from '../clip';
import { el } from '../dom';
import type { QueryTerm } from './ranking';
import type { MoreRequest, SearchAnswer, SearchRequest } from './worker';
import workerUrl from './worker.ts?worker&url';
import { SEARCH_WORKER_POLICY } from '../../lib/csp';

/** Partial hits shown before the rest are folded away. */
const PARTIAL_SHOWN = 3;

const app = document.getElementById('search-app')!;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const status = document.getElementById('search-status')!;
const note = document.getElementById('search-note')!;
const cards = document.getElementById('search-cards')!;
const results = document.getElementById('search-results')!;
const wordsLine = document.getElementById('search-words')!;
const corpus = JSON.parse(app.dataset.corpus ?? '{}') as SearchCorpus;
const base = app.dataset.base ?? '/';

let worker: Worker | undefined;
let requests = 0;
/** The answers awaited, by request id. */
const waiting = new Map<number, (answer: SearchAnswer) => void>();

/**
 * The worker's address, vouched for under Trusted Types (which refuse a
 * plain string to `new Worker`) by the site's one policy, which vouches for
 * this address and nothing else. A browser without Trusted Types takes the
 * address as it is.
 */
function workerAddress(): string | TrustedScriptURL {
  const policy = window.trustedTypes?.createPolicy(SEARCH_WORKER_POLICY, {
    createScriptURL: (address: string) => {
      if (address !== workerUrl) throw new TypeError(`${address} is not the search worker`);
      return address;
    },
  });
  return policy ? policy.createScriptURL(workerUrl) : workerUrl;
}

/** The search worker, started at the first search; a worker that fails answers every waiting search with its error. */
function searchWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(workerAddress() as string, { type: 'module' });
  worker.addEventListener('message', (event: MessageEvent<SearchAnswer>) => waiting.get(event.data.id)?.(event.data));
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    for (const [id, answer] of waiting) answer({ id, query: '', terms: [], units: [], hits: [], complete: true, error: event.message || 'the search worker failed' });
    worker = undefined;
  });
  return worker;
}

// Back returns to the result the reader was at, which the browser cannot do
// (place.ts): the page keeps its place in the history entry and returns to it.
history.scrollRestoration = 'manual';
/** The place to return to, once the results it was at are shown. */
let returning: Place | undefined;
let keeping: ReturnType<typeof setTimeout> | undefined;

/** Keeps where the reader is, unless the page is still on its way back to a place. */
function keepCurrentPlace(): void {
  clearTimeout(keeping);
  if (!returning) keepPlace(currentPlace(results));
}
window.addEventListener(
  'scroll',
  () => {
    clearTimeout(keeping);
    keeping = setTimeout(keepCurrentPlace, 150);
  },
  { passive: true },
);
window.addEventListener('pagehide', keepCurrentPlace);

/**
 * Returns to the place kept once the results shown hold it, and again when
 * the search is over (the rest of the results can be laid out around it).
 */
function returnOnceShown(over: boolean): void {
  if (!returning) return;
  if (over || holds(results, returning)) returnTo(results, returning);
  if (over) returning = undefined;
}

/** The select of a filter. */
const filterSelect = (key: FilterKey) => form.elements.namedItem(key) as HTMLSelectElement | null;

/** The values each filter offers, from the form's options. */
function filterOptions(): FilterOptions {
  const values = (key: FilterKey) => new Set([...(filterSelect(key)?.options ?? [])].map((o) => o.value).filter(Boolean));
  return Object.fromEntries(FILTER_KEYS.map((key) => [key, values(key)])) as Record<FilterKey, Set<string>>;
}

/** A filter's name as the form shows it: 文本, 作者. */
const filterName = (key: FilterKey) => filterSelect(key)?.labels[0]?.querySelector('span')?.textContent ?? key;

/** A search as the page runs it: the query cut to the limits, the filters it offers, and what it says about the rest. */
interface Search {
  state: SearchState;
  terms: string[];
  notes: string[];
}

/** What the page makes of a state from an address or the form. */
function understand(asked: SearchState): Search {
  const { terms, cut } = queryTerms(asked.q);
  const { known, unknown } = splitFilters(asked.filters, filterOptions());
  const q = cut ? terms.join(' ') : asked.q;
  const notes = [
    ...(cut ? [`查询太长，只搜索了“${q}”：一次最多搜索${MAX_TERMS}个词、${MAX_QUERY_LENGTH}个字。`] : []),
    ...(asked.q && !terms.length ? ['搜索词里只有引号，没有可搜索的词语。'] : []),
    ...unknown.map(([key, value]) => `没有“${filterName(key)}：${clip(value)}”这一筛选条件，已忽略，按全部${filterName(key)}搜索。`),
  ];
  return { state: { q, filters: known }, terms, notes };
}

/** What the page says about the address it was given, shown above every state of the search. */
let addressNotes: string[] = [];

/** The notes above the results: the address's, then any of the search's own. */
function showNotes(...more: string[]): void {
  note.replaceChildren(...[...addressNotes, ...more].map((text) => el('p', { class: 'search-note' }, text)));
}

/** The state shown in the form. */
function showState(state: SearchState): void {
  input.value = state.q;
  for (const key of FILTER_KEYS) {
    const select = filterSelect(key);
    if (select) select.value = state.filters[key] ?? '';
  }
}

/** The state the form describes. */
function formState(): SearchState {
  return readState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString());
}

function setStatus(text: string, kind: 'idle' | 'busy' | 'error' = 'idle'): void {
  status.textContent = text;
  status.dataset.kind = kind;
  results.setAttribute('aria-busy', String(kind === 'busy'));
}

/** The passages of a search, in rank order, and the units of the query they were found for. */
interface Found {
  query: string;
  terms: QueryTerm[];
  units: QueryUnit[];
  hits: SearchHit[];
  /** The query as typed, when it was converted from traditional characters. */
  convertedFrom?: string;
  /** Whether every hit is in. */
  complete: boolean;
}

let generation = 0;

/** Runs a search of the terms and shows it; a newer search makes an older one stop showing anything. */
function run(state: SearchState, terms: string[]): void {
  const mine = ++generation;
  // Marks for `npm run bench:search`: from here to the first results shown.
  performance.mark('search:start');
  showNotes();
  cards.replaceChildren();
  results.replaceChildren();
  showWordLinks([]);
  showCounts(undefined, state);
  if (!terms.length) {
    setStatus('输入词语后按“搜索”，在笔谈与论文全文中查找段落。');
    results.replaceChildren(examples());
    returnOnceShown(true);
    return;
  }
  setStatus('正在载入搜索索引……', 'busy');
  const request: SearchRequest = { id: ++requests, query: terms.join(' '), base, whole: Object.keys(state.filters).length > 0 };
  waiting.set(request.id, (answer) => {
    if (answer.complete) waiting.delete(request.id);
    if (mine !== generation) return;
    if (answer.error !== undefined) return showError();
    show(state, {
      query: answer.query,
      terms: answer.terms,
      units: answer.units,
      hits: answer.hits.map((hit) => hitOf(hit, hit.data)),
      ...(answer.convertedFrom === undefined ? {} : { convertedFrom: answer.convertedFrom }),
      complete: answer.complete,
    });
    // The rest is asked for once the first results are painted.
    if (!answer.complete) requestAnimationFrame(() => setTimeout(() => searchWorker().postMessage({ more: request.id } satisfies MoreRequest)));
  });
  try {
    searchWorker().postMessage(request);
  } catch {
    waiting.delete(request.id);
    showError();
  }
}

/** Searches to try, for a page opened without a query. */
const EXAMPLES = ['存量更新', '城市群', '土地财政', '数字孪生'];

function examples(): HTMLElement {
  const links = EXAMPLES.flatMap((q, i) => [...(i ? ['、'] : []), el('a', { href: `${app.dataset.search}?q=${encodeURIComponent(q)}` }, q)]);
  return el('p', { class: 'search-examples' }, '例如：', ...links);
}

function showError(): void {
  results.replaceChildren();
  setStatus('搜索出错了：没能载入搜索索引。请检查网络后刷新页面再试；也可以从下面的专家和主题进入。', 'error');
  showSuggestions(closest('', corpus), '可以从这些专家和主题读起：');
  returnOnceShown(true);
}

/** The label of a filter value, as the form's option shows it. */
function optionLabel(key: FilterKey, value: string): string {
  const select = filterSelect(key);
  const option = select && [...select.options].find((o) => o.value === value);
  return option?.dataset.label ?? value;
}

/**
 * Shows in each filter option how many passages choosing it lists (exact
 * and partial, the other filters applying); without `hits`, the plain labels.
 */
function showCounts(hits: SearchHit[] | undefined, state: SearchState): void {
  for (const key of FILTER_KEYS) {
    const select = filterSelect(key);
    if (!select) continue;
    const counts = hits && facetCounts(hits, state.filters, key);
    for (const option of select.options) {
      const label = (option.dataset.label ??= option.textContent ?? '');
      option.textContent = counts && option.value ? `${label}（${counts.get(option.value) ?? 0}）` : label;
    }
  }
}

/** Terms or units as a reader reads them: 城市群、空间正义. */
const listed = (items: readonly { text: string }[]) => items.map((u) => u.text).join('、');

function show(state: SearchState, found: Found): void {
  performance.mark('search:results');
  const { query, terms, units, hits } = found;
  const shown = hits.filter((h) => matchesFilters(h, state.filters));
  const exact = shown.filter((h) => h.exact);
  const partial = shown.filter((h) => !h.exact);
  const filtered = Object.keys(state.filters).length > 0;

  showNotes(...(found.convertedFrom === undefined ? [] : [`“${found.convertedFrom}”含繁体字，已转换为简体“${query}”搜索。`]));
  const named = namedBy(parseTerms(query), corpus);
  showCards(named);
  showWordLinks(units);
  showCounts(found.complete ? hits : undefined, state);

  const exactCount = countHits(exact);
  const filterNote = filtered ? `（按所选条件筛选；不筛选时共${hits.length}段）` : '';
  const loading = found.complete ? '' : '其余结果正在载入……';
  const partialNote = partial.length ? `另有${partial.length}段只含部分词语` : '';
  if (exact.length) {
    setStatus(`“${query}”：${exactCount.passages}段完整匹配，见于${exactCount.pages}个篇章${partialNote ? `；${partialNote}` : ''}。${filterNote}${loading}`, found.complete ? 'idle' : 'busy');
  } else if (!found.complete) {
    setStatus(`正在搜索“${query}”……`, 'busy');
  } else {
    setStatus(`没有找到完整包含“${query}”的段落。${partial.length ? `有${partial.length}段只含其中部分词语，列在下面。` : ''}${filterNote}`);
  }

  const groups: HTMLElement[] = [];
  if (exact.length) groups.push(group('search-exact', `完整匹配：含${listed(terms)}`, exact, terms, units));
  if (!exact.length && found.complete) {
    // Passages the filters leave out are found by clearing them, not by another word.
    groups.push(filtered && hits.length ? filterAdvice(state, hits.length) : suggestions(closest(query, corpus, 3, named), '换一个词，或从相近的主题和专家读起：'));
  }
  if (partial.length) groups.push(group('search-partial', '部分匹配：只含部分词语', partial, terms, units));
  place(groups);
  returnOnceShown(found.complete);
}

/** Links to the concordance of each word of the query the index holds: every place of it, counted by expert. */
function showWordLinks(units: readonly QueryUnit[]): void {
  const words = units.filter((u) => u.known && u.words.length === 1).map((u) => u.text);
  wordsLine.hidden = !words.length;
  const links = words.flatMap((w, i) => [...(i ? ['、'] : []), el('a', { href: `${app.dataset.concordance}?q=${encodeURIComponent(w)}` }, w)]);
  wordsLine.replaceChildren(...(words.length ? ['词语索引（每处用例与各专家的次数）：', ...links] : []));
}

/** Puts the groups in the results in this order, leaving in place those already there. */
function place(groups: readonly Element[]): void {
  groups.forEach((g, i) => {
    if (results.children[i] !== g) results.insertBefore(g, results.children[i] ?? null);
  });
  while (results.children.length > groups.length) results.lastElementChild!.remove();
}

/**
 * A group of results. The group this search already shows is added to when
 * it lists the first of them (as the first answer's results do): those stay
 * where they are, and only the rest are laid out. In the partial group,
 * results after the first few fold away behind a summary.
 */
function group(id: string, title: string, hits: SearchHit[], terms: QueryTerm[], units: QueryUnit[]): HTMLElement {
  const fold = id === 'search-partial' && hits.length > PARTIAL_SHOWN + 1;
  const existing = document.getElementById(id);
  const there = existing ? [...existing.querySelectorAll('a.result-link')].map((a) => a.getAttribute('href')) : [];
  const keep = existing !== null && there.every((href, i) => hits[i]?.href === href) && !(fold && there.length > PARTIAL_SHOWN);
  const section =
    keep && existing
      ? existing
      : el('section', { class: 'results-group', id, 'aria-labelledby': `${id}-title` }, el('h2', { class: 'results-title', id: `${id}-title` }, title, el('span', { class: 'results-count' })), el('ol', { class: 'results' }));
  section.querySelector('.results-count')!.textContent = `${hits.length}段`;
  const from = keep ? there.length : 0;
  hits.slice(from).forEach((hit, k) => {
    const list = fold && from + k >= PARTIAL_SHOWN ? folded(section) : section.querySelector('ol.results')!;
    list.append(item(hit, terms, units));
  });
  const summary = section.querySelector('.results-more > summary');
  if (summary) summary.textContent = `再显示${hits.length - PARTIAL_SHOWN}段部分匹配`;
  return section;
}

/** The folded list of a group, made the first time a result goes there. */
function folded(section: HTMLElement): HTMLOListElement {
  const found = section.querySelector<HTMLOListElement>('.results-more > ol');
  if (found) return found;
  const list = el('ol', { class: 'results', start: String(PARTIAL_SHOWN + 1) });
  section.append(el('details', { class: 'results-more' }, el('summary', {}), list));
  return list;
}

/** Where a hit is: 论文 · 第一节 · 注释9, 笔谈 · 王凯《…》 · 第4段. */
function hitLabel(hit: SearchHit): [string, string] {
  const page = corpus.pages[hit.key];
  return [`${page ? TEXT_NAMES[page.doc] : ''} · ${page?.label ?? hit.key}`, hit.kind === 'footnote' ? `注释${hit.n}` : `第${hit.n}段`];
}

/** What a partial hit's badge says it lacks: 缺少：土地财政, or 不相连：创新基因 when it has the words apart. */
function lacks(hit: SearchHit, terms: QueryTerm[], units: QueryUnit[]): string {
  const { words, apart } = lacking(hit, terms, units);
  return words.length ? `缺少：${listed(words)}` : `不相连：${listed(apart)}`;
}

function item(hit: SearchHit, terms: QueryTerm[], units: QueryUnit[]): HTMLElement {
  const ranges = markRanges(hit, terms, units);
  const [doc, where] = hitLabel(hit);
  const link = el('a', { class: 'result-link', href: hit.href, 'data-marks': JSON.stringify(ranges) }, el('span', { class: 'result-doc' }, doc), ' ', el('span', { class: 'result-para' }, where));
  const cut = snippet(hit.text, ranges);
  const text = el('p', { class: 'result-snippet' });
  if (cut.before) text.append('……');
  for (const part of cut.parts) text.append(part.mark ? el('mark', {}, part.text) : part.text);
  if (cut.after) text.append('……');
  const meta: Node[] = [];
  if (hit.citedIn) meta.push(el('span', { class: 'result-cited' }, '引用于', el('a', { href: hit.citedIn.href }, `正文第${hit.citedIn.n}段`)));
  const themes = hit.filters.theme.map((id) => optionLabel('theme', id));
  if (themes.length) meta.push(el('span', { class: 'result-themes' }, `主题：${themes.join('、')}`));
  const li = el('li', { class: hit.exact ? 'result' : 'result result-partial' }, link);
  if (!hit.exact) li.append(el('span', { class: 'result-badge' }, lacks(hit, terms, units)));
  if (meta.length) li.append(el('p', { class: 'result-meta' }, ...meta));
  li.append(text);
  return li;
}

/** Cards for the experts and themes the query names, above the results. */
function showCards(named: Cards): void {
  const list: HTMLElement[] = [
    ...named.experts.map((e) =>
      el('li', { class: 'search-card' }, el('p', { class: 'kicker' }, '专家'), el('a', { class: 'card-title', href: e.href }, `${e.name}：${e.title}`), el('p', {}, '阅读这篇笔谈全文。')),
    ),
    ...named.themes.map((t) => el('li', { class: 'search-card' }, el('p', { class: 'kicker' }, '主题'), themeName(t), el('p', {}, t.description), themeTerms(t))),
  ];
  cards.replaceChildren(...(list.length ? [el('ul', { class: 'search-cards', 'aria-label': '与搜索词相关的专家和主题' }, ...list)] : []));
}

function themeName(t: SearchCorpus['themes'][number]): HTMLElement {
  return el('a', { class: 'card-title', href: t.href }, t.name);
}

/** A theme's terms, each a link to a search for it. */
function themeTerms(t: SearchCorpus['themes'][number]): HTMLElement {
  const terms = t.terms.flatMap((term, i) => [...(i ? ['、'] : []), el('a', { href: `${app.dataset.search}?q=${encodeURIComponent(term)}` }, term)]);
  return el('p', { class: 'card-terms' }, '相关词：', ...terms);
}

function suggestions(near: Cards, title: string): HTMLElement {
  return el(
    'section',
    { class: 'search-empty', 'aria-labelledby': 'search-empty-title' },
    el('h2', { class: 'results-title', id: 'search-empty-title' }, title),
    el('h3', { class: 'empty-kind' }, '主题'),
    el('ul', { class: 'empty-list' }, ...near.themes.map((t) => el('li', {}, themeName(t), el('p', {}, t.description), themeTerms(t)))),
    el('h3', { class: 'empty-kind' }, '专家'),
    el('ul', { class: 'empty-list' }, ...near.experts.map((e) => el('li', {}, el('a', { class: 'card-title', href: e.href }, e.name), el('p', {}, `《${e.title}》`)))),
  );
}

/** What to do when the filters leave out every passage found: the filters chosen, and a link to the search without them. */
function filterAdvice(state: SearchState, unfiltered: number): HTMLElement {
  const chosen = FILTER_KEYS.flatMap((key) => (state.filters[key] ? [`${filterName(key)}：${optionLabel(key, state.filters[key])}`] : []));
  const all = `${location.pathname}${writeState({ q: state.q, filters: {} })}`;
  return el(
    'section',
    { class: 'search-empty', 'aria-labelledby': 'search-empty-title' },
    el('h2', { class: 'results-title', id: 'search-empty-title' }, '所选筛选条件下没有完整匹配的段落'),
    el('p', { class: 'search-filtered' }, `筛选条件：${chosen.join('；')}。不筛选时，“${state.q}”共有${unfiltered}段结果。`),
    el('p', { class: 'search-filtered' }, el('a', { class: 'search-unfilter', href: all }, `清除筛选，查看全部${unfiltered}段`)),
  );
}

function showSuggestions(near: Cards, title: string): void {
  results.replaceChildren(suggestions(near, title));
}

/**
 * Shows a state and searches it; `push` makes it a new history entry. A
 * state the page had to change (a query cut, a filter left out) replaces its
 * address with what was searched, so that the address, the form, the status
 * and the tab's title all say the same.
 */
function go(asked: SearchState, push: boolean): void {
  // A place being kept is the page's as it was, not as the new search shows it.
  clearTimeout(keeping);
  const { state, terms, notes } = understand(asked);
  addressNotes = notes;
  const next = `${location.pathname}${writeState(state)}`;
  if (next !== `${location.pathname}${location.search}`) {
    if (push) {
      keepCurrentPlace();
      history.pushState(null, '', next);
    } else if (notes.length) history.replaceState(history.state, '', next);
  }
  returning = push ? undefined : keptPlace();
  document.title = terms.length ? `“${terms.join(' ')}”的搜索结果 · ${app.dataset.siteName}` : (app.dataset.title ?? document.title);
  showState(state);
  run(state, terms);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go(formState(), true);
});
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement) go(formState(), true);
});
window.addEventListener('popstate', () => go(readState(location.search), false));
go(readState(location.search), false);
