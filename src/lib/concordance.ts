/**
 * The concordance's files, shared by the build (which writes them) and the
 * browser (which reads them): one JSON file per word of the search index,
 * `/concordance/words/<name>.json`, listing every place of the word in the
 * texts with its context, in reading order.
 *
 * A place is where search finds the word (src/lib/search/records.ts): one
 * of a passage's words, or a word of the texts inside one word or over
 * whole words (城市群 in 城市群一体化), never across a boundary of the cut.
 *
 * Pure: no Node, Astro or DOM.
 */

/** Characters of context kept on each side of a place. */
export const CONTEXT = 20;

/** Where the word files are, under the site's base. */
export const WORDS_DIR = 'concordance/words';

/** The index's words for a word it does not hold, under the site's base (ConcordanceVocabulary). */
export const VOCABULARY_FILE = 'concordance/vocabulary.json';

/**
 * What the concordance page fetches only for a word the index does not
 * hold: the index's words, for the near words, and the traditional forms of
 * the texts' characters, to try the word in simplified ones (城市羣 → 城市群).
 */
export interface ConcordanceVocabulary {
  /** The index's words of two characters or more, packed (search/words.ts, packWords). */
  words: string;
  /** Its words of one character, run together. */
  singles: string;
  /** Pairs of characters: a traditional form, then the texts' character it stands for (羣群發发…). */
  traditional: string;
}

/** A converter to the texts' characters from the vocabulary's pairs: each traditional form replaced, the rest kept. */
export function simplifier(pairs: string): (text: string) => string {
  const chars = [...pairs];
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return (text) => [...text].map((c) => map.get(c) ?? c).join('');
}

/** One place of a word: a line of the concordance. */
export interface ConcordanceLine {
  /** The document key: `wang-kai`, `paper-2`. */
  doc: string;
  /** The passage's anchor on its document's page: `p5`, `fn-9`. */
  anchor: string;
  /** Where the word starts in the passage's text. */
  at: number;
  /** Where it starts in its document's text (its paragraphs, then its footnotes, one after another). */
  docAt: number;
  /** Up to CONTEXT characters of the passage before it, and after it. */
  left: string;
  right: string;
  /** The word as the text has it (`Castells` for the word `castells`). */
  form: string;
}

/** A line as a word file holds it; the form only when it differs from the file's word. */
export type LineTuple = [doc: string, anchor: string, at: number, docAt: number, left: string, right: string, form?: string];

/** A word file: the word (lowercased, as the index holds it) and its lines in reading order. */
export interface WordFile {
  word: string;
  lines: LineTuple[];
}

export function packLine(line: ConcordanceLine, word: string): LineTuple {
  const tuple: LineTuple = [line.doc, line.anchor, line.at, line.docAt, line.left, line.right];
  if (line.form !== word) tuple.push(line.form);
  return tuple;
}

export function unpackLine(tuple: LineTuple, word: string): ConcordanceLine {
  const [doc, anchor, at, docAt, left, right, form = word] = tuple;
  return { doc, anchor, at, docAt, left, right, form };
}

/**
 * The file name of a word: its FNV-1a hash (32 bits, over UTF-16 code
 * units) in hex, so that any word, whatever characters it holds, makes a
 * short, safe name. The build stops if two words of the index share one.
 */
export function wordFileName(word: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16).padStart(8, '0')}.json`;
}

/** What the concordance page knows of a document: how the chart names it, its page, its text's length. */
export interface ConcordanceDoc {
  key: string;
  /** As a row of the chart names it: 主编按语, 王凯, 论文引言, 论文第一节. */
  who: string;
  /** Which text it belongs to. */
  text: 'forum' | 'paper';
  /** Who speaks, by name, what sorting by expert sorts on: the essay's author, the paper's authors (马雪松、柏然), 主编按语. */
  speaker: string;
  /** Its page, under the site's base. */
  href: string;
  /** Characters of its text: its paragraphs and footnotes, punctuation included. */
  chars: number;
}
