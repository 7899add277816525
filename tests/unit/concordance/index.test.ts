/**
 * The concordance made from the search records (src/lib/concordance-index.ts)
 * on the real texts: its places, contexts, positions and lengths checked
 * against what is read straight from content/passages.json and from the
 * paper's footnote definitions, counted with a plain substring scan.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths.ts';
import * as OpenCC from 'opencc-js';
import { CONTEXT, simplifier, unpackLine, wordFileName } from '../../../src/lib/concordance.ts';
import { concordanceOf, documentLengths, recordStarts, traditionalPairs, wordFiles } from '../../../src/lib/concordance-index.ts';
import { readDocumentFiles, readThemesFile } from '../../../src/lib/content-files.ts';
import { readPassagesFile } from '../../../src/lib/passages.ts';
import { wordCutter } from '../../../src/lib/segmenter.ts';
import { buildRecords, recordTexts, vocabularyOf, type SearchRecord } from '../../../src/lib/search/records.ts';

const content = path.join(ROOT, 'content');
const records = buildRecords(readDocumentFiles(content), readPassagesFile(content), wordCutter(readThemesFile(content)));
const concordance = concordanceOf(records);

/** The paragraphs as content/passages.json has them. */
const paragraphs = JSON.parse(readFileSync(path.join(content, 'passages.json'), 'utf8')) as { doc: string; p: number; text: string }[];

