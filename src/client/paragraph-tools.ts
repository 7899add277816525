/**
 * Paragraph tools on a reading page. A click on a paragraph number (or a
 * section's §) still goes to its address; the script then shows, under that
 * paragraph, a tool bar to copy the paragraph's permanent address, cite the
 * paragraph (the page's citation with the paragraph and its address), add
 * it to the reading list, and show the paragraphs of other experts and of the
 * paper related to it (their code and data are loaded when first asked for).
 * Arriving at `#p5` shows the tools for paragraph 5.
 * Without JavaScript the numbers are plain links.
 */
import { apa, bibtex, gbt7714, isoDate, paragraphLocator, type PageCitation } from '../lib/citation-styles';
import { listQuery, loadList, saveList } from './reading-list';
import { fragmentId, parseAnchor, passageId } from '../lib/registry';
import { copyText, enableCopyButtons, liveRegion, selectText } from './clipboard';

const BASE = import.meta.env.BASE_URL;
const panel = document.querySelector<HTMLElement>('.cite-panel[data-citation]');
const template = panel?.querySelector<HTMLTemplateElement>('template[data-template="paragraph-tools"]');

if (panel && template) {
  const announce = liveRegion();
  enableCopyButtons(announce);
  for (const el of panel.querySelectorAll<HTMLElement>('[data-js-only][hidden]')) el.hidden = false;
  start(panel.dataset.doc ?? '', JSON.parse(panel.dataset.citation ?? '{}') as PageCitation, template);
}

/** The body paragraph or section heading an address fragment names (`#p5`, `#s2`), if any. */
function targetOf(hash: string): HTMLElement | null {
  const id = fragmentId(hash);
  if (id === undefined || !parseAnchor(id)) return null;
  const el = document.getElementById(id);
  return el?.parentElement?.classList.contains('prose') ? el : null;
}

function start(doc: string, citation: PageCitation, template: HTMLTemplateElement) {
  const tools = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  const slot = <T extends HTMLElement>(name: string) => tools.querySelector<T>(`[data-slot="${name}"]`)!;
  const button = (action: string) => tools.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  const status = slot('status');
  const cite = slot('cite');
  const related = slot('related');
  const listLink = slot<HTMLAnchorElement>('list-link');
  for (const b of tools.querySelectorAll<HTMLButtonElement>('.copy-button')) b.hidden = false;

  let current: HTMLElement | null = null;
  const paragraphNumber = () => {
    const anchor = current ? parseAnchor(current.id) : undefined;
    return anchor?.kind === 'paragraph' ? anchor.n : undefined;
  };
  const address = () => `${citation.url}#${current?.id ?? ''}`;

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

  const show = (target: HTMLElement) => {
    // Already open here (the hashchange after a click): leave it, and the focus in it, alone.
    if (current === target && tools.previousElementSibling === target) return;
    current = target;
    const n = paragraphNumber();
    tools.setAttribute('aria-label', n === undefined ? '本节的工具' : `第${n}段的工具`);
    // A section heading has an address to copy; citing and listing are for paragraphs.
    button('cite').hidden = n === undefined;
    button('list').hidden = n === undefined;
    button('related').hidden = n === undefined;
    button('cite').setAttribute('aria-expanded', 'false');
    cite.hidden = true;
    button('related').setAttribute('aria-expanded', 'false');
    related.hidden = true;
    status.textContent = '';
    target.after(tools);
    showList();
  };

  document.addEventListener('click', (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.pnum, a.snum');
    const target = link && targetOf(link.hash);
    if (!target) return;
    // Go to the fragment here rather than after this handler, then keep focus on
    // the number: going to a fragment moves the keyboard's starting point to
    // the paragraph, before its number, and Tab would not reach the tools.
    event.preventDefault();
    if (location.hash === link.hash) target.scrollIntoView();
    else location.hash = link.hash;
    link.focus({ preventScroll: true });
    show(target);
  });
  window.addEventListener('hashchange', () => {
    const target = targetOf(location.hash);
    if (target) show(target);
    else tools.remove();
  });
  window.addEventListener('storage', showList);
  const initial = targetOf(location.hash);
  if (initial) show(initial);
  else showList();

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

  button('cite').addEventListener('click', () => {
    const n = paragraphNumber();
    if (n === undefined) return;
    const open = cite.hidden;
    if (open) {
      const at = paragraphLocator(citation, n, isoDate(new Date()));
      const { reference, inText } = apa(citation.work, at);
      slot('gbt').textContent = gbt7714(citation.work, at);
      slot('apa').textContent = `${reference}\n${inText ?? ''}`;
      slot('bibtex').textContent = bibtex(citation.work, at);
    }
    cite.hidden = !open;
    button('cite').setAttribute('aria-expanded', String(open));
  });

  button('related').addEventListener('click', async () => {
    const n = paragraphNumber();
    if (n === undefined) return;
    const open = related.hidden;
    related.hidden = !open;
    button('related').setAttribute('aria-expanded', String(open));
    if (!open) return;
    const { showRelated } = await import('./related-passages');
    await showRelated(related, panel?.dataset.related ?? '', n, () => paragraphNumber() === n && !related.hidden);
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
}
