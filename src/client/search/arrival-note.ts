/**
 * Following a search result: the link's marks are noted (in sessionStorage,
 * so that the link itself stays the passage's permanent address) for the
 * page it leads to, which marks them (arrival.ts). Every page loads this
 * note-taking; only a page reached from a search result loads the marking.
 */
import type { Range } from './text';

export const ARRIVAL_KEY = 'search-arrival';

/** What a result link leads to and what to mark there. */
export interface Arrival {
  /** The page's path, `/forum/wang-kai/`. */
  path: string;
  /** The address fragment as the link has it, `#p4`, `#fn-9`. */
  hash: string;
  /** What to mark: offsets in the passage's text (its margin number and footnote references left out). */
  marks: Range[];
}

/** Notes where a result link leads and what to mark there; called as the reader follows it. */
export function noteArrival(href: string, marks: readonly Range[]): void {
  const target = new URL(href, location.href);
  const arrival: Arrival = { path: target.pathname, hash: target.hash, marks: [...marks] };
  try {
    sessionStorage.setItem(ARRIVAL_KEY, JSON.stringify(arrival));
  } catch {
    /* storage off: the link still lands on the paragraph */
  }
}

/** Whether a search result's passage is noted (storage may be off: then none is). */
export function arrivalNoted(): boolean {
  try {
    return sessionStorage.getItem(ARRIVAL_KEY) !== null;
  } catch {
    return false;
  }
}
