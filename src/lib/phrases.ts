/**
 * Where a title may break across lines. A browser breaks Chinese between any
 * two characters, so a narrow screen shows 推/进 or 一/体化; titles are set
 * with `word-break: keep-all` instead, and may break only where this module
 * puts a `<wbr>`: between jieba's words (with the theme terms as its user
 * dictionary, so 新质生产力 and 城市群 stay whole), never before a particle or
 * closing punctuation, never after a preposition, conjunction or opening
 * punctuation. Computed at build time; the browser gets plain markup.
 */
import { CONTENT_DIR } from './content-dir';
import { readThemesFile } from './content-files';
import { jiebaSegmenter, type Segmenter } from './segmenter';

export interface Token {
  word: string;
  /** jieba's part of speech: n, v, p (preposition), c (conjunction), uj (的) … */
  tag: string;
}

/** Punctuation a line may not start with. */
const CLOSING = /^[，。、；：！？）」』”’》〉】…—,.;:!?)\]%]/;
/** Punctuation a line may not end with. */
const OPENING = /[（「『“‘《〈【(\[]$/;

/** Words that lean on the word before them: particles (的, 了, 之), modal particles, locatives (下, 中). */
const leansBack = (t: Token) => /^[uyf]/.test(t.tag) || CLOSING.test(t.word);
/** Words that lean on the word after them: prepositions (以, 在), conjunctions (与, 和). */
const leansForward = (t: Token) => (/^[pc]$/.test(t.tag) && t.word.length === 1) || OPENING.test(t.word);

/**
 * Groups a title's words into the pieces a line may break between. Spaces
 * stay with the word before them (the browser breaks at a space anyway).
 */
export function groupPhrases(tokens: readonly Token[]): string[] {
  const phrases: string[] = [];
  let previous: Token | undefined;
  for (const token of tokens) {
    const joins = previous === undefined || /^\s+$/.test(token.word) || leansBack(token) || leansForward(previous);
    if (joins && phrases.length) phrases[phrases.length - 1] += token.word;
    else phrases.push(token.word);
    previous = token;
  }
  return phrases;
}

let segmenter: Segmenter | undefined;

/** jieba with the same user dictionary as the ingest and the search index: the theme terms of themes.yaml. */
function titleSegmenter(): Segmenter {
  segmenter ??= jiebaSegmenter(readThemesFile(CONTENT_DIR));
  return segmenter;
}

/** A title cut into the pieces it may break between: `新质生产力与 | 城市规划 | 改革`. */
export function phrases(text: string): string[] {
  return groupPhrases(titleSegmenter().tag(text));
}
