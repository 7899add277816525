import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../scripts/ingest/pipeline.ts';
import type { Source } from '../../../scripts/ingest/read.ts';
import { jiebaSegmenter } from '../../../src/lib/segmenter.ts';
import { parseThemes } from '../../../scripts/ingest/themes.ts';
import { FIXTURES, fixture } from './helpers.ts';

const themes = parseThemes('themes.yaml', readFileSync(join(FIXTURES, 'themes.yaml'), 'utf8'));
const themesInput = { file: 'themes.yaml', themes, segmenter: jiebaSegmenter(themes.map((t) => t.theme)) };
const manifest = JSON.parse(fixture('manifest.json'));
const utf8 = (text: string) => new TextEncoder().encode(text);
const sources = (forum: string): Source[] => [
  { file: 'forum-mini.txt', raw: utf8(forum), manifest: manifest['forum-mini.txt'] },
  { file: 'paper-mini.txt', raw: utf8(fixture('paper-mini.txt')), manifest: manifest['paper-mini.txt'] },
];

describe('ingest', () => {
  it('keeps an affiliation that has brackets of its own, as printed', () => {
    const forum = fixture('forum-mini.txt').replace('丙丁戊(某大学建筑学院教授,博士生导师)', '丙丁戊(某大学(北京)建筑学院教授)');
    const result = ingest(sources(forum), themesInput);
    // Whole, inner brackets and all; set full-width like the rest of the Chinese text's punctuation.
    expect(result.files.get('forum/bing-dingwu.md')).toContain('affiliation: 某大学（北京）建筑学院教授\n');
  });

  it('keeps web addresses in the text as text, not as links', () => {
    const forum = fixture('forum-mini.txt').replace('【主编按语】这是编者按的第一段。', '【主编按语】详见 http://example.com/a_b 或 www.example.com。');
    const note = ingest(sources(forum), themesInput).files.get('forum/index.md')!;
    expect(note).toContain('http\\://example.com/a\\_b 或 www\\.example.com。');
  });

  it('writes every passage with its document, paragraph number, source lines and themes', () => {
    const passages = JSON.parse(ingest(sources(fixture('forum-mini.txt')), themesInput).files.get('passages.json')!);
    expect(passages.find((p: { id: string }) => p.id === 'jia-yi:p1')).toMatchObject({
      doc: 'jia-yi',
      p: 1,
      from: 19,
      to: 21,
      themes: [{ id: 'xinzhi-shengchanli', matches: [{ term: '新质生产力', at: 12 }, { term: '新质生产力', at: 33 }] }],
    });
  });

  it('keeps each passage’s words: its nouns of two or more characters, each once, theme terms whole', () => {
    const passages = JSON.parse(ingest(sources(fixture('forum-mini.txt')), themesInput).files.get('passages.json')!);
    const p1 = passages.find((p: { id: string }) => p.id === 'jia-yi:p1');
    // “这一段在页末被截断，需要新质生产力的有力支撑。习近平总书记指出：“新质生产力是先进生产力。””:
    // 新质生产力 whole and once, though named twice; 先进生产力 is not a theme term of the fixture, and is cut.
    expect(p1.words.filter((w: string) => w === '新质生产力')).toHaveLength(1);
    expect(p1.words).toContain('生产力');
    for (const p of passages) {
      expect(new Set(p.words).size, p.id).toBe(p.words.length);
      for (const w of p.words) expect(p.text, `${p.id}: ${w}`).toContain(w);
      for (const w of p.words) expect(w, p.id).toMatch(/^\p{Script=Han}{2,}$/u);
    }
  });
});
