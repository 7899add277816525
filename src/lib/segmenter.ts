/**
 * The project's word cutter (Node): nodejieba, loaded once with the themes'
 * terms as its user dictionary, each term with a frequency high enough that
 * jieba keeps it one word (新质生产力, 存量更新, 城市群). The ingest tags
 * paragraphs with it; the build cuts the search index's words with it, and
 * finds where titles may break; so all of them see the same words.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodejieba from 'nodejieba';
import type { Theme } from './schema.ts';

/** jieba's native functions: what nodejieba's wrapper calls, once a dictionary is loaded. */
interface JiebaBinding {
  load(dict: string, hmmDict: string, userDict: string, idfDict: string, stopWordDict: string): void;
  cut(text: string): string[];
  tag(text: string): { word: string; tag: string }[];
  extract(text: string, top: number): { word: string; weight: number }[];
}

/**
 * The native module itself, not nodejieba's wrapper: the wrapper loads its
 * default dictionary on first use unless it loaded one itself, and a unit
 * test file's VM context has a wrapper of its own, while the native module
 * (and the dictionary it holds) is one per process.
 */
const jieba = createRequire(import.meta.url)('nodejieba/build/Release/nodejieba.node') as JiebaBinding;

/** jieba's own dictionaries, as nodejieba's wrapper names them (its types do not declare the paths). */
const DICTIONARIES = nodejieba as unknown as Record<'DEFAULT_DICT' | 'DEFAULT_HMM_DICT' | 'DEFAULT_IDF_DICT' | 'DEFAULT_STOP_WORD_DICT', string>;

/** The file of jieba's own words, one `word frequency tag` line each. */
export const JIEBA_DICTIONARY = DICTIONARIES.DEFAULT_DICT;

/** High enough that jieba keeps every theme term whole. */
const TERM_FREQUENCY = 100000;

/** The user dictionary: one `term frequency tag` line per distinct term, sorted. */
export function userDictionary(themes: readonly Theme[]): string {
  const terms = [...new Set(themes.flatMap((t) => t.terms))].sort();
  return terms.map((term) => `${term} ${TERM_FREQUENCY} n\n`).join('');
}

/**
 * A program uses one dictionary: asking for another is an error. The build
 * has two copies of this module (the pages' bundle and the search index's
 * integration), so what was asked is kept on the global object they share.
 */
const LOADED = Symbol.for('xinzhi-reader.jieba.dictionary');
const asked = globalThis as { [LOADED]?: string };

/**
 * What jieba's native module holds, about 1.5 s to load: one per process,
 * which outlives a unit test file's VM context, so the next file with the
 * same dictionary does not load it again.
 */
const held = process as { [LOADED]?: string };

/** Loads jieba with the themes' user dictionary, once; another dictionary later is an error. */
function loadDictionary(themes: readonly Theme[]): void {
  const dictionary = userDictionary(themes);
  if (asked[LOADED] !== undefined && asked[LOADED] !== dictionary) throw new Error('jieba is already loaded with another user dictionary');
  asked[LOADED] = dictionary;
  if (held[LOADED] === dictionary) return;
  const dir = mkdtempSync(path.join(tmpdir(), 'jieba-'));
  try {
    writeFileSync(path.join(dir, 'user.dict.utf8'), dictionary);
    jieba.load(DICTIONARIES.DEFAULT_DICT, DICTIONARIES.DEFAULT_HMM_DICT, path.join(dir, 'user.dict.utf8'), DICTIONARIES.DEFAULT_IDF_DICT, DICTIONARIES.DEFAULT_STOP_WORD_DICT);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  held[LOADED] = dictionary;
}

/** What the ingest and the build's titles need from jieba. */
export interface Segmenter {
  cut(text: string): string[];
  /** Words with their part-of-speech tags (n, vn, v, …). */
  tag(text: string): { word: string; tag: string }[];
  /**
   * jieba's TF-IDF keywords of a text, best first: how often the text uses
   * a word, weighed by how rare the word is in jieba's general corpus.
   */
  extract(text: string, top: number): { word: string; weight: number }[];
}

/** jieba with the themes' user dictionary: its accurate cut, its part-of-speech tags and its TF-IDF keywords. */
export function jiebaSegmenter(themes: readonly Theme[]): Segmenter {
  loadDictionary(themes);
  return {
    cut: (text) => jieba.cut(text),
    tag: (text) => jieba.tag(text),
    extract: (text, top) => jieba.extract(text, top),
  };
}

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
  loadDictionary(themes);
  return (text) => joinLatin(jieba.cut(text));
}
