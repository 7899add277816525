/**
 * The word cutter (src/lib/segmenter.ts): the one jieba, with the themes'
 * terms as its user dictionary, that the ingest tags the themes with and the
 * build cuts the search index's words with, so that search and the theme
 * tags agree on what a word is.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths.ts';
import { readThemesFile } from '../../src/lib/content-files.ts';
import { jiebaSegmenter, joinLatin, wordCutter } from '../../src/lib/segmenter.ts';

const themes = readThemesFile(path.join(ROOT, 'content'));

describe('the word cutter', () => {
  it('is the ingest’s jieba: the same words, and one dictionary loaded once', () => {
    const text = '城市群一体化与新质空间力';
    expect(wordCutter(themes)(text)).toEqual(jiebaSegmenter(themes).cut(text));
    expect(() => wordCutter(themes.slice(1))).toThrow('already loaded with another user dictionary');
  });

  it('keeps the theme terms whole and letters together', () => {
    const cut = wordCutter(themes);
    expect(cut('城市群一体化与新质空间力')).toEqual(['城市群一体化', '与', '新质空间力']);
    expect(cut('卡斯特(Manuel Castells)')).toEqual(['卡斯特', '(', 'Manuel', ' ', 'Castells', ')']);
  });

  it('joins the letters and digits jieba leaves one by one, and nothing else', () => {
    expect(joinLatin(['C', 'a', 's', '3', 'D', ' ', 'x', '城', '市'])).toEqual(['Cas3D', ' ', 'x', '城', '市']);
  });
});
