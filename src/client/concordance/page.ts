/**
 * The concordance page: reads the word and the order from the address,
 * fetches the word's file (src/lib/concordance.ts) and shows how often each
 * document uses the word, where in it, and every place as a line. For a word
 * the index does not hold it fetches the index's vocabulary: the word is
 * tried in simplified characters, then the page says so and offers the
 * index's words near it. Nothing is imported lazily: a lazy import would
 * bring Vite's loader, a request of its own on every reading page. Every change of word or
 * order is a new history entry.
 */
import { simplifier, unpackLine, wordFileName, type ConcordanceDoc, type ConcordanceLine, type ConcordanceVocabulary, type WordFile } from '../../lib/concordance';
import { TEXT_NAMES, parseFootnoteAnchor, parseAnchor } from '../../lib/registry';
import { hasHan, unpackWords } from '../../lib/search/words';
import { clip } from '../clip';
import { el, svg } from '../dom';
import { MAX_QUERY_LENGTH, fold, parseTerms } from '../search/text';
import { countsByDoc, dispersion, readState, sortLines, totalOf, writeState, type DocCount, type Sort } from './kwic';
import { nearWords } from './near';

const app = document.getElementById('conc-app')!;
const form = document.getElementById('conc-form') as HTMLFormElement;
const input = document.getElementById('conc-q') as HTMLInputElement;
const status = document.getElementById('conc-status')!;
const note = document.getElementById('conc-note')!;
const results = document.getElementById('conc-results')!;
const docs = JSON.parse(app.dataset.docs ?? '[]') as ConcordanceDoc[];
const docByKey = new Map(docs.map((d) => [d.key, d]));
const pagePath = app.dataset.page ?? location.pathname;
/** Chinese order (pinyin), made when a reader first sorts: making it takes as long as drawing the page on a slow phone. */
let collator: Intl.Collator | undefined;
const zhCollator = (): Intl.Collator => (collator ??= new Intl.Collator('zh-Hans-CN'));

/** What each order is called, on its button and in the table's caption. */
const SORT_NAMES: Record<Sort, string> = { doc: '文档顺序', expert: '专家', left: '左文', right: '右文' };
const SORT_CAPTIONS: Record<Sort, string> = {
  doc: '按文档顺序',
  expert: '按专家姓名排序',
  left: '按左文排序（从紧挨词语的字往前读）',
  right: '按右文排序',
};

/** The link to another word's concordance. */
const wordLink = (word: string) => el('a', { href: `${pagePath}?q=${encodeURIComponent(word)}` }, word);

/** Items joined with 、 as Chinese lists them. */
function listed(items: readonly (Node | string)[]): (Node | string)[] {
  return items.flatMap((item, i) => (i ? ['、', item] : [item]));
}

function setStatus(text: string, kind: 'idle' | 'busy' | 'error' = 'idle'): void {
  status.textContent = text;
  status.dataset.kind = kind;
  results.setAttribute('aria-busy', String(kind === 'busy'));
}

function showNotes(notes: readonly (readonly (Node | string)[])[]): void {
  note.replaceChildren(...notes.map((parts) => el('p', { class: 'search-note' }, ...parts)));
}

/** A word's lines, or none when the index does not hold it; fetched once per page. */
const fetched = new Map<string, Promise<ConcordanceLine[] | null>>();

