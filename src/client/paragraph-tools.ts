/**
 * Paragraph tools on a reading page: a tool bar to copy a paragraph's (or a
 * section's) permanent address, cite the paragraph (the page's citation with
 * the paragraph and its address), add it to the reading list, and show the
 * paragraphs of other experts and of the paper related to it. Loaded by
 * reading-page.ts only when the reader asks for the tools; the related
 * paragraphs' code and data, and the page's citation record, are loaded when
 * first asked for in turn.
 *
 * The bar opens where the reader's eye is: above a paragraph, at the number
 * that was chosen (a paragraph may be longer than the screen, and a bar
 * under it would open out of sight), and under a section heading. Focus
 * moves to the bar, so that Tab goes on to its buttons and then to the
 * paragraph.
 */
import { apa, bibtex, gbt7714, isoDate, paragraphLocator, type PageCitation } from '../lib/citation-styles';
import type { ListPage } from '../lib/list-page';
import { listQuery, loadList, saveList } from './reading-list';
import { parseAnchor, passageId } from '../lib/registry';
import { copyText, selectText } from './clipboard';
import stylesheet from '../styles/tools.css?url';
import { showFirstMark } from './first-mark';

const BASE = import.meta.env.BASE_URL;

export interface ParagraphTools {
  /**
   * Shows the tools for a paragraph or section heading. `chosen`: the reader
   * chose its number here, so the paragraph stays where it is on the screen
   * and the tools take the focus; otherwise (an address that names it) the
   * tools are scrolled into view.
   */
  open(target: HTMLElement, chosen: boolean): void;
  /** Takes the tools away (the address names no paragraph any more). */
  close(): void;
}

/** The page's citation record, fetched the first time a paragraph is cited. */
function citationRecord(src: string): () => Promise<PageCitation> {
  let record: Promise<PageCitation> | undefined;
  return () =>
    (record ??= fetch(src)
      .then((r) => (r.ok ? (r.json() as Promise<ListPage>) : Promise.reject(new Error(`${src}: ${r.status}`))))
      .then((page) => page.citation)
      .catch((error: unknown) => {
        record = undefined;
        throw error;
      }));
}

/**
 * Adds the tools' stylesheet to the page, and resolves once it applies (or
 * failed to load: the tools then work unstyled rather than not at all).
 */
function addStylesheet(href: string): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve());
    link.addEventListener('error', () => resolve());
  });
  document.head.append(link);
  return loaded;
}

