/**
 * The site's word cutter (src/lib/segmenter.ts) cuts with the dictionary the
 * ingest tags the themes with, so that search and the theme tags agree on
 * what a word is.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/paths.ts';
import { buildUserDict } from '../../scripts/ingest/tag.ts';
import { readThemesFile } from '../../src/lib/content-files.ts';
import { joinLatin, userDictionary, wordCutter } from '../../src/lib/segmenter.ts';

const themes = readThemesFile(path.join(ROOT, 'content'));

describe('the word cutter', () => {
  it('uses the ingest’s user dictionary, the themes’ terms', () => {
    expect(userDictionary(themes)).toBe(buildUserDict(themes));
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
