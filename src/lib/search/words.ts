/**
 * The words of search, shared by the build (which writes the index) and the
 * browser (which cuts queries): both sides must agree on what a word is, or
 * a query finds fragments of words (人群 for 城市群) or misses whole ones.
 *
 * The index's words are jieba's (the ingest's segmenter, with the themes'
 * terms as its user dictionary). Pagefind is given them ready cut and does
 * not cut again: each record's content is its words separated by spaces,
 * each indexed word ending in WORD_END so that a query word matches whole
 * words only (Pagefind would otherwise also match every word it begins).
 * After the paragraph's own words and EXTRAS_MARK come the record's extra
 * words (see records.ts), indexed but not shown.
 */

/** Ends every indexed word, in the index and in queries: `城市群_` finds 城市群 and never 城市群一体化. */
export const WORD_END = '_';
/** Stands for the text's own whitespace, which Pagefind's spaces between words would otherwise swallow. */
export const SPACE_MARK = '\u2423';
/** Separates a record's text from its extra words. */
export const EXTRAS_MARK = '\u00b6';

/** A character Pagefind keeps in a word (Rust's `\w`); a word without one is not indexed. */
const WORD_CHAR = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]/u;
const NOT_WORD_CHAR = /[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]/gu;
const HAN = /\p{Script=Han}/u;

/** Whether Pagefind indexes the word (punctuation and spaces it only keeps for display). */
export function isIndexed(word: string): boolean {
  return WORD_CHAR.test(word);
}

/** The form a word has in the index, as Pagefind normalises it: `Castells` → `castells_`. */
export function indexForm(word: string): string {
  return `${word.replace(NOT_WORD_CHAR, '').toLowerCase()}${WORD_END}`;
}

/** A record's content for Pagefind: the text's words, then its extra words. */
export function encodeRecord(words: readonly string[], extras: readonly string[] = []): string {
  const shown = words.map((w) => (/^\s+$/.test(w) ? SPACE_MARK : isIndexed(w) ? `${w}${WORD_END}` : w));
  return [...shown, EXTRAS_MARK, ...extras.map((w) => `${w}${WORD_END}`)].join(' ');
}

/**
 * A word as the text has it: without the WORD_END it was given. Only indexed
 * words get one, and a word holding WORD_END is indexed (it is a word
 * character), so exactly one comes off, whatever the text holds.
 */
const shownWord = (w: string) => (w === SPACE_MARK ? ' ' : w.endsWith(WORD_END) ? w.slice(0, -1) : w);

/** A record's text, its words and its extra words, back from Pagefind's content (a fragment's `content`). */
export function decodeRecord(content: string): { text: string; words: string[]; extras: string[] } {
  const all = content.split(' ');
  const end = all.includes(EXTRAS_MARK) ? all.indexOf(EXTRAS_MARK) : all.length;
  const words = all.slice(0, end).map(shownWord);
  return { text: words.join(''), words, extras: all.slice(end + 1).map(shownWord) };
}

/**
 * The vocabulary as the build hands it to the browser, smaller: the words
 * grouped by first character, one group a line, the character once and then
 * the rest of each word, separated by spaces (城市 城市群 → `城市 市群`).
 */
export function packWords(words: readonly string[]): string {
  const groups = new Map<string, string[]>();
  for (const word of words) {
    const first = String.fromCodePoint(word.codePointAt(0)!);
    const rests = groups.get(first) ?? [];
    groups.set(first, rests);
    rests.push(word.slice(first.length));
  }
  return [...groups].map(([first, rests]) => `${first}${rests.join(' ')}`).join('\n');
}

/** The words back from packWords. */
export function unpackWords(packed: string): string[] {
  return packed
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      const first = String.fromCodePoint(line.codePointAt(0)!);
      return line.slice(first.length).split(' ').map((rest) => first + rest);
    });
}

/** Whether a word has Chinese characters. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/**
 * One unit of a query: a word of the index, or a phrase of single
 * characters the index holds only one by one (names: 方|创|琳), which must
 * be found side by side.
 */
export interface QueryUnit {
  /** As typed (after conversion from traditional characters): 城市群, 方创琳. */
  text: string;
  /** The index words it is made of: one, or several for a phrase. */
  words: string[];
  /** Whether it is known to the index (every one of its words is a word of the index). */
  known: boolean;
}

/**
 * Cuts a run of Chinese characters into the index's words, as few as
 * possible (城市群一体化发展 → 城市群一体化 发展), the longer words first
 * when two cuts have as many. `vocabulary` holds the index's words of two
 * characters or more.
 */
export function cutHan(run: string, vocabulary: ReadonlySet<string>, longest = 12): string[] {
  const chars = [...run];
  const n = chars.length;
  // best[i]: the best cut of chars[i..]: fewest words, then the largest sum of squared lengths.
  const best: { words: string[]; count: number; weight: number }[] = new Array(n + 1);
  best[n] = { words: [], count: 0, weight: 0 };
  for (let i = n - 1; i >= 0; i--) {
    let choice: (typeof best)[number] | undefined;
    for (let len = Math.min(longest, n - i); len >= 1; len--) {
      const word = chars.slice(i, i + len).join('');
      if (len > 1 && !vocabulary.has(word)) continue;
      const rest = best[i + len]!;
      const candidate = { words: [word, ...rest.words], count: rest.count + 1, weight: rest.weight + len * len };
      if (!choice || candidate.count < choice.count || (candidate.count === choice.count && candidate.weight > choice.weight)) choice = candidate;
    }
    best[i] = choice!;
  }
  return best[0]!.words;
}

/**
 * The units of one query term (a stretch without spaces): Chinese runs cut
 * into the index's words, runs of single characters kept together as a
 * phrase, letters and digits as they come (`5G网络` → 5g 网络).
 * `vocabulary` holds the index's words of two characters or more,
 * lowercased; `singles` its words of one character.
 */
export function queryUnits(term: string, vocabulary: ReadonlySet<string>, singles: ReadonlySet<string>): QueryUnit[] {
  const units: QueryUnit[] = [];
  let phrase: string[] = [];
  const flush = () => {
    if (!phrase.length) return;
    const text = phrase.join('');
    units.push({ text, words: [...phrase], known: phrase.every((c) => singles.has(c)) });
    phrase = [];
  };
  for (const run of term.match(/\p{Script=Han}+|[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}]+/gu) ?? []) {
    if (!hasHan(run)) {
      flush();
      const word = run.toLowerCase();
      units.push({ text: run, words: [word], known: vocabulary.has(word) || singles.has(word) });
      continue;
    }
    for (const word of cutHan(run, vocabulary)) {
      if ([...word].length === 1) {
        phrase.push(word);
        continue;
      }
      flush();
      units.push({ text: word, words: [word], known: true });
    }
  }
  flush();
  return units;
}
