/**
 * The site's word cutter (Node, build time): nodejieba, loaded once with the
 * themes' terms as its user dictionary, each term with a frequency high
 * enough that jieba keeps it one word (新质生产力, 存量更新, 城市群). The
 * search index and everything that counts words on the site cut with it,
 * so that they agree with each other and with the ingest's theme tags, which
 * use the same dictionary.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodejieba from 'nodejieba';
import type { Theme } from './schema.ts';

/** High enough that jieba keeps every theme term whole. */
const TERM_FREQUENCY = 100000;

/** The user dictionary: one `term frequency tag` line per distinct term, sorted. */
export function userDictionary(themes: readonly Theme[]): string {
  const terms = [...new Set(themes.flatMap((t) => t.terms))].sort();
  return terms.map((term) => `${term} ${TERM_FREQUENCY} n\n`).join('');
}

/** The dictionary jieba holds; it can be loaded once per process. */
let loaded: string | null = null;

const LATIN = /^[A-Za-z0-9]+$/;

/** Joins the letters and digits jieba leaves one by one (Castells → C|a|s|…) back into words. */
export function joinLatin(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const last = out.length - 1;
    if (last >= 0 && LATIN.test(word) && LATIN.test(out[last]!)) out[last] += word;
    else out.push(word);
  }
  return out;
}

/**
 * jieba's accurate cut, with the themes' user dictionary, letters and digits
 * kept together as words: the words joined give the text back.
 */
export function wordCutter(themes: readonly Theme[]): (text: string) => string[] {
  const dictionary = userDictionary(themes);
  if (loaded !== null && loaded !== dictionary) throw new Error('jieba is already loaded with another user dictionary');
  if (loaded === null) {
    const dir = mkdtempSync(path.join(tmpdir(), 'jieba-'));
    try {
      writeFileSync(path.join(dir, 'user.dict.utf8'), dictionary);
      nodejieba.load({ userDict: path.join(dir, 'user.dict.utf8') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    loaded = dictionary;
  }
  return (text) => joinLatin(nodejieba.cut(text));
}
