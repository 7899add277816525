/**
 * What a reading page runs on load, kept small: it shows the parts that need
 * JavaScript, and loads the code of the paragraph tools (paragraph-tools.ts)
 * and of the copy buttons (clipboard.ts) only when the reader asks for them.
 *
 * A click on a paragraph number (or a section's §) still goes to its
 * address, without moving the page: the number stays under the reader's
 * finger, and the tools open there. Arriving at `#p5` shows the tools for
 * paragraph 5; so does a reading list that holds paragraphs of this page
 * (the tools mark them). Without JavaScript the numbers are plain links.
 */
import { listKey } from './list-key';
import type { ParagraphTools } from './paragraph-tools';

const NUMBERS = 'a.pnum, a.snum';
const COPY = '.copy-button';

const panel = document.querySelector<HTMLElement>('.cite-panel[data-doc]');
if (panel) start(panel);

/**
 * The paragraph or section heading an address fragment names (`#p5`, `#s2`):
 * an element of the text with a number or § of its own. Their ids are plain
 * ASCII, so the fragment is the id as it stands, and a malformed one
 * (`#%E4`) simply names nothing.
 */
function targetOf(hash: string): HTMLElement | null {
  const el = document.getElementById(hash.replace(/^#/, ''));
  return el?.parentElement?.classList.contains('prose') && el.querySelector(`:scope > :is(${NUMBERS})`) ? el : null;
}

/** Whether the reading list kept in this browser holds paragraphs of the page `doc`. */
function listed(doc: string): boolean {
  try {
    return (localStorage.getItem(listKey(import.meta.env.BASE_URL)) ?? '').split(',').some((id) => id.startsWith(`${doc}:`));
  } catch {
    return false;
  }
}

function start(panel: HTMLElement) {
  for (const el of document.querySelectorAll<HTMLElement>('[data-js-only][hidden], .cite-panel .copy-button[hidden]')) el.hidden = false;

  let tools: Promise<ParagraphTools> | undefined;
  const loadTools = () => (tools ??= import('./paragraph-tools').then((m) => m.paragraphTools(panel)));
  let copier: Promise<(button: HTMLButtonElement) => Promise<void>> | undefined;
  // The live region is added with the copy code, when the reader reaches for a copy button: before the message it will say.
  const loadCopier = () =>
    (copier ??= Promise.all([import('./clipboard'), import('./live-region')]).then(([clipboard, region]) => {
      const announce = region.liveRegion();
      return (button) => clipboard.copyCitation(button, announce);
    }));

  document.addEventListener('click', (event) => {
    const el = event.target as Element | null;
    const link = el?.closest<HTMLAnchorElement>(NUMBERS);
    const target = link && targetOf(link.hash);
    if (target) {
      // Go to the address here rather than after this handler, and put the
      // page back where it was: the browser would scroll the paragraph to
      // the top, and the reader would lose the place they chose it at.
      event.preventDefault();
      const at = target.getBoundingClientRect().top;
      location.hash = link.hash;
      window.scrollBy(0, target.getBoundingClientRect().top - at);
      void loadTools().then((t) => t.open(target, true));
      return;
    }
    const copy = el?.closest<HTMLButtonElement>(COPY);
    if (copy) void loadCopier().then((copyFrom) => copyFrom(copy));
  });
  // Fetch the code as the reader reaches for a number or a button, so that it is there by the click.
  const prefetch = (event: Event) => {
    const el = event.target as Element | null;
    if (el?.closest(NUMBERS)) void loadTools();
    else if (el?.closest(COPY)) void loadCopier();
  };
  document.addEventListener('pointerdown', prefetch);
  document.addEventListener('focusin', prefetch);

  window.addEventListener('hashchange', () => {
    const target = targetOf(location.hash);
    if (target) void loadTools().then((t) => t.open(target, false));
    else void tools?.then((t) => t.close());
  });
  const initial = targetOf(location.hash);
  if (initial) void loadTools().then((t) => t.open(initial, false));
  else if (listed(panel.dataset.doc ?? '')) void loadTools();
}