/** The tools of the page whose cite panel is `panel`, which holds their template and where to fetch the page's citation; ready once their stylesheet is. */
export async function paragraphTools(panel: HTMLElement): Promise<ParagraphTools> {
  await addStylesheet(stylesheet);
  const doc = panel.dataset.doc ?? '';
  const citation = citationRecord(panel.dataset.citationSrc ?? '');
  // The page's permanent address (SITE_URL and base), as its citation gives it.
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.split('#')[0]!;
  const template = panel.querySelector<HTMLTemplateElement>('template[data-template="paragraph-tools"]')!;
  const tools = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  tools.tabIndex = -1;
  const slot = <T extends HTMLElement>(name: string) => tools.querySelector<T>(`[data-slot="${name}"]`)!;
  // A paragraph's citations in the panel's three styles, with its copy buttons.
  slot('cite').append(panel.querySelector('.cite-styles')!.cloneNode(true));
  const button = (action: string) => tools.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  const status = slot('status');
  const citeBox = slot('cite');
  const related = slot('related');
  const listLink = slot<HTMLAnchorElement>('list-link');
  for (const b of tools.querySelectorAll<HTMLButtonElement>('.copy-button')) b.hidden = false;

  let current: HTMLElement | null = null;
  const paragraphNumber = () => {
    const anchor = current ? parseAnchor(current.id) : undefined;
    return anchor?.kind === 'paragraph' ? anchor.n : undefined;
  };
  const address = () => `${canonical}#${current?.id ?? ''}`;

  /** The list as kept in this browser, and the marks on this page's paragraphs that are in it. */
  const showList = () => {
    const ids = loadList(BASE);
    listLink.href = `${BASE}list/${listQuery(ids)}`;
    listLink.textContent = ids.length ? `查看阅读清单（${ids.length}段）` : '查看阅读清单';
    for (const p of document.querySelectorAll('.prose > p[id]')) p.classList.toggle('in-list', ids.includes(`${doc}:${p.id}`));
    const n = paragraphNumber();
    const add = button('list');
    if (n !== undefined) add.textContent = ids.includes(passageId(doc, n)) ? add.dataset.labelRemove! : add.dataset.labelAdd!;
    return ids;
  };

  /** Above a paragraph, under a heading: next to the number or § that was chosen. */
  const place = (target: HTMLElement) => {
    if (parseAnchor(target.id)?.kind === 'paragraph') target.before(tools);
    else target.after(tools);
  };

  const open = (target: HTMLElement, chosen: boolean) => {
    // Already open here (the hashchange after a click): leave it, and the focus in it, alone.
    if (current === target && tools.isConnected) return;
    current = target;
    const n = paragraphNumber();
    tools.setAttribute('aria-label', n === undefined ? '本节的工具' : `第${n}段的工具`);
    // Seen, not read: the group's name already says it. Above a paragraph, the bar says whose it is.
    slot('label').textContent = n === undefined ? '本节' : `第${n}段 ↓`;
    // A section heading has an address to copy; citing and listing are for paragraphs.
    button('cite').hidden = n === undefined;
    button('list').hidden = n === undefined;
    button('related').hidden = n === undefined;
    button('cite').setAttribute('aria-expanded', 'false');
    citeBox.hidden = true;
    button('related').setAttribute('aria-expanded', 'false');
    related.hidden = true;
    status.textContent = '';
    const before = target.getBoundingClientRect().top;
    place(target);
    showList();
    if (chosen) {
      window.scrollBy(0, target.getBoundingClientRect().top - before);
      tools.focus({ preventScroll: true });
      if (tools.getBoundingClientRect().top < 0) tools.scrollIntoView({ block: 'start' });
    } else {
      tools.scrollIntoView({ block: 'start' });
      showFirstMark(target);
    }
  };

  window.addEventListener('storage', showList);
  showList();

  button('copy').addEventListener('click', async () => {
    const url = address();
    const what = paragraphNumber() === undefined ? '本节' : `第${paragraphNumber()}段`;
    if (await copyText(url)) {
      status.textContent = `已复制${what}的链接：${url}`;
    } else {
      status.textContent = `浏览器不允许自动复制，请手动复制：${url}`;
      selectText(status);
    }
  });

  button('cite').addEventListener('click', async () => {
    const n = paragraphNumber();
    if (n === undefined) return;
    const cite = button('cite');
    if (!citeBox.hidden) {
      citeBox.hidden = true;
      cite.setAttribute('aria-expanded', 'false');
      return;
    }
    status.textContent = '正在载入引文……';
    let record: PageCitation;
    try {
      record = await citation();
    } catch {
      status.textContent = '引文载入失败，请检查网络后再试；也可以用页面末尾的引文，并注明段落。';
      return;
    }
    if (paragraphNumber() !== n) return;
    const at = paragraphLocator(record, n, isoDate(new Date()));
    const { reference, inText } = apa(record.work, at);
    slot('gbt').textContent = gbt7714(record.work, at);
    slot('apa').textContent = `${reference}\n${inText ?? ''}`;
    slot('bibtex').textContent = bibtex(record.work, at);
    status.textContent = '';
    citeBox.hidden = false;
    cite.setAttribute('aria-expanded', 'true');
  });

  button('related').addEventListener('click', async () => {
    const n = paragraphNumber();
    if (n === undefined) return;
    const open = related.hidden;
    related.hidden = !open;
    button('related').setAttribute('aria-expanded', String(open));
    if (!open) return;
    const { showRelated } = await import('./related-passages');
    await showRelated(related, panel.dataset.related ?? '', n, () => paragraphNumber() === n && !related.hidden);
  });

  button('list').addEventListener('click', () => {
    const n = paragraphNumber();
    if (n === undefined) return;
    const id = passageId(doc, n);
    const ids = loadList(BASE);
    const adding = !ids.includes(id);
    const next = adding ? [...ids, id] : ids.filter((x) => x !== id);
    if (!saveList(BASE, next)) {
      status.textContent = '浏览器不允许保存阅读清单（可能处于隐私模式）。';
      return;
    }
    showList();
    status.textContent = adding ? `已把第${n}段加入阅读清单，清单共${next.length}段。` : `已把第${n}段移出阅读清单，清单共${next.length}段。`;
  });

  return {
    open,
    close: () => {
      current = null;
      tools.remove();
    },
  };
}
