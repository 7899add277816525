/**
 * Text from an address (an id, a filter value, a query) as a page repeats it
 * back: cut, with …, so that a link of megabytes cannot fill the page.
 */

/** The most characters a page repeats; the ids and values the site makes are far shorter. */
const CLIP_LENGTH = 40;

/** `text` if it is short, else its first CLIP_LENGTH characters and …. */
export function clip(text: string): string {
  const chars = Array.from(text.slice(0, 2 * CLIP_LENGTH));
  return chars.length > CLIP_LENGTH || text.length > 2 * CLIP_LENGTH ? `${chars.slice(0, CLIP_LENGTH).join('')}…` : text;
}
