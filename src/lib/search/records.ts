/**
 * The search index's records (Node, build time): one per body paragraph and
 * one per footnote, each cut into words by the site's word cutter
 * (segmenter.ts). Search and anything else that counts words in the texts
 * (a concordance) should take their words from here.
 *
 * A record's extra words let a query word match wherever the text holds it
 * along the cut: inside a longer word (城市群 in 城市群一体化, 空间规划 in
 * 国土空间规划) or over whole words (城市发展 over 城市|发展). Only words
 * that are words somewhere in the texts count, so nothing matches a stretch
 * that is a word nowhere, or one that straddles a cut (城市 in 下城|市).
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { anchors } from '../registry.ts';
import type { Passage } from '../schema.ts';
import type { ContentDoc } from '../content-files.ts';
import { EXTRAS_MARK, SPACE_MARK, hasHan, isIndexed } from './words.ts';

export interface SearchRecord {
  /** `wang-kai:p4`, `paper-1:fn-9`. */
  id: string;
  /** The document key: `wang-kai`, `paper-1`. */
  doc: string;
  /** The anchor on the document's page: `p4`, `fn-9`. */
  anchor: string;
  kind: 'paragraph' | 'footnote';
  /** The document's page without the site base: `/paper/1/`. */
  page: string;
  /** Which text the document belongs to. */
  text: 'forum' | 'paper';
  /** The document's authors by name; none for the editor's note. */
  authors: string[];
  /** Theme ids of a paragraph; none for a footnote. */
  themes: string[];
  /** For a footnote: the anchor of the paragraph that cites it, `p3`. */
  citedIn?: string;
  /** The passage's plain text. */
  content: string;
  /** The cut of the text: its words joined give it back. */
  words: string[];
  /** Words of the texts that this one holds inside or across its words, once per place (see above). */
  extras: string[];
}

/** A footnote of the paper, as its document's Markdown defines it. */
export interface Footnote {
  doc: string;
  /** Its paper-wide number. */
  n: number;
  text: string;
  /** The anchor of the paragraph whose text carries its reference. */
  citedIn: string;
}

/**
 * Characters the record encoding (words.ts) gives a meaning of their own;
 * the texts must not hold them. (WORD_END may be in a text: every indexed
 * word gets exactly one more, which is all the browser takes off.)
 */
const RESERVED = [SPACE_MARK, EXTRAS_MARK];

/** A text's cut: where each of its words starts and ends. */
export interface Cut {
  spans: readonly (readonly [number, number])[];
  starts: ReadonlySet<number>;
  ends: ReadonlySet<number>;
}

/** Where each word of a cut starts and ends in the text. */
export function cutOf(words: readonly string[]): Cut {
  let at = 0;
  const spans = words.map((w): [number, number] => {
    const span: [number, number] = [at, at + w.length];
    at += w.length;
    return span;
  });
  return { spans, starts: new Set(spans.map(([s]) => s)), ends: new Set(spans.map(([, e]) => e)) };
}

/** A place of a word in a text: where it starts, and whether it is one of the cut's words there (or an extra word, see above). */
export interface Place {
  at: number;
  whole: boolean;
}

/**
 * Where a word stands in a text as the index finds it: as one of the cut's
 * words, or, for a word of the texts of two Chinese characters or more,
 * inside one word or over whole words; never across a boundary of the cut.
 */
export function placesOf(text: string, cut: Cut, word: string): Place[] {
  const isWord = (s: number, e: number) => cut.spans.some(([ws, we]) => ws === s && we === e);
  const inside = (s: number, e: number) => cut.spans.some(([ws, we]) => ws <= s && e <= we);
  const canBeExtra = word.length >= 2 && hasHan(word);
  const places: Place[] = [];
  for (let s = text.indexOf(word); s >= 0 && word; s = text.indexOf(word, s + 1)) {
    const e = s + word.length;
    if (isWord(s, e)) places.push({ at: s, whole: true });
    else if (canBeExtra && (inside(s, e) || (cut.starts.has(s) && cut.ends.has(e)))) places.push({ at: s, whole: false });
  }
  return places;
}

/** The words of `vocabulary` (Chinese, two characters or more) that the text holds inside or across its words, in text order. */
export function extraWords(text: string, words: readonly string[], vocabulary: Iterable<string>): string[] {
  const cut = cutOf(words);
  const found: [number, string][] = [];
  for (const word of vocabulary) {
    if (word.length < 2 || !hasHan(word)) continue;
    for (const place of placesOf(text, cut, word)) if (!place.whole) found.push([place.at, word]);
  }
  return found.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])).map(([, w]) => w);
}

