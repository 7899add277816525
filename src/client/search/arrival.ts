/**
 * Arriving at a passage from a search result: the link noted the passage
 * and the stretches of its text the result marked (arrival-note.ts); the
 * reading page then marks the same stretches, whole words as search found
 * them, and highlights the passage. Loaded only on a page reached so.
 * Without JavaScript the link still lands on it, which the page's `:target`
 * style shows.
 */
import { fragmentId } from '../../lib/registry';
import { showFirstMark } from '../first-mark';
import { ARRIVAL_KEY, type Arrival } from './arrival-note';
import type { Range } from './text';

/** On a reading page: if the reader came here from a search result, mark what it marked and highlight the passage. */
export function markArrival(): void {
  let arrival: Arrival;
  try {
    const stored = sessionStorage.getItem(ARRIVAL_KEY);
    if (!stored) return;
    sessionStorage.removeItem(ARRIVAL_KEY);
    arrival = JSON.parse(stored) as Arrival;
  } catch {
    return;
  }
  const id = fragmentId(arrival.hash);
  if (arrival.path !== location.pathname || id === undefined || fragmentId(location.hash) !== id) return;
  const target = document.getElementById(id);
  if (!target) return;
  target.classList.add('search-landing');
  markStretches(target, arrival.marks);
  showFirstMark(target);
}


/**
 * Wraps each stretch of the element's running text in `<mark>`. The text
 * counted is the passage's as search holds it: without the margin number,
 * note references, the way back from a note, or the markup's line breaks.
 */
function markStretches(root: HTMLElement, marks: readonly Range[]): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      /^\s*$/.test(node.textContent ?? '') || node.parentElement?.closest('.pnum, [data-footnote-ref], [data-footnote-backref]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: { node: Text; start: number }[] = [];
  let at = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    nodes.push({ node, start: at });
    at += node.data.length;
  }
  for (const { node, start } of nodes) {
    const end = start + node.data.length;
    const inside = marks.filter(([s, e]) => s < end && e > start).map(([s, e]): Range => [Math.max(s, start) - start, Math.min(e, end) - start]);
    if (!inside.length) continue;
    const pieces = document.createDocumentFragment();
    let from = 0;
    for (const [s, e] of inside) {
      if (s > from) pieces.append(node.data.slice(from, s));
      const mark = document.createElement('mark');
      mark.className = 'search-term';
      mark.textContent = node.data.slice(s, e);
      pieces.append(mark);
      from = e;
    }
    if (from < node.data.length) pieces.append(node.data.slice(from));
    node.replaceWith(pieces);
  }
}
