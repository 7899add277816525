import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JIEBA_DICTIONARY, jiebaSegmenter, userDictionary, type Segmenter } from '../../../src/lib/segmenter.ts';
import { isKeyword, tagText, themesBySubstring, topKeywords } from '../../../scripts/ingest/tag.ts';
import { parseThemes } from '../../../scripts/ingest/themes.ts';
import type { Theme } from '../../../src/lib/schema.ts';
import { ingestError } from './helpers.ts';

const THEMES_FILE = join(import.meta.dirname, '../../../content/themes.yaml');
const themes: Theme[] = parseThemes('content/themes.yaml', readFileSync(THEMES_FILE, 'utf8')).map((t) => t.theme);

// Sentences from the corpus (王凯, 王富海, the paper's section 一).
const WANG_KAI = '城市发展从“扩张发展”到“存量更新”是中国城市发展的必然规律。';
const WANG_FUHAI = '加快发展新质生产力，需要城市规划更新“生产关系”。';
const PAPER = '城市群一体化发展是优化国土空间发展格局下增强空间要素流动的重要方式。';

// The words of jieba's own dictionary (one `word frequency tag` line each), read rather than loaded:
// jieba holds one dictionary per process, the themes' one in these tests.
const jiebaWords = new Set(readFileSync(JIEBA_DICTIONARY, 'utf8').split('\n').map((line) => line.split(' ')[0]));
const segmenter = jiebaSegmenter(themes);

describe('userDictionary', () => {
  it('gives every distinct term one line with a frequency and a tag, sorted', () => {
    const dict = userDictionary([
      { id: 'a', name: '甲', description: '甲。', terms: ['城市群', '存量更新'] },
      { id: 'b', name: '乙', description: '乙。', terms: ['城市群', '都市圈'] },
    ]);
    expect(dict).toBe('城市群 100000 n\n存量更新 100000 n\n都市圈 100000 n\n');
  });
});

describe('tagText with the theme dictionary', () => {
  it('keeps terms whole that jieba alone would split', () => {
    expect(jiebaWords.has('城市')).toBe(true);
    expect(jiebaWords.has('存量更新')).toBe(false);
    expect(jiebaWords.has('新质生产力')).toBe(false);
    expect(segmenter.cut(WANG_KAI)).toContain('存量更新');
    expect(segmenter.cut(WANG_FUHAI)).toContain('新质生产力');
  });

  it('tags 王凯’s sentence with 存量更新与城市更新 and says where the term stands', () => {
    const tags = tagText(WANG_KAI, themes, segmenter);
    expect(tags).toEqual([{ id: 'cunliang-gengxin', matches: [{ term: '存量更新', at: WANG_KAI.indexOf('存量更新') }] }]);
  });

  it('tags the paper’s sentence with both 城市群 and 国土空间 themes', () => {
    const ids = tagText(PAPER, themes, segmenter).map((t) => t.id);
    expect(ids).toEqual(['chengshiqun-dushiquan', 'guotu-kongjian-zhili']);
    expect(ids).toEqual(themesBySubstring(PAPER, themes));
  });

  it('does not tag a term that only appears across a word boundary', () => {
    // 民生 stands inside 人民生产 here, which is why it is not a theme term.
    const text = '社会发展与人民生产生活需要。';
    expect(segmenter.cut(text)).not.toContain('民生');
  });
});