async function fetchLines(word: string): Promise<ConcordanceLine[] | null> {
  const response = await fetch(`${app.dataset.words}${wordFileName(word)}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const file = (await response.json()) as WordFile;
  // Another word's file under the same name holds nothing of this one.
  return file.word === word ? file.lines.map((t) => unpackLine(t, word)) : null;
}

function linesOf(word: string): Promise<ConcordanceLine[] | null> {
  let found = fetched.get(word);
  if (!found) {
    found = fetchLines(word);
    found.catch(() => fetched.delete(word)); // a failed load is tried again
    fetched.set(word, found);
  }
  return found;
}

/** The index's words, the characters the texts use, and a converter of traditional forms to them; fetched only for a word the index does not hold. */
interface Vocabulary {
  words: string[];
  chars: Set<string>;
  simplify: (text: string) => string;
}

let vocabulary: Promise<Vocabulary> | undefined;

function loadVocabulary(): Promise<Vocabulary> {
  vocabulary ??= fetch(app.dataset.vocabulary ?? '').then(async (response) => {
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const v = (await response.json()) as ConcordanceVocabulary;
    const words = unpackWords(v.words);
    return { words, chars: new Set([...v.singles, ...words.flatMap((w) => [...w])]), simplify: simplifier(v.traditional) };
  });
  vocabulary.catch(() => (vocabulary = undefined));
  return vocabulary;
}

/**
 * The word's lines. A word the index does not hold, with a character the
 * texts never use, may be in traditional characters: it is tried in the
 * texts' own (城市羣 → 城市群).
 */
async function findWord(word: string): Promise<{ word: string; lines: ConcordanceLine[] | null; convertedFrom?: string }> {
  const lines = await linesOf(word);
  if (lines || !hasHan(word)) return { word, lines };
  const { chars, simplify } = await loadVocabulary();
  if ([...word].every((c) => chars.has(c))) return { word, lines };
  const simplified = simplify(word);
  const converted = simplified === word ? null : await linesOf(simplified);
  return converted ? { word: simplified, lines: converted, convertedFrom: word } : { word, lines };
}

/** What the page makes of an address: the one word it shows, and what it says about the rest. */
function understand(q: string, unknownSort: string | undefined): { word: string; notes: (Node | string)[][] } {
  const head = Array.from(q.slice(0, 2 * MAX_QUERY_LENGTH)).slice(0, MAX_QUERY_LENGTH).join('');
  const terms = parseTerms(head);
  const word = fold(terms[0] ?? '');
  const notes: (Node | string)[][] = [];
  if (terms.length > 1) notes.push([`词语索引一次列出一个词，这里是“${clip(terms[0]!)}”。其余的词：`, ...listed(terms.slice(1, 10).map((t) => wordLink(fold(t)))), '。']);
  if (head.length < q.length) notes.push([`词语太长，只看了前${MAX_QUERY_LENGTH}个字。`]);
  if (q && !word) notes.push(['输入里没有可查的词语。']);
  if (unknownSort !== undefined) notes.push([`没有“${clip(unknownSort)}”这种排序，已按文档顺序排列。`]);
  return { word, notes };
}

/** Where a line is, as its link says it: 第5段, 注释9. */
function placeName(anchor: string): string {
  const footnote = parseFootnoteAnchor(anchor);
  return footnote === undefined ? `第${parseAnchor(anchor)?.n ?? '?'}段` : `注释${footnote}`;
}

const rate = (value: number) => value.toFixed(1);

/** The bar of a rate, as long as its share of the longest: decoration, the numbers are in the next cells. */
function bar(value: number, max: number): SVGSVGElement {
  const width = max > 0 ? (100 * value) / max : 0;
  return svg('svg', { class: 'conc-bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' }, svg('rect', { x: 0, y: 0, width: width.toFixed(2), height: 10 }));
}

/** Where in a document the word stands: a tick for each place along a strip that is the document, start to end. */
function strip(count: DocCount, lines: readonly ConcordanceLine[]): Node {
  if (!count.count) return el('span', { class: 'conc-none' }, '—');
  const own = lines.filter((l) => l.doc === count.doc.key);
  const places = new Map<string, number>();
  for (const line of own) places.set(line.anchor, (places.get(line.anchor) ?? 0) + 1);
  const label = `${count.doc.who}中的位置：${[...places].map(([anchor, n]) => `${placeName(anchor)}${n > 1 ? `（${n}处）` : ''}`).join('、')}`;
  const ticks = dispersion(lines, count.doc).map((at) => svg('rect', { class: 'conc-tick', x: (at * 1000 - 3).toFixed(1), y: 0, width: 6, height: 12 }));
  return svg(
    'svg',
    { class: 'conc-strip', viewBox: '0 0 1000 12', preserveAspectRatio: 'none', role: 'img', 'aria-label': label },
    svg('title', {}, document.createTextNode(label)),
    svg('rect', { class: 'conc-strip-line', x: 0, y: 5, width: 1000, height: 2 }),
    ...ticks,
  );
}

/** The counts: a row per document, grouped by text, each with its count, rate, rate's bar and dispersion strip; totals at the foot. */
function countsTable(word: string, lines: readonly ConcordanceLine[]): HTMLElement {
  const counts = countsByDoc(lines, docs);
  const max = Math.max(...counts.map((c) => c.rate));
  const row = (c: DocCount) =>
    el(
      'tr',
      { class: c.count ? 'conc-doc' : 'conc-doc conc-zero' },
      el('th', { scope: 'row' }, el('a', { href: c.doc.href }, c.doc.who)),
      el('td', { class: 'conc-num' }, String(c.count)),
      el('td', { class: 'conc-num' }, rate(c.rate)),
      el('td', { class: 'conc-bar-cell' }, bar(c.rate, max)),
      el('td', { class: 'conc-strip-cell' }, strip(c, lines)),
    );
  const total = (label: string, group: readonly DocCount[]) => {
    const t = totalOf(group);
    return el('tr', { class: 'conc-total' }, el('th', { scope: 'row' }, label), el('td', { class: 'conc-num' }, String(t.count)), el('td', { class: 'conc-num' }, rate(t.rate)), el('td', { colspan: '2' }));
  };
  const texts = (['forum', 'paper'] as const).filter((text) => counts.some((c) => c.doc.text === text));
  return el(
    'table',
    { class: 'conc-counts' },
    el('caption', { id: 'conc-counts-caption' }, `“${word}”在各篇中的次数、每万字次数（条形）与位置（每一竖线是一处，左端是篇首）`),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, '篇章'),
        el('th', { scope: 'col', class: 'conc-num' }, '次数'),
        el('th', { scope: 'col', class: 'conc-num' }, '每万字'),
        el('th', { scope: 'col' }, el('span', { class: 'sr-only' }, '每万字条形图')),
        el('th', { scope: 'col' }, '在文中的位置'),
      ),
    ),
    ...texts.map((text) => {
      const group = counts.filter((c) => c.doc.text === text);
      return el('tbody', {}, ...group.map(row), total(`${TEXT_NAMES[text]}合计`, group));
    }),
    el('tfoot', {}, total('两篇合计', counts)),
  );
}

/** One line: where it is (a link to its paragraph, marking the word there on arrival), the context before, the word, the context after. */
function lineRow(line: ConcordanceLine): HTMLTableRowElement {
  const doc = docByKey.get(line.doc);
  const href = `${doc?.href ?? ''}#${line.anchor}`;
  const marks = JSON.stringify([[line.at, line.at + line.form.length]]);
  return el(
    'tr',
    { class: 'conc-line' },
    el('td', { class: 'conc-src' }, el('a', { href, 'data-marks': marks }, el('span', { class: 'conc-who' }, doc?.who ?? line.doc), ' ', el('span', { class: 'conc-where' }, placeName(line.anchor)))),
    el('td', { class: 'conc-left' }, el('span', {}, el('bdi', {}, line.left))),
    el('td', { class: 'conc-kw' }, el('mark', {}, line.form)),
    el('td', { class: 'conc-right' }, el('span', {}, line.right)),
  );
}

/** The table of lines, with the buttons that order it. */
function linesSection(word: string, lines: readonly ConcordanceLine[], sort: Sort): HTMLElement {
  const caption = el('caption', { id: 'conc-lines-caption' });
  const head = (label: string, sorts: readonly Sort[], className = '') => el('th', { scope: 'col', class: className, 'data-sorts': sorts.join(' ') }, label);
  const table = el(
    'table',
    { class: 'conc-lines', id: 'conc-lines' },
    caption,
    el('thead', {}, el('tr', {}, head('出处', ['doc', 'expert'], 'conc-src'), head('左文', ['left'], 'conc-left'), head('词', [], 'conc-kw'), head('右文', ['right'], 'conc-right'))),
    el('tbody', {}),
  );
  const buttons = (Object.keys(SORT_NAMES) as Sort[]).map((s) => el('button', { type: 'button', 'data-sort': s, 'aria-pressed': 'false' }, SORT_NAMES[s]));
  const announce = el('p', { class: 'sr-only', 'aria-live': 'polite' });
  const order = (next: Sort, push: boolean) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.sort === next));
    for (const th of table.querySelectorAll<HTMLElement>('th[data-sorts]')) {
      if (th.dataset.sorts?.split(' ').includes(next)) th.setAttribute('aria-sort', 'ascending');
      else th.removeAttribute('aria-sort');
    }
    caption.textContent = `“${word}”的${lines.length}处用例，${SORT_CAPTIONS[next]}`;
    // A word's file lists its lines in reading order already.
    const sorted = next === 'doc' ? lines : sortLines(lines, next, docs, zhCollator());
    table.tBodies[0]!.replaceChildren(...sorted.map(lineRow));
    if (push) {
      announce.textContent = `已${SORT_CAPTIONS[next]}`;
      history.pushState(null, '', `${location.pathname}${writeState({ q: word, sort: next })}`);
    }
  };
  for (const b of buttons) b.addEventListener('click', () => order(b.dataset.sort as Sort, true));
  order(sort, false);
  return el(
    'section',
    { class: 'conc-section' },
    el('h2', { class: 'results-title', id: 'conc-lines-title' }, '用例'),
    el('div', { class: 'conc-sort', role: 'group', 'aria-label': '用例的排序' }, el('span', { class: 'conc-sort-label', 'aria-hidden': 'true' }, '排序：'), ...buttons),
    announce,
    el('div', { class: 'conc-scroll conc-lines-box', tabindex: '0', role: 'region', 'aria-labelledby': 'conc-lines-caption' }, table),
  );
}