/** A document's Markdown as the site's renderer reads it (GFM: footnotes). */
const markdown = unified().use(remarkParse).use(remarkGfm);

/**
 * The footnotes of one document, from its Markdown as the site renders it:
 * each definition's text, and the paragraph holding its reference (that
 * paragraph's text is one of the document's paragraphs in passages.json).
 */
export function footnotesOf(doc: ContentDoc, paragraphs: readonly Passage[]): Footnote[] {
  const tree = markdown.parse(doc.body);
  const own = paragraphs.filter((p) => p.doc === doc.key);
  const citing = new Map<string, string>();
  visit(tree, 'paragraph', (node) => {
    const text = toString(node);
    visit(node, 'footnoteReference', (ref) => {
      const p = own.find((q) => q.text === text);
      if (p) citing.set(ref.identifier, anchors.paragraph(p.p));
    });
  });
  const notes: Footnote[] = [];
  visit(tree, 'footnoteDefinition', (def) => {
    const n = Number(def.identifier);
    const citedIn = citing.get(def.identifier);
    if (!citedIn) throw new Error(`content: footnote ${def.identifier} of ${doc.key}: no paragraph of passages.json carries its reference [^${def.identifier}]`);
    notes.push({ doc: doc.key, n, text: toString(def).trim(), citedIn });
  });
  return notes;
}

/** A record before it is cut into words: what it is, where, and its text. */
export type RecordText = Omit<SearchRecord, 'words' | 'extras'>;

/**
 * Every paragraph of passages.json and every footnote, under its document's
 * page: the records' texts, in reading order within each document (its
 * paragraphs, then its footnotes).
 */
export function recordTexts(docs: readonly ContentDoc[], paragraphs: readonly Passage[]): RecordText[] {
  const byKey = new Map(docs.map((d) => [d.key, d]));
  const record = (key: string, what: string, fields: Pick<SearchRecord, 'id' | 'anchor' | 'kind' | 'themes' | 'content'> & { citedIn?: string }): RecordText => {
    const doc = byKey.get(key);
    if (!doc) throw new Error(`content/passages.json: ${what} belongs to “${key}”, which no document of content/ has`);
    return { ...fields, doc: doc.key, page: doc.path, text: doc.text, authors: doc.authors };
  };
  return [
    ...paragraphs.map((p) => record(p.doc, p.id, { id: p.id, anchor: anchors.paragraph(p.p), kind: 'paragraph', themes: p.themes.map((t) => t.id), content: p.text })),
    ...docs
      .filter((d) => d.text === 'paper')
      .flatMap((d) => footnotesOf(d, paragraphs))
      .map((f) =>
        record(f.doc, `footnote ${f.n}`, {
          id: `${f.doc}:${anchors.footnote(f.n)}`,
          anchor: anchors.footnote(f.n),
          kind: 'footnote',
          themes: [],
          content: f.text,
          citedIn: f.citedIn,
        }),
      ),
  ];
}

/**
 * The records of the texts (recordTexts), each cut into words with `cut`,
 * the site's word cutter, and given its extra words.
 */
export function buildRecords(docs: readonly ContentDoc[], paragraphs: readonly Passage[], cut: (text: string) => string[]): SearchRecord[] {
  const records = recordTexts(docs, paragraphs).map((r) => {
    const found = RESERVED.find((c) => r.content.includes(c));
    if (found) throw new Error(`search index: ${r.id} holds “${found}”, which the index reserves to mark words; expected text without it`);
    const words = cut(r.content);
    if (words.join('') !== r.content) throw new Error(`search index: the cut of ${r.id} does not give its text back`);
    return { ...r, words };
  });
  const vocabulary = new Set(records.flatMap((r) => r.words.filter((w) => w.length > 1 && isIndexed(w))));
  return records.map((r) => ({ ...r, extras: extraWords(r.content, r.words, vocabulary) }));
}

/** The index's words of two characters or more, lowercased and sorted, and its single characters: what a query is cut into (words.ts). */
export function vocabularyOf(records: readonly SearchRecord[]): { words: string[]; singles: string[] } {
  const all = new Set(records.flatMap((r) => [...r.words, ...r.extras]).filter(isIndexed).map((w) => w.toLowerCase()));
  const sorted = [...all].sort();
  return { words: sorted.filter((w) => [...w].length > 1), singles: sorted.filter((w) => [...w].length === 1) };
}
