/**
 * A named repair: ASCII punctuation in Chinese text set full-width, as the
 * printed journals have it. The paper and part of the forum were scraped
 * with `,` `:` `;` `?` `!` `(` `)` between Chinese characters (`场域,其发展`,
 * `习近平:《…》`, `卡斯特(Manuel Castells)将`); the reader shows `，` `：` `；`
 * `？` `！` `（` `）` there. The stage runs on the split documents (their
 * text, notes and metadata), so that the split stages, and their messages,
 * see the source as it is; the fidelity check compares NFKC forms, in which
 * `，` is `,`, and still holds the text to its source.
 *
 * Chinese context: a mark next to a Chinese character or Chinese punctuation
 * (`社,2022年`, `66%,人口`). A pair of brackets goes full-width when it holds
 * Chinese, or when Chinese stands right before or after it; left alone are
 * `01:52`, `(1) 在…` (a label before a space) and marks in Latin text.
 */
import type { Block, Doc } from './model.ts';

/** Chinese characters, CJK punctuation (、。《》“” …) and full-width forms (，：（）…). */
const CHINESE = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF\u2018\u2019\u201C\u201D\u2014\u2026]/u;

const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

const isChinese = (ch: string | undefined) => ch !== undefined && CHINESE.test(ch);

/** The character that ends right before offset i, a whole code point (a rare Han character is two UTF-16 units). */
function before(text: string, i: number): string | undefined {
  if (i <= 0) return undefined;
  const low = text.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
}

/** The character that starts at offset i, a whole code point. */
function at(text: string, i: number): string | undefined {
  const cp = text.codePointAt(i);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
}

/** The offsets of the brackets to set full-width: matched pairs that hold Chinese or stand next to it. */
function chineseBrackets(text: string): number[] {
  const open: number[] = [];
  const found: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) {
      const start = open.pop()!;
      if (CHINESE.test(text.slice(start + 1, i)) || isChinese(before(text, start)) || isChinese(at(text, i + 1))) found.push(start, i);
    }
  }
  return found;
}

/**
 * One line's text with its ASCII punctuation in Chinese context set
 * full-width, and how many marks were. Offsets are UTF-16 units, as the
 * ingest's columns are; every mark and its full-width form are one unit.
 */
export function fullWidthInChinese(text: string): { text: string; marks: number } {
  const out = text.split('');
  let marks = 0;
  for (const i of chineseBrackets(text)) {
    out[i] = FULL_WIDTH[text[i]!]!;
    marks += 1;
  }
  // After the brackets, so that `…”),两类` sees the `）` it now follows.
  const bracketed = out.join('');
  for (let i = 0; i < out.length; i++) {
    const ch = out[i]!;
    if (ch === '(' || ch === ')' || !(ch in FULL_WIDTH)) continue;
    if (isChinese(before(bracketed, i)) || isChinese(at(bracketed, i + 1))) {
      out[i] = FULL_WIDTH[ch]!;
      marks += 1;
    }
  }
  return { text: out.join(''), marks };
}

/** Every string in a value of plain objects and arrays, passed through fn. */
function mapStrings<T>(value: T, fn: (text: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)])) as T;
  }
  return value;
}

/**
 * A document with the repair made in its headings, paragraphs, caption,
 * notes and metadata, and how many marks it set. Identifiers (slugs, pinyin,
 * file names) hold no Chinese, so the rule leaves them as they are.
 */
export function repairPunctuation(doc: Doc): { doc: Doc; marks: number } {
  let marks = 0;
  const repair = (text: string) => {
    const fixed = fullWidthInChinese(text);
    marks += fixed.marks;
    return fixed.text;
  };
  const blocks = doc.blocks.map((block): Block => {
    if (block.kind === 'paragraph') return { ...block, parts: block.parts.map((part) => (typeof part === 'string' ? repair(part) : part)) };
    return { ...block, text: repair(block.text) };
  });
  const notes = doc.notes.map((note) => ({ ...note, text: repair(note.text) }));
  const meta = mapStrings(doc.meta, repair);
  return { doc: { ...doc, meta, blocks, notes }, marks };
}
