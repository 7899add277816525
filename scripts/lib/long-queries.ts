/**
 * Searches of the kind a link can carry but no reader types, built from the
 * texts themselves, for the tests and `npm run bench:search`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './paths.ts';

/** The text of every passage of content/passages.json, in order. */
function passageTexts(): string[] {
  return (JSON.parse(readFileSync(path.join(ROOT, 'content', 'passages.json'), 'utf8')) as { text: string }[]).map((p) => p.text);
}

/**
 * `n` distinct two-character terms of the texts, in the order they first
 * come, letters and digits only (search reads punctuation and spaces as
 * what separates terms); each one is found somewhere.
 */
export function termsOfTheTexts(n: number): string[] {
  const text = passageTexts().join('');
  const terms = new Set<string>();
  for (let i = 0; terms.size < n && i < text.length; i++) {
    const term = text.slice(i, i + 2);
    if (/^[\p{L}\p{N}]{2}$/u.test(term)) terms.add(term);
  }
  if (terms.size < n) throw new Error(`the texts hold only ${terms.size} distinct two-character terms; ${n} were asked for`);
  return [...terms];
}
