/**
 * The words of search: how a record's words travel through Pagefind and
 * back, and how a query is cut, checked on the real texts against the
 * site's word cutter (jieba with the themes' dictionary).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';
import { ROOT } from '../../../scripts/lib/paths.ts';
import { readDocumentFiles, readThemesFile } from '../../../src/lib/content-files.ts';
import { readPassagesFile } from '../../../src/lib/passages.ts';
import { wordCutter } from '../../../src/lib/segmenter.ts';
import { buildRecords, vocabularyOf } from '../../../src/lib/search/records.ts';
import { cutHan, decodeRecord, encodeRecord, indexForm, packWords, queryUnits, unpackWords } from '../../../src/lib/search/words.ts';

const content = path.join(ROOT, 'content');
const themes = readThemesFile(content);
const cut = wordCutter(themes);
const records = buildRecords(readDocumentFiles(content), readPassagesFile(content), cut);
const vocabulary = vocabularyOf(records);
const words = new Set(vocabulary.words);
const singles = new Set(vocabulary.singles);

describe('a record through Pagefind and back', () => {
  it('gives back every record’s text, words and extra words exactly', () => {
    const wrong = records.filter((r) => {
      const back = decodeRecord(encodeRecord(r.words, r.extras));
      return back.text !== r.content || back.words.join('|') !== r.words.join('|') || back.extras.join('|') !== r.extras.join('|');
    });
    expect(wrong.map((r) => r.id)).toEqual([]);
  });

  it('keeps the text’s own spaces, letters’ case and punctuation, and ends only indexed words', () => {
    const encoded = encodeRecord(['卡斯特', '(', 'Manuel', ' ', 'Castells', ')', '2018', ' ', '年'], ['斯特']);
    expect(encoded).toBe('卡斯特_ ( Manuel_ \u2423 Castells_ ) 2018_ \u2423 年_ \u00b6 斯特_');
    expect(decodeRecord(encoded).text).toBe('卡斯特(Manuel Castells)2018 年');
  });

  it('gives back words that hold or end in the word-end mark itself', () => {
    const words = ['__pwned', '=', 'x_', '_', '(', 'a_b', ')'];
    expect(decodeRecord(encodeRecord(words)).words).toEqual(words);
  });

  it('writes a query word as the index holds it', () => {
    expect(indexForm('Castells')).toBe('castells_');
    expect(indexForm('城市群')).toBe('城市群_');
  });
});

describe('the vocabulary the browser gets', () => {
  it('unpacks to the same words', () => {
    expect(unpackWords(packWords(vocabulary.words))).toEqual(vocabulary.words);
    expect(packWords(['城市', '城市群', '都市圈'])).toBe('城市 市群\n都市圈');
  });
});

describe('cutting a query', () => {
  it('takes as few words as the vocabulary allows, the longer first', () => {
    expect(cutHan('城市群一体化发展', new Set(['城市', '城市群', '一体化', '城市群一体化', '发展']))).toEqual(['城市群一体化', '发展']);
    expect(cutHan('ab', new Set())).toEqual(['a', 'b']);
  });

  it('keeps every theme term one word, as the index does', () => {
    const terms = [...new Set(themes.flatMap((t) => t.terms))];
    const split = terms.filter((t) => {
      const units = queryUnits(t, words, singles);
      return units.length !== 1 || units[0]!.words.join('') !== t || units[0]!.words.length !== 1;
    });
    expect(split).toEqual([]);
  });

  it('cuts the gold set’s queries as the index’s cutter cuts them, single characters side by side kept as one phrase', () => {
    const gold = (parse(readFileSync(path.join(ROOT, 'tests', 'search-gold.yaml'), 'utf8')) as { q: string; kind: string }[]).filter((g) => g.kind !== 'traditional');
    const differ = gold.flatMap(({ q }) =>
      q.split(' ').flatMap((term) => {
        const ours = queryUnits(term, words, singles).flatMap((u) => u.words);
        const jieba = cut(term).map((w) => w.toLowerCase());
        return ours.join('|') === jieba.join('|') ? [] : [`${term}: ${ours.join('|')} ≠ jieba ${jieba.join('|')}`];
      }),
    );
    expect(differ).toEqual([]);
  });

  it('keeps a name the index holds character by character as one phrase, and letters as one lowercased word', () => {
    expect(queryUnits('方创琳', words, singles)).toEqual([{ text: '方创琳', words: ['方', '创', '琳'], known: true }]);
    expect(queryUnits('Castells', words, singles)).toEqual([{ text: 'Castells', words: ['castells'], known: true }]);
  });

  it('says when the index does not know a unit: 羣 is in no text', () => {
    expect(queryUnits('城市羣', words, singles)).toEqual([
      { text: '城市', words: ['城市'], known: true },
      { text: '羣', words: ['羣'], known: false },
    ]);
  });
});
