/**
 * Arriving at a paragraph from a search result: the search page notes the
 * paragraph and the terms before the reader follows the link (in
 * sessionStorage, so the link itself stays the paragraph's permanent
 * address); the reading page then marks the terms in that paragraph and
 * highlights it. Without JavaScript the link still lands on the paragraph,
 * which the page's `:target` style shows.
 */
import { fragmentId } from '../../lib/registry';
import { findRanges } from './text';

const KEY = 'search-arrival';

interface Arrival {
  /** The page's path, `/forum/wang-kai/`. */
  path: string;
  /** The paragraph's id, `p4`. */
  id: string;
  terms: string[];
}

/** Notes where a result link leads and what to mark there; called as the reader follows it. */
export function noteArrival(href: string, terms: readonly string[]): void {
  const target = new URL(href, location.href);
  const arrival: Arrival = { path: target.pathname, id: fragmentId(target.hash) ?? '', terms: [...terms] };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(arrival));
  } catch {
    /* storage off: the link still lands on the paragraph */
  }
}

/** On a reading page: if the reader came here from a search result, mark its terms and highlight the paragraph. */
export function markArrival(): void {
  let arrival: Arrival;
  try {
    const stored = sessionStorage.getItem(KEY);
    if (!stored) return;
    sessionStorage.removeItem(KEY);
    arrival = JSON.parse(stored) as Arrival;
  } catch {
    return;
  }
  if (arrival.path !== location.pathname || fragmentId(location.hash) !== arrival.id) return;
  const target = document.getElementById(arrival.id);
  if (!target) return;
  target.classList.add('search-landing');
  markTerms(target, arrival.terms);
}

/** Wraps every occurrence of the terms in the element's running text in `<mark>`, leaving margin numbers alone. */
function markTerms(root: HTMLElement, terms: readonly string[]): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('.pnum, [data-footnote-ref]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  while (walker.nextNode()) nodes.push(walker.currentNode as Text);
  for (const node of nodes) {
    const text = node.data;
    const ranges = findRanges(text, terms);
    if (!ranges.length) continue;
    const pieces = document.createDocumentFragment();
    let at = 0;
    for (const [start, end] of ranges) {
      if (start > at) pieces.append(text.slice(at, start));
      const mark = document.createElement('mark');
      mark.className = 'search-term';
      mark.textContent = text.slice(start, end);
      pieces.append(mark);
      at = end;
    }
    if (at < text.length) pieces.append(text.slice(at));
    node.replaceWith(pieces);
  }
}
