/**
 * On every page: the `/` key focuses the search box, and a passage reached
 * from a search result has what the result marked marked there too. A
 * search result's link carries its marks (`data-marks`); following it notes
 * them for the page it leads to (arrival-note.ts), and the code that marks
 * them (arrival.ts) is loaded only on a page reached so.
 */
import { arrivalNoted, noteArrival } from './arrival-note';

/** Whether a key press goes into something the reader is typing in. */
function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
  // The search page's own box if there is one, else the header's.
  const box = document.querySelector<HTMLInputElement>('#search-q, #site-search-q');
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
});

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-marks]') : null;
  if (link) noteArrival(link.href, JSON.parse(link.dataset.marks ?? '[]') as [number, number][]);
});

if (arrivalNoted()) void import('./arrival').then((m) => m.markArrival());