function showWord(word: string, lines: readonly ConcordanceLine[], sort: Sort): void {
  const all = totalOf(countsByDoc(lines, docs));
  const inDocs = new Set(lines.map((l) => l.doc)).size;
  setStatus(`“${word}”在笔谈与论文中共出现${lines.length}次，见于${docs.length}篇中的${inDocs}篇；两篇合计每万字${rate(all.rate)}次。`);
  results.replaceChildren(
    el(
      'section',
      { class: 'conc-section' },
      el('h2', { class: 'results-title', id: 'conc-counts-title' }, '各篇的次数与位置'),
      el('div', { class: 'conc-scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'conc-counts-caption' }, countsTable(word, lines)),
    ),
    linesSection(word, lines, sort),
    el('p', { class: 'conc-more' }, el('a', { href: `${app.dataset.search}?q=${encodeURIComponent(word)}` }, `在全文搜索中查看含“${word}”的段落`)),
  );
}

/** A word the index does not hold: said so, with the index's words near it. */
async function showMissing(word: string): Promise<void> {
  setStatus(`“${clip(word)}”在笔谈与论文中没有出现，或不是一个完整的词（词语的切分与全文搜索相同）。`);
  const near = nearWords(word, (await loadVocabulary()).words);
  results.replaceChildren(
    el(
      'section',
      { class: 'conc-section conc-empty' },
      el('h2', { class: 'results-title', id: 'conc-near-title' }, near.length ? '相近的词' : '没有相近的词'),
      near.length ? el('ul', { class: 'conc-near' }, ...near.map((w) => el('li', {}, wordLink(w)))) : el('p', {}, '换一个词试试，或者在全文中搜索。'),
      el('p', { class: 'conc-more' }, el('a', { href: `${app.dataset.search}?q=${encodeURIComponent(word)}` }, `在全文搜索中查找“${clip(word)}”`)),
    ),
  );
}

/** Words to start from, for a page opened without one. */
function showStart(): void {
  setStatus('输入一个词，列出它在两篇文本中的每一处用例。');
  const examples = JSON.parse(app.dataset.examples ?? '[]') as string[];
  results.replaceChildren(el('p', { class: 'search-examples' }, '例如：', ...listed(examples.map(wordLink))));
}

function showError(word: string, sort: Sort): void {
  setStatus(`没能载入“${clip(word)}”的用例：请检查网络后再试。`, 'error');
  const retry = el('button', { type: 'button', class: 'conc-retry' }, '重试');
  retry.addEventListener('click', () => void run(word, sort));
  results.replaceChildren(el('p', {}, retry));
}

let generation = 0;

async function run(word: string, sort: Sort): Promise<void> {
  const mine = ++generation;
  results.replaceChildren();
  if (!word) return showStart();
  setStatus(`正在载入“${clip(word)}”的用例……`, 'busy');
  try {
    const found = await findWord(word);
    if (mine !== generation) return;
    if (found.convertedFrom !== undefined) note.append(el('p', { class: 'search-note' }, `“${found.convertedFrom}”含繁体字，已按简体“${found.word}”列出。`));
    document.title = `“${clip(found.word)}”的用例 · ${app.dataset.title}`;
    if (found.lines) showWord(found.word, found.lines, sort);
    else await showMissing(word);
  } catch {
    if (mine === generation) showError(word, sort);
  }
}

/** Shows the state of an address; `push` makes it a new history entry. An address the page had to change is replaced by what it shows. */
function go(search: string, push: boolean): void {
  const state = readState(search);
  const { word, notes } = understand(state.q, state.unknownSort);
  showNotes(notes);
  input.value = word;
  document.title = app.dataset.title ?? document.title;
  const next = `${location.pathname}${writeState({ q: word, sort: state.sort })}`;
  if (push) history.pushState(null, '', next);
  else if (notes.length && next !== `${location.pathname}${location.search}`) history.replaceState(null, '', next);
  void run(word, state.sort);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go(`?q=${encodeURIComponent(input.value)}`, true);
});
window.addEventListener('popstate', () => go(location.search, false));
go(location.search, false);
