/**
 * The search page: reads its state from the query string, asks Pagefind,
 * turns pages into ranked passages (passages.ts), filters them, and shows
 * them with counts. Every change of query or filter is a new history entry,
 * so Back and Forward restore earlier searches.
 */
import { TEXT_NAMES } from '../../lib/registry';
import type { SearchCorpus } from '../../lib/search-corpus';
import { paragraphThemes } from './corpus';
import { noteArrival } from './arrival';
import { facetCounts, markRanges, matchesFilters, hitsOf, rankHits, countHits, type PageData, type SearchHit } from './hits';
import { FILTER_KEYS, readState, splitFilters, writeState, type FilterKey, type FilterOptions, type SearchState } from './state';
import { closest, namedBy, type Cards } from './suggest';
import { hasHan, MAX_QUERY_LENGTH, MAX_TERMS, queryTerms, snippet } from './text';
import { toSimplified } from './traditional';
import { clip } from '../clip';

/** The part of Pagefind's JS API (pagefind.js) used here. */
interface Pagefind {
  options(options: { baseUrl?: string; noWorker?: boolean }): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] }>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PageData>;
}

/**
 * The best page's passages are shown first, as soon as its data is loaded;
 * the other pages follow. Each page's data is a few KB, and a search's first
 * results must stay within the search page's byte budget on a cold load
 * (scripts/lib/weight.ts).
 */
const FIRST_PAGES = 1;

const app = document.getElementById('search-app')!;
const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const status = document.getElementById('search-status')!;
const note = document.getElementById('search-note')!;
const cards = document.getElementById('search-cards')!;
const results = document.getElementById('search-results')!;
const corpus = JSON.parse(app.dataset.corpus ?? '{}') as SearchCorpus;
const base = app.dataset.base ?? '/';

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (pf) => {
    // On the page's own thread: searching 16 pages takes milliseconds, and
    // the Worker's script would cost 12 KB of the 200 KB budget.
    await pf.options({ baseUrl: base, noWorker: true });
    await pf.init();
    return pf;
  });
  pagefind.catch(() => (pagefind = undefined));
  return pagefind;
}

/** Elements with text and attributes, without innerHTML. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
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

/** The passages of a search, in rank order, and the terms they were found for. */
interface Found {
  terms: string[];
  passages: SearchHit[];
  /** The query as typed, when it was converted from traditional characters. */
  convertedFrom?: string;
  /** Whether every page that matched has been looked at. */
  complete: boolean;
}

/** Searches every term, exact (quoted) and as Pagefind pieces, and collects the pages. */
async function searchPages(pf: Pagefind, terms: string[]) {
  const [plain, quoted] = await Promise.all([
    Promise.all(terms.map((t) => pf.search(t))),
    Promise.all(terms.map((t) => pf.search(`"${t}"`))),
  ]);
  const pages = new Map<string, { score: number; results: PagefindResult[]; exact: boolean }>();
  const exactIds = new Set(quoted.flatMap((r) => r.results.map((x) => x.id)));
  for (const r of plain) {
    for (const x of r.results) {
      const seen = pages.get(x.id);
      if (seen) {
        seen.score += x.score;
        seen.results.push(x);
      } else pages.set(x.id, { score: x.score, results: [x], exact: exactIds.has(x.id) });
    }
  }
  const missing = terms.filter((_, i) => quoted[i]!.results.length === 0);
  // Pages Pagefind says hold the whole terms first, then by score.
  const ordered = [...pages.values()].sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score);
  return { ordered, missing };
}

/** One page's data from the searches of several terms: the match positions of all of them. */
function mergeData([first, ...others]: PageData[]): PageData {
  const locations = new Set([...first!.locations, ...others.flatMap((d) => d.locations)]);
  return { ...first!, locations: [...locations].sort((a, b) => a - b) };
}

let generation = 0;

