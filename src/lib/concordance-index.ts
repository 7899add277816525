/**
 * The concordance from the search records (build time, pure): for every word
 * search indexes, every place where search finds it, with its context
 * (src/lib/concordance.ts says what a file holds). The words and places are
 * the records' own, cut once with the site's dictionary (records.ts), so the
 * concordance counts exactly what search finds.
 */
import { CONTEXT, packLine, wordFileName, type ConcordanceLine, type WordFile } from './concordance.ts';
import { cutOf, placesOf, type RecordText, type SearchRecord } from './search/records.ts';
import { isIndexed } from './search/words.ts';

/** Characters of each document's text: its records' texts, one after another. */
export function documentLengths(records: readonly RecordText[]): Map<string, number> {
  const lengths = new Map<string, number>();
  for (const r of records) lengths.set(r.doc, (lengths.get(r.doc) ?? 0) + r.content.length);
  return lengths;
}

/** Where each record's text starts in its document's text, by record id. */
export function recordStarts(records: readonly RecordText[]): Map<string, number> {
  const used = new Map<string, number>();
  const starts = new Map<string, number>();
  for (const r of records) {
    const at = used.get(r.doc) ?? 0;
    starts.set(r.id, at);
    used.set(r.doc, at + r.content.length);
  }
  return starts;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Up to `n` characters of `text` before `at`, never half a character. */
function before(text: string, at: number, n = CONTEXT): string {
  const from = Math.max(0, at - n);
  return text.slice(from + (from > 0 && isLowSurrogate(text.charCodeAt(from)) ? 1 : 0), at);
}

/** Up to `n` characters of `text` from `at`, never half a character. */
function after(text: string, at: number, n = CONTEXT): string {
  const to = Math.min(text.length, at + n);
  return text.slice(at, to - (to < text.length && isLowSurrogate(text.charCodeAt(to)) ? 1 : 0));
}

/**
 * Every word of the records (lowercased, as the index holds it) with its
 * lines in reading order: the documents in the records' order, then where
 * in the document.
 */
export function concordanceOf(records: readonly SearchRecord[]): Map<string, ConcordanceLine[]> {
  const starts = recordStarts(records);
  const docOrder = new Map<string, number>();
  for (const r of records) if (!docOrder.has(r.doc)) docOrder.set(r.doc, docOrder.size);
  const lines = new Map<string, ConcordanceLine[]>();
  for (const r of records) {
    const add = (word: string, at: number, form: string) => {
      const list = lines.get(word) ?? [];
      lines.set(word, list);
      list.push({ doc: r.doc, anchor: r.anchor, at, docAt: starts.get(r.id)! + at, left: before(r.content, at), right: after(r.content, at + form.length), form });
    };
    let at = 0;
    for (const word of r.words) {
      if (isIndexed(word)) add(word.toLowerCase(), at, word);
      at += word.length;
    }
    const cut = cutOf(r.words);
    for (const extra of new Set(r.extras)) {
      for (const place of placesOf(r.content, cut, extra)) if (!place.whole) add(extra.toLowerCase(), place.at, extra);
    }
  }
  for (const list of lines.values()) list.sort((a, b) => docOrder.get(a.doc)! - docOrder.get(b.doc)! || a.docAt - b.docAt);
  return lines;
}

/** The word files of a concordance, by file name; two words with one name stop the build. */
export function wordFiles(concordance: ReadonlyMap<string, readonly ConcordanceLine[]>): Map<string, WordFile> {
  const files = new Map<string, WordFile>();
  for (const [word, lines] of concordance) {
    const name = wordFileName(word);
    const taken = files.get(name);
    if (taken) throw new Error(`concordance: the words “${taken.word}” and “${word}” have the same file name ${name}; expected one file per word (change wordFileName's hash)`);
    files.set(name, { word, lines: lines.map((line) => packLine(line, word)) });
  }
  return files;
}

/**
 * The traditional forms of the texts' characters, as pairs for
 * ConcordanceVocabulary: each of the texts' words (and characters) written
 * by each of `toTraditional` (opencc-js's converters, at build time), and
 * wherever a character comes out differently, that form, then the texts'
 * character. Words as well as characters, because some forms depend on the
 * word (了 is 瞭 in 瞭解); a form the texts use themselves is never paired,
 * so that nothing of the texts is changed. Only the texts matter: a word is
 * found only if its simplified form is in them.
 */
export function traditionalPairs(words: Iterable<string>, toTraditional: readonly ((text: string) => string)[]): string {
  const unique = [...new Set(words)].sort();
  const used = new Set(unique.flatMap((word) => [...word]));
  const pairs = new Map<string, string>();
  for (const word of unique) {
    const chars = [...word];
    for (const convert of toTraditional) {
      const forms = [...convert(word)];
      if (forms.length !== chars.length) continue;
      forms.forEach((form, i) => {
        if (form !== chars[i] && !used.has(form) && !pairs.has(form)) pairs.set(form, chars[i]!);
      });
    }
  }
  return [...pairs].map(([form, char]) => form + char).join('');
}