/** The paper's footnotes as its Markdown defines them (`[^12]: text`, Markdown's backslash escapes undone), by document key. */
const footnotes = readdirSync(path.join(content, 'paper')).flatMap((file) => {
  const doc = file === 'index.md' ? 'paper' : `paper-${file.replace(/\.md$/, '')}`;
  const text = readFileSync(path.join(content, 'paper', file), 'utf8');
  return [...text.matchAll(/^\[\^(\d+)\]: (.*)$/gm)].map((m) => ({ doc, n: Number(m[1]), text: m[2]!.trim().replace(/\\([!-/:-@[-`{-~])/g, '$1') }));
});

/** How many times `word` occurs in `text`, overlaps included. */
function occurrences(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) n++;
  return n;
}

/** Occurrences of `word` in each document's paragraphs and footnotes, by a substring scan. */
function scanCounts(word: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { doc, text } of [...paragraphs, ...footnotes]) {
    const n = occurrences(text, word);
    if (n) counts[doc] = (counts[doc] ?? 0) + n;
  }
  return counts;
}

function countsOf(word: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const line of concordance.get(word) ?? []) counts[line.doc] = (counts[line.doc] ?? 0) + 1;
  return counts;
}

describe('every place of a word, as search finds it', () => {
  // Words that the texts never hold across a boundary of the cut, so every occurrence is a place.
  it.each(['城市群', '新质生产力', '存量更新', '都市圈', '国土空间', '土地财政'])('%s: as many places in each document as a substring scan of its paragraphs and footnotes finds', (word) => {
    const expected = scanCounts(word);
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(countsOf(word)).toEqual(expected);
  });

  it('城市群: every occurrence in the paragraphs and the footnotes, the footnotes’ under their anchors', () => {
    const lines = concordance.get('城市群')!;
    expect(lines).toHaveLength(paragraphs.reduce((n, p) => n + occurrences(p.text, '城市群'), 0) + footnotes.reduce((n, f) => n + occurrences(f.text, '城市群'), 0));
    expect(lines.filter((l) => l.anchor.startsWith('fn-'))).toHaveLength(footnotes.reduce((n, f) => n + occurrences(f.text, '城市群'), 0));
  });

  it('counts a word inside a longer one and over whole words, never across a boundary of the cut, and a letter word whatever its case', () => {
    const record = (content: string, words: string[], extras: string[]): SearchRecord => ({
      id: 'x:p1', doc: 'x', anchor: 'p1', kind: 'paragraph', page: '/x/', text: 'forum', authors: [], themes: [], content, words, extras,
    });
    const lines = concordanceOf([record('大城市群和下城市，城市发展。Castells', ['大', '城市群', '和', '下城', '市', '，', '城市', '发展', '。', 'Castells'], ['城市', '城市发展'])]);
    expect(lines.get('城市')!.map((l) => l.at)).toEqual([1, 9]);
    expect(lines.get('城市发展')!.map((l) => [l.at, l.form])).toEqual([[9, '城市发展']]);
    expect(lines.get('市')!.map((l) => l.at)).toEqual([7]);
    expect(lines.get('castells')!.map((l) => [l.at, l.form, l.left.slice(-3)])).toEqual([[14, 'Castells', '发展。']]);
  });
});

describe('a line: the word in its context', () => {
  const byKey = new Map(paragraphs.map((p) => [`${p.doc}:p${p.p}`, p.text]));
  const lines = concordance.get('城市群')!.filter((l) => l.anchor.startsWith('p'));

  it('is the paragraph’s text: up to 20 characters before the word, the word, up to 20 after, cut only at the paragraph’s ends', () => {
    for (const line of lines) {
      const text = byKey.get(`${line.doc}:${line.anchor}`)!;
      expect(text.slice(line.at, line.at + 3)).toBe('城市群');
      expect(line.left).toBe(text.slice(Math.max(0, line.at - CONTEXT), line.at));
      expect(line.right).toBe(text.slice(line.at + 3, line.at + 3 + CONTEXT));
    }
    expect(lines.filter((l) => l.left.length === CONTEXT && l.right.length === CONTEXT).length).toBeGreaterThan(lines.length / 2);
  });

  it('knows where in its document it stands: after the document’s earlier paragraphs', () => {
    for (const line of lines) {
      const earlier = paragraphs.filter((p) => p.doc === line.doc && p.p < Number(line.anchor.slice(1)));
      expect(line.docAt).toBe(earlier.reduce((n, p) => n + p.text.length, 0) + line.at);
    }
  });

  it('comes in reading order: the documents as passages.json orders them, then by place', () => {
    const docs = [...new Set(paragraphs.map((p) => p.doc))];
    const all = concordance.get('城市群')!;
    const order = all.map((l) => [docs.indexOf(l.doc), l.docAt] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });

  it('puts a document’s footnotes after its paragraphs', () => {
    const starts = recordStarts(records);
    const paper1 = paragraphs.filter((p) => p.doc === 'paper-1').reduce((n, p) => n + p.text.length, 0);
    const first = footnotes.filter((f) => f.doc === 'paper-1').sort((a, b) => a.n - b.n)[0]!;
    expect(starts.get(`paper-1:fn-${first.n}`)).toBe(paper1);
  });
});

describe('the documents’ lengths', () => {
  it('are their paragraphs’ and footnotes’ characters, punctuation included', () => {
    const expected: Record<string, number> = {};
    for (const { doc, text } of [...paragraphs, ...footnotes]) expected[doc] = (expected[doc] ?? 0) + text.length;
    expect(Object.fromEntries(documentLengths(recordTexts(readDocumentFiles(content), readPassagesFile(content))))).toEqual(expected);
  });
});

describe('the word files', () => {
  const files = wordFiles(concordance);

  it('one for every word search knows, under its own name, holding its lines', () => {
    const { words, singles } = vocabularyOf(records);
    const held = new Set([...files.values()].map((f) => f.word));
    expect([...words, ...singles].filter((w) => !held.has(w))).toEqual([]);
    for (const [name, file] of files) expect(name).toBe(wordFileName(file.word));
    const file = files.get(wordFileName('城市群'))!;
    expect(file.lines.map((t) => unpackLine(t, file.word))).toEqual(concordance.get('城市群'));
  });

  it('keep a word’s form only where the text has it otherwise', () => {
    const file = files.get(wordFileName('castells'))!;
    expect(file.lines.map((t) => t[6])).toEqual(['Castells']);
    expect(files.get(wordFileName('城市群'))!.lines.every((t) => t.length === 6)).toBe(true);
  });

  it('stop the build when two words would share a file', () => {
    // 'costarring' and 'liquid' are a known FNV-1a 32-bit collision.
    expect(wordFileName('costarring')).toBe(wordFileName('liquid'));
    const line = concordance.get('城市群')![0]!;
    expect(() => wordFiles(new Map([['costarring', [line]], ['liquid', [line]]]))).toThrow('the words “costarring” and “liquid” have the same file name');
  });
});

describe('the traditional forms of the texts’ characters', () => {
  const { words, singles } = vocabularyOf(records);
  const chars = [...new Set([...singles, ...words.join('')])];
  const toTraditional = (['t', 'tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
  const simplify = simplifier(traditionalPairs([...words, ...singles], toTraditional));
  const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });

  it('turns every word of the index written in traditional characters back into the texts’ word', () => {
    // A form the texts use themselves stays as it is (像 of 想像 is the texts' 像), so such words are left out.
    const converted = words
      .map((word) => [word, toTraditional[0]!(word)] as const)
      .filter(([word, form]) => form !== word && [...form].every((c, i) => c === [...word][i] || !chars.includes(c)));
    expect(converted.length).toBeGreaterThan(100);
    for (const [word, form] of converted) expect(simplify(form)).toBe(word);
    expect(simplify(toTraditional[1]!('了解'))).toBe('了解');
  });

  it('keeps what the texts hold and characters they never use', () => {
    for (const { text } of paragraphs) expect(simplify(text)).toBe(text);
    expect(simplify('城市羣')).toBe('城市群');
    const foreign = [...'龘靐齉'].filter((c) => !chars.includes(c) && toSimplified(c) === c);
    for (const c of foreign) expect(simplify(c)).toBe(c);
  });
});
