/**
 * Where the reader is in the results, kept in the history entry, so that
 * Back (from a passage, or to an earlier search) returns there. The
 * browser's own restoring cannot do it: it scrolls before the results are
 * rendered, so the page comes back short. The place is the result at the
 * top of the screen and how far it is from the top, not only a scroll
 * offset: results off screen are laid out at an estimated height
 * (content-visibility), so the same offset can show another result.
 */

export interface Place {
  /** The scroll offset, for a page with no result on screen. */
  y: number;
  /** The link of the result at the top of the screen, as its `href` attribute says. */
  href?: string;
  /** How far that result's top is from the top of the screen. */
  offset?: number;
}

/** The results on screen: those laid out with a height (a folded one has none). */
const shownResults = (results: Element) => [...results.querySelectorAll('li.result')].filter((li) => li.getBoundingClientRect().height > 0);

/** The place the reader is at now. */
export function currentPlace(results: Element): Place {
  const top = shownResults(results).find((li) => li.getBoundingClientRect().bottom > 0);
  const href = top?.querySelector('a.result-link')?.getAttribute('href');
  return top && href ? { y: window.scrollY, href, offset: top.getBoundingClientRect().top } : { y: window.scrollY };
}

/**
 * Keeps a place in the current history entry, leaving the rest of its
 * state as it is. A browser that limits how often a page may change its
 * entry (Safari) can refuse: the place kept last stands.
 */
export function keepPlace(place: Place): void {
  try {
    history.replaceState({ ...(history.state as object | null), place }, '');
  } catch {
    // Refused; see above.
  }
}

/** The place kept in the current history entry, if any. */
export function keptPlace(): Place | undefined {
  const state = history.state as { place?: Place } | null;
  return typeof state?.place?.y === 'number' ? state.place : undefined;
}

/** The result whose link is `href`. */
const resultOf = (results: Element, href: string) =>
  [...results.querySelectorAll('a.result-link')].find((a) => a.getAttribute('href') === href)?.closest('li.result') ?? null;

/** Whether the results hold the result a place is at (when it is at one). */
export const holds = (results: Element, place: Place) => place.href !== undefined && resultOf(results, place.href) !== null;

/** Frames a result must stay put to be where it was; at most so many frames of trying. */
const STILL_FRAMES = 3;
const MAX_FRAMES = 30;

/**
 * Scrolls back to a place: its result at its distance from the top, else
 * its offset. Results that come into view get laid out at their real height
 * a frame later, which can move the one sought, not at once but at the
 * next rendering: it is measured again each frame until it stays put.
 */
export function returnTo(results: Element, place: Place): void {
  const li = place.href === undefined ? null : resultOf(results, place.href);
  if (!li || place.offset === undefined) {
    window.scrollTo(0, place.y);
    return;
  }
  const folded = li.closest('details');
  if (folded) folded.open = true;
  const offset = place.offset;
  const settle = (frames: number, still: number) => {
    const off = li.getBoundingClientRect().top - offset;
    if (Math.abs(off) >= 1) window.scrollBy(0, off);
    if (frames > 0 && still < STILL_FRAMES) requestAnimationFrame(() => settle(frames - 1, Math.abs(off) < 1 ? still + 1 : 0));
  };
  settle(MAX_FRAMES, 0);
}