/** Runs a search and shows it; a newer search makes an older one stop showing anything. */
async function run(state: SearchState, terms: string[]): Promise<void> {
  const mine = ++generation;
  // Marks for `npm run bench:search`: from here to the first results shown.
  performance.mark('search:start');
  const current = () => mine === generation;
  showNotes();
  cards.replaceChildren();
  results.replaceChildren();
  if (!terms.length) {
    setStatus('输入词语后按“搜索”，在笔谈与论文全文中查找段落。');
    results.replaceChildren(examples());
    return;
  }
  setStatus('正在载入搜索索引……', 'busy');
  let pf: Pagefind;
  try {
    pf = await loadPagefind();
  } catch {
    if (current()) showError();
    return;
  }
  if (!current()) return;
  const query = terms.join(' ');
  setStatus(`正在搜索“${query}”……`, 'busy');
  try {
    let convertedFrom: string | undefined;
    let pages = await searchPages(pf, terms);
    // A term that is nowhere whole may be in traditional characters (城市羣): try it in simplified.
    if (pages.missing.some(hasHan)) {
      const simplified = await toSimplified(query).catch(() => query);
      if (simplified !== query) {
        convertedFrom = query;
        terms = queryTerms(simplified).terms;
        pages = await searchPages(pf, terms);
      }
    }
    if (!current()) return;
    const found = (loaded: { score: number; data: PageData }[], complete: boolean): Found => ({
      terms,
      complete,
      ...(convertedFrom === undefined ? {} : { convertedFrom }),
      passages: rankHits(
        loaded.flatMap(({ score, data }) => hitsOf(data, score, terms, (n) => paragraphThemes(corpus, data.meta.key ?? '', n))),
      ),
    });
    const load = (list: typeof pages.ordered) => Promise.all(list.map(async (p) => ({ score: p.score, data: mergeData(await Promise.all(p.results.map((r) => r.data()))) })));
    const first = await load(pages.ordered.slice(0, FIRST_PAGES));
    if (!current()) return;
    const rest = pages.ordered.slice(FIRST_PAGES);
    show(state, found(first, rest.length === 0));
    if (!rest.length) return;
    const more = await load(rest);
    if (!current()) return;
    show(state, found([...first, ...more], true));
  } catch {
    if (current()) showError();
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
}

/** The label of a filter value, as the form's option shows it. */
function optionLabel(key: FilterKey, value: string): string {
  const select = filterSelect(key);
  const option = select && [...select.options].find((o) => o.value === value);
  return option?.dataset.label ?? value;
}

/** Shows each filter value's count in its option, for the passages that count. */
function showCounts(passages: SearchHit[], state: SearchState): void {
  for (const key of FILTER_KEYS) {
    const select = filterSelect(key);
    if (!select) continue;
    const counts = facetCounts(passages, state.filters, key);
    for (const option of select.options) {
      const label = (option.dataset.label ??= option.textContent ?? '');
      option.textContent = option.value ? `${label}（${counts.get(option.value) ?? 0}）` : label;
    }
  }
}

function show(state: SearchState, found: Found): void {
  performance.mark('search:results');
  const { terms, passages } = found;
  const shown = passages.filter((p) => matchesFilters(p, state.filters));
  const exact = shown.filter((p) => p.exact);
  const partial = shown.filter((p) => !p.exact);
  const all = passages.filter((p) => p.exact);
  const filtered = Object.keys(state.filters).length > 0;
  const query = terms.join(' ');

  showNotes(...(found.convertedFrom === undefined ? [] : [`“${found.convertedFrom}”含繁体字，已转换为简体“${query}”搜索。`]));
  showCards(namedBy(terms, corpus));
  showCounts(all.length ? all : passages, state);

  const exactTally = countHits(exact);
  const filterNote = filtered ? `（按所选条件筛选；不筛选时共${all.length}段）` : '';
  const loading = found.complete ? '' : '其余结果正在载入……';
  if (exact.length) {
    setStatus(
      `“${query}”：${exactTally.passages}段完整匹配，见于${exactTally.pages}个篇章${partial.length ? `；另有${partial.length}段只含部分词语` : ''}。${filterNote}${loading}`,
      found.complete ? 'idle' : 'busy',
    );
  } else if (!found.complete) {
    setStatus(`正在搜索“${query}”……`, 'busy');
  } else {
    setStatus(`没有找到完整包含“${query}”的段落。${partial.length ? `有${partial.length}段只含其中部分词语，列在下面。` : ''}${filterNote}`);
  }

  const groups: Node[] = [];
  if (exact.length) groups.push(group('search-exact', '完整匹配', exact, terms));
  if (!exact.length && found.complete) {
    groups.push(suggestions(closest(query, corpus), '换一个词，或从相近的主题和专家读起：'));
  }
  if (partial.length) groups.push(group('search-partial', '部分匹配：只含部分词语', partial, terms));
  results.replaceChildren(...groups);
}

function group(id: string, title: string, passages: SearchHit[], terms: string[]): HTMLElement {
  const list = el('ol', { class: 'results' }, ...passages.map((p) => item(p, terms)));
  const heading = el('h2', { class: 'results-title', id: `${id}-title` }, title, el('span', { class: 'results-count' }, `${passages.length}段`));
  return el('section', { class: 'results-group', id, 'aria-labelledby': `${id}-title` }, heading, list);
}

function item(p: SearchHit, terms: string[]): HTMLElement {
  const page = corpus.pages[p.key];
  const where = p.n === undefined ? '小节标题' : `第${p.n}段`;
  const link = el(
    'a',
    { class: 'result-link', href: p.href, 'data-terms': JSON.stringify(p.exact ? terms : p.words) },
    el('span', { class: 'result-doc' }, `${page ? TEXT_NAMES[page.doc] : ''} · ${page?.label ?? p.key}`),
    ' ',
    el('span', { class: 'result-para' }, where),
  );
  const cut = snippet(p.text, markRanges(p, terms));
  const text = el('p', { class: 'result-snippet' });
  if (cut.before) text.append('……');
  for (const part of cut.parts) text.append(part.mark ? el('mark', {}, part.text) : part.text);
  if (cut.after) text.append('……');
  const meta: Node[] = [];
  if (p.section && p.n !== undefined) meta.push(el('span', { class: 'result-section' }, p.section));
  const themes = p.filters.theme.map((id) => optionLabel('theme', id));
  if (themes.length) meta.push(el('span', { class: 'result-themes' }, `主题：${themes.join('、')}`));
  const li = el('li', { class: p.exact ? 'result' : 'result result-partial' }, link);
  if (!p.exact) li.append(el('span', { class: 'result-badge' }, '部分匹配'));
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
  const { state, terms, notes } = understand(asked);
  addressNotes = notes;
  const next = `${location.pathname}${writeState(state)}`;
  if (next !== `${location.pathname}${location.search}`) {
    if (push) history.pushState(null, '', next);
    else if (notes.length) history.replaceState(null, '', next);
  }
  document.title = terms.length ? `“${terms.join(' ')}”的搜索结果 · ${app.dataset.siteName}` : (app.dataset.title ?? document.title);
  showState(state);
  void run(state, terms);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go(formState(), true);
});
form.addEventListener('change', (event) => {
  if (event.target instanceof HTMLSelectElement) go(formState(), true);
});
window.addEventListener('popstate', () => go(readState(location.search), false));
results.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a.result-link') : null;
  if (link) noteArrival(link.href, JSON.parse(link.dataset.terms ?? '[]') as string[]);
});

go(readState(location.search), false);