describe('topKeywords', () => {
  /** jieba stubbed with fixed TF-IDF weights, to show how they are weighed. */
  const weights = (table: Record<string, number>): Segmenter => ({
    ...segmenter,
    extract: (text) => Object.entries(table).filter(([word]) => text.includes(word)).map(([word, weight]) => ({ word, weight })).sort((x, y) => y.weight - x.weight),
  });

  it('weighs jieba’s TF-IDF down by how many documents use a word, so that each list says what sets its document apart', () => {
    const stub = weights({ 城市群: 5, 发展: 4, 权力: 2, 生产关系: 3, 存量: 1 });
    const docs = [
      { text: '城市群 发展 权力', words: ['城市群', '发展', '权力'] },
      { text: '发展 生产关系', words: ['发展', '生产关系'] },
      { text: '发展 城市群 存量', words: ['发展', '城市群', '存量'] },
    ];
    // 发展, in every document, ranks below the words only some use; ties would go to code-point order.
    expect(topKeywords(docs, stub, 2, [])).toEqual([['城市群', '权力'], ['生产关系', '发展'], ['城市群', '存量']]);
  });

  it('keeps only the document’s keyword candidates, and no part of a person’s name', () => {
    const stub = weights({ 富海: 9, 非名词: 8, 城市: 1 });
    expect(topKeywords([{ text: '富海 非名词 城市', words: ['富海', '城市'] }], stub, 3, ['王富海'])).toEqual([['城市']]);
  });

  it('on the corpus: no role or title (教授, 院长, 专家学者, 编辑部), no part of an expert’s name, eight per document', () => {
    const passages = JSON.parse(readFileSync(join(import.meta.dirname, '../../../content/passages.json'), 'utf8')) as { doc: string; text: string }[];
    const docs = [...new Set(passages.map((p) => p.doc))].map((doc) => {
      const text = passages.filter((p) => p.doc === doc).map((p) => p.text).join('\n');
      return { text, words: segmenter.tag(text).filter(isKeyword).map((t) => t.word) };
    });
    const experts = readFileSync(join(import.meta.dirname, '../../../content/sources/000_c2828aad7ff16ed1.txt'), 'utf8').split('\n')[4]!.trim().split(/\s+/);
    const lists = topKeywords(docs, segmenter, 8, experts);
    expect(lists.map((l) => l.length)).toEqual(docs.map(() => 8));
    const all = lists.flat();
    expect(all.filter((w) => ['教授', '院长', '专家学者', '编辑部'].includes(w))).toEqual([]);
    expect(all.filter((w) => experts.some((name) => name.includes(w)))).toEqual([]);
  });
});

describe('isKeyword', () => {
  it('keeps nouns of two or more Chinese characters only', () => {
    expect(isKeyword({ word: '城市群', tag: 'n' })).toBe(true);
    expect(isKeyword({ word: '城', tag: 'n' })).toBe(false);
    expect(isKeyword({ word: '加快', tag: 'v' })).toBe(false);
    expect(isKeyword({ word: '一方面', tag: 'n' })).toBe(false);
    expect(isKeyword({ word: '2035', tag: 'm' })).toBe(false);
  });

  it('leaves out roles and titles, people’s names, and phrases with 的', () => {
    for (const role of ['教授', '院长', '专家学者', '编辑部', '规划师']) expect(isKeyword({ word: role, tag: 'n' }), role).toBe(false);
    expect(isKeyword({ word: '王凯', tag: 'nr' })).toBe(false);
    expect(isKeyword({ word: '人的需求', tag: 'n' })).toBe(false);
  });
});

describe('parseThemes', () => {
  it('reads every theme of content/themes.yaml, in order, with its terms', () => {
    const ids = [...readFileSync(THEMES_FILE, 'utf8').matchAll(/^- id: (\S+)$/gm)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThan(0);
    expect(themes.map((t) => t.id)).toEqual(ids);
    expect(themes.map((t) => t.name)).toContain('存量更新与城市更新');
    for (const t of themes) expect(t.terms.length, t.id).toBeGreaterThan(0);
  });

  it.each([
    ['a duplicate id', '- {id: a-b, name: 甲, description: 甲。, terms: [城市]}\n- {id: a-b, name: 乙, description: 乙。, terms: [乡村]}\n', 't.yaml:2: a second theme with id a-b'],
    ['a one-character term', '- id: a-b\n  name: 甲\n  description: 甲。\n  terms: [城]\n', 't.yaml:1: theme terms.0'],
    ['a duplicate term', '- id: a-b\n  name: 甲\n  description: 甲。\n  terms: [城市, 乡村, 城市]\n', 't.yaml:4: term 城市 is listed twice'],
    ['broken YAML', '- id: [a\n', 't.yaml:'],
  ])('fails on %s with file:line', (_, text, message) => {
    expect(ingestError(() => parseThemes('t.yaml', text)).message).toContain(message);
  });
});
