/**
 * The search index's records (src/lib/search/records.ts): one per paragraph
 * and footnote of the real texts, and the extra words that let a query word
 * match inside or across the cut, but never across a word boundary.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths.ts';
import { readDocumentFiles, readThemesFile } from '../../../src/lib/content-files.ts';
import { readPassagesFile } from '../../../src/lib/passages.ts';
import { wordCutter } from '../../../src/lib/segmenter.ts';
import { buildRecords, extraWords, footnotesOf } from '../../../src/lib/search/records.ts';
import { expectedFootnotes } from '../../helpers/corpus.ts';
import { fold } from '../../helpers/pages.ts';

const content = path.join(ROOT, 'content');
const docs = readDocumentFiles(content);
const paragraphs = readPassagesFile(content);
const cut = wordCutter(readThemesFile(content));

describe('extraWords', () => {
  const vocabulary = ['城市', '城市群', '城市发展', '空间规划', '市发'];

  it('finds a word of the texts inside a longer word, and one over whole words', () => {
    expect(extraWords('城市群一体化', ['城市群一体化'], vocabulary)).toEqual(['城市', '城市群']);
    expect(extraWords('国土空间规划', ['国土空间规划'], vocabulary)).toEqual(['空间规划']);
    expect(extraWords('城市发展', ['城市', '发展'], vocabulary)).toEqual(['城市发展']);
  });

  it('never across a boundary of the cut, and never a word that is one already', () => {
    expect(extraWords('下城市', ['下城', '市'], vocabulary)).toEqual([]);
    expect(extraWords('大城市发展', ['大', '城市', '发展'], vocabulary)).toEqual(['城市发展']);
    expect(extraWords('人群和城市', ['人群', '和', '城市'], vocabulary)).toEqual([]);
  });
});

describe('the records of the texts', () => {
  const records = buildRecords(docs, paragraphs, cut);

  it(`one per paragraph of passages.json and one per footnote the source inlines (${expectedFootnotes().length})`, () => {
    expect(records.filter((r) => r.kind === 'paragraph').map((r) => r.id)).toEqual(paragraphs.map((p) => p.id));
    const notes = records.filter((r) => r.kind === 'footnote');
    expect(notes.map((r) => r.anchor)).toEqual(expectedFootnotes().map((f) => `fn-${f.n}`));
  });

  it('each footnote starts as the source’s inlined citation does, and names a paragraph of its own document', () => {
    const expected = expectedFootnotes();
    const notes = records.filter((r) => r.kind === 'footnote');
    // Folded: the ingest sets the citations' ASCII punctuation full-width (，for ,).
    const wrong = notes.filter((r, i) => !fold(r.content).startsWith(fold(expected[i]!.start)) || !paragraphs.some((p) => p.doc === r.doc && `p${p.p}` === r.citedIn));
    expect(wrong.map((r) => r.id)).toEqual([]);
  });

  it('each record’s words give its text back, and its page and authors are its document’s', () => {
    const byKey = new Map(docs.map((d) => [d.key, d]));
    for (const r of records) {
      expect(r.words.join(''), r.id).toBe(r.content);
      expect(r.page).toBe(byKey.get(r.doc)!.path);
      expect(r.authors).toEqual(byKey.get(r.doc)!.authors);
    }
  });

  it('keeps a word that occurs in a text whole: 城市群 is a word or an extra word of every passage that holds it', () => {
    const missing = records.filter((r) => r.content.includes('城市群') && !r.words.includes('城市群') && !r.extras.includes('城市群'));
    expect(missing.map((r) => r.id)).toEqual([]);
  });

  it('stops with the record’s name when a text holds a character the index reserves', () => {
    const bad = paragraphs.map((p, i) => (i === 3 ? { ...p, text: `${p.text}¶` } : p));
    expect(() => buildRecords(docs, bad, cut)).toThrow(`search index: ${paragraphs[3]!.id} holds “¶”`);
  });

  it('stops with the footnote’s number when no paragraph carries its reference', () => {
    const section = docs.find((d) => d.key === 'paper-1')!;
    const body = section.body.replace('[^9]', '');
    expect(() => footnotesOf({ ...section, body }, paragraphs)).toThrow('footnote 9 of paper-1: no paragraph of passages.json carries its reference [^9]');
  });
});
