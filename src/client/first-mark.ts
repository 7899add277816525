/**
 * Arriving from a search result or a concordance line, the browser shows the
 * passage's start; in a long passage the word the reader followed can be
 * screens further down. Then its first mark is brought to the middle of the
 * screen, where it is read in its sentence. Both the marking of the arrival
 * and the paragraph tools, which scroll to themselves when they open on
 * arrival, call this: whichever comes last leaves the word in view.
 */
export function showFirstMark(target: HTMLElement): void {
  const mark = target.querySelector('mark.search-term');
  if (!mark) return;
  const { top, bottom } = mark.getBoundingClientRect();
  if (top >= 0 && bottom <= window.innerHeight) return;
  mark.scrollIntoView({ block: 'center' });
}
