/**
 * The reading list page. Its state is the address: `?p=wang-kai:p5,paper-2:p3`.
 * Opened without `?p=`, it shows the list kept in this browser and writes it
 * into the address. A list opened from someone else's link is shown as it is
 * and can be saved as the reader's own. Paragraph texts come from
 * /list/<doc>.json, fetched once per page the list draws on.
 */
import { apa, bibtex, gbt7714, isoDate, paragraphLocator } from '../lib/citation-styles';
import { anchors, parsePassageId } from '../lib/registry';
import type { ListPage } from '../lib/list-page';
import { listAddressNote, listQuery, listSummary, loadList, move, readListAddress, saveList } from './reading-list';
import { clip } from './clip';
import { copyText, enableCopyButtons, selectText } from './clipboard';
import { liveRegion } from './live-region';

const BASE = import.meta.env.BASE_URL;
const root = document.querySelector<HTMLElement>('[data-list-page]');
if (root) start(root);

/** One entry of the list, with its page's data, or without it if the id names no paragraph. */
interface Entry {
  id: string;
  page?: ListPage | undefined;
  p: number;
}

function start(root: HTMLElement) {
  const slot = <T extends HTMLElement = HTMLElement>(name: string) => root.querySelector<T>(`[data-slot="${name}"]`)!;
  const template = (name: string) => root.querySelector<HTMLTemplateElement>(`template[data-template="${name}"]`)!;
  const app = root.querySelector<HTMLElement>('[data-list-app]')!;
  const status = slot('status');
  const items = slot<HTMLOListElement>('items');
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href.split('?')[0]!;

  app.hidden = false;
  enableCopyButtons(liveRegion());

  const stored = loadList(BASE);
  const params = new URLSearchParams(location.search);
  // No list can hold more than every paragraph of the site, each once.
  const max = Number(root.dataset.paragraphs) || Infinity;
  const address = readListAddress(params.get('p'), max);
  let ids = params.has('p') ? address.ids : stored;
  const note = slot('note');
  note.textContent = listAddressNote(address, max);
  note.hidden = !note.textContent;
  /** Whether the list shown is the one this browser keeps: then edits are kept too. */
  let mine = !params.has('p') || ids.join(',') === stored.join(',');

  const docs = new Set((root.dataset.docs ?? '').split(','));
  const pages = new Map<string, Promise<ListPage | undefined>>();
  const fetchPage = (doc: string) => {
    if (!docs.has(doc)) return undefined;
    let found = pages.get(doc);
    if (!found) {
      found = fetch(`${root.dataset.jsonBase}${doc}.json`)
        .then((r) => (r.ok ? (r.json() as Promise<ListPage>) : undefined))
        .catch(() => undefined);
      pages.set(doc, found);
    }
    return found;
  };

  const entries = async (): Promise<Entry[]> =>
    Promise.all(
      ids.map(async (id) => {
        const at = parsePassageId(id);
        const page = at && (await fetchPage(at.doc));
        return { id, p: at?.p ?? 0, page: page && at.p <= page.paragraphs.length ? page : undefined };
      }),
    );

  /** The first of `candidates` (an entry's place and one of its buttons) that is there and can be pressed. */
  const firstEnabled = (candidates: readonly (readonly [index: number, action: string])[]) =>
    candidates
      .map(([index, action]) => items.children[index]?.querySelector<HTMLButtonElement>(`[data-action="${action}"]:not(:disabled)`))
      .find(Boolean);

  /** Draws the list; after an edit, focus goes to the first of `focus` that can be pressed, so the reader can go on from there. */
  const render = async (focus?: readonly (readonly [index: number, action: string])[]) => {
    history.replaceState(null, '', `${location.pathname}${listQuery(ids)}`);
    if (mine) saveList(BASE, ids);
    slot('shared').hidden = mine || ids.length === 0;
    // A shared list differs from the one kept here only if one is kept here.
    slot('shared-differs').hidden = stored.length === 0;
    slot('shared-unsaved').hidden = stored.length > 0;
    const list = await entries();
    const accessed = isoDate(new Date());
    const found = list.filter((e) => e.page);
    const works = new Set(found.map((e) => e.page!.citation.work.key));
    slot('summary').textContent = listSummary(found.length, works.size, list.length - found.length);
    slot('empty').hidden = ids.length > 0;
    slot('bar').hidden = ids.length === 0;
    items.replaceChildren(...list.map((entry, index) => item(entry, index)));

    const cites = found.map((e) => {
      const c = e.page!.citation;
      return { work: c.work, at: paragraphLocator(c, e.p, accessed) };
    });
    slot('cite').hidden = cites.length === 0;
    slot('gbt').textContent = cites.map(({ work, at }, i) => `[${i + 1}] ${gbt7714(work, at)}`).join('\n');
    slot('apa').textContent = cites
      .map(({ work, at }) => {
        const { reference, inText } = apa(work, at);
        return `${reference}\n${inText ?? ''}`;
      })
      .join('\n\n');
    slot('bibtex').textContent = cites.map(({ work, at }) => bibtex(work, at)).join('\n');

    // The last entry removed: its buttons and the list's are gone, and the focus goes to what the page now says.
    const rest = ids.length ? root.querySelector<HTMLButtonElement>('[data-action="copy-link"]') : slot('empty');
    if (focus) (firstEnabled(focus) ?? rest)?.focus();
  };

  const item = (entry: Entry, index: number): HTMLElement => {
    const { page } = entry;
    const li = template(page ? 'item' : 'missing').content.firstElementChild!.cloneNode(true) as HTMLElement;
    const fill = (name: string, text: string) => li.querySelectorAll(`[data-slot="${name}"]`).forEach((el) => (el.textContent = text));
    li.dataset.index = String(index);
    if (page) {
      const at = paragraphLocator(page.citation, entry.p, '');
      const name = `${page.source}${at.label}`;
      const link = li.querySelector<HTMLAnchorElement>('[data-slot="link"]')!;
      link.href = `${page.href}#${anchors.paragraph(entry.p)}`;
      link.textContent = name;
      fill('text', page.paragraphs[entry.p - 1]!);
      fill('url', at.url);
      fill('which', `：${name}`);
      li.querySelector<HTMLButtonElement>('[data-action="up"]')!.disabled = index === 0;
      li.querySelector<HTMLButtonElement>('[data-action="down"]')!.disabled = index === ids.length - 1;
    } else {
      fill('id', clip(entry.id));
      fill('which', `：${clip(entry.id)}`);
    }
    return li;
  };

  root.addEventListener('click', async (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const action = button.dataset.action!;
    const index = Number(button.closest<HTMLElement>('[data-index]')?.dataset.index ?? -1);
    if (action === 'up' || action === 'down') {
      const by = action === 'up' ? -1 : 1;
      const to = index + by;
      ids = move(ids, index, by);
      // At the top or bottom the same button is disabled: the other one moves the entry back.
      await render([
        [to, action],
        [to, action === 'up' ? 'down' : 'up'],
      ]);
      status.textContent = `已${action === 'up' ? '上移' : '下移'}，现在是第${to + 1}项。`;
    } else if (action === 'remove') {
      ids = ids.filter((_, i) => i !== index);
      await render([
        [index, 'remove'],
        [index - 1, 'remove'],
      ]);
      status.textContent = `已移除一项，清单还有${ids.length}段。`;
    } else if (action === 'adopt') {
      mine = true;
      await render();
      status.textContent = '已存为本浏览器的阅读清单。';
    } else if (action === 'copy-link') {
      const link = `${canonical}${listQuery(ids)}`;
      if (await copyText(link)) status.textContent = `已复制清单链接：${link}`;
      else {
        status.textContent = `浏览器不允许自动复制，请手动复制：${link}`;
        selectText(status);
      }
    } else if (action === 'print') {
      window.print();
    }
  });

  void render();
}
