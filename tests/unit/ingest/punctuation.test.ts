import { describe, expect, it } from 'vitest';
import { normalize } from '../../../scripts/ingest/normalize.ts';
import { fullWidthInChinese, repairPunctuation } from '../../../scripts/ingest/punctuation.ts';
import { splitForum, type ForumManifest } from '../../../scripts/ingest/split-forum.ts';
import { splitPaper, type PaperManifest } from '../../../scripts/ingest/split-paper.ts';
import type { Doc } from '../../../scripts/ingest/model.ts';
import { corpus } from './helpers.ts';

/** ASCII punctuation next to a Chinese character or Chinese punctuation: what the repair must leave none of. */
const ASCII_IN_CHINESE = /[\p{Script=Han}，。、；：？！“”《》（）][,:;?!()]|[,:;?!()][\p{Script=Han}，。、；：？！“”《》（）]/u;
const sources = ['000_c2828aad7ff16ed1.txt', '003_2578df0f50c35f19.txt'];

describe('fullWidthInChinese', () => {
  it.each([
    ['a comma between Chinese words', '地理场域,其发展格局', '地理场域，其发展格局'],
    ['the marks of an inlined citation', '①习近平:《高举》,北京:人民出版社,2022 年,第32 页。', '①习近平：《高举》，北京：人民出版社，2022 年，第32 页。'],
    ['brackets around Latin words in a Chinese sentence', '卡斯特(Manuel Castells)将空间', '卡斯特（Manuel Castells）将空间'],
    ['brackets that hold Chinese, at the start of a line', '(一)宏观机理:空间规划', '（一）宏观机理：空间规划'],
    ['a comma after a closing bracket it follows', '学报(哲学社会科学版),2023', '学报（哲学社会科学版），2023'],
    ['a comma after a number, before Chinese', '占66%,人口总量', '占66%，人口总量'],
    ['a question mark and a semicolon', '的逻辑?城市;其次', '的逻辑？城市；其次'],
  ])('sets %s full-width', (_, text, repaired) => {
    expect(fullWidthInChinese(text).text).toBe(repaired);
  });

  it.each([
    ['a time', '2024-03-01 01:52马雪松'],
    ['a question’s label before a space', '(1) 在发展新质生产力的整体语境下'],
    ['a list number’s lone bracket', '1) 发挥'],
    ['marks in Latin text', 'Castells, 1996: spaces (of flows)'],
    ['an address', 'http://example.org/a?b'],
  ])('leaves %s as it is', (_, text) => {
    expect(fullWidthInChinese(text)).toEqual({ text, marks: 0 });
  });

  it('counts the marks it sets, one character for one, so that columns stay the source’s', () => {
    const text = '北京:人民出版社,2022 年(第1 版)';
    const repaired = fullWidthInChinese(text);
    expect(repaired.marks).toBe(4);
    expect(repaired.text).toHaveLength(text.length);
  });

  it('works on whole characters beside a rare Han character outside the BMP', () => {
    expect(fullWidthInChinese('𠀀,好').text).toBe('𠀀，好');
  });
});

/** Every string of a document: its headings, paragraphs, caption, notes and metadata. */
function texts(doc: Doc): string[] {
  const strings: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk([doc.meta, doc.blocks, doc.notes]);
  return strings;
}

const manifest = JSON.parse(corpus('manifest.json')) as Record<string, { kind: 'forum' } & ForumManifest | { kind: 'paper' } & PaperManifest>;
const splitSource = (file: string) => {
  const lines = normalize(file, corpus(file));
  const m = manifest[file]!;
  return m.kind === 'forum' ? splitForum(file, lines, m) : splitPaper(file, lines, m);
};

describe('the punctuation repair on the documents of the two sources', () => {
  it.each(sources)('%s: leaves no ASCII punctuation in Chinese text, changes nothing else, and is its own fixed point', (file) => {
    const docs = splitSource(file).docs;
    const repaired = docs.map(repairPunctuation);
    expect(repaired.reduce((n, r) => n + r.marks, 0)).toBeGreaterThan(0);
    const left = repaired.flatMap((r) => texts(r.doc).filter((t) => ASCII_IN_CHINESE.test(t)).map((t) => `${r.doc.path}: ${t.slice(0, 40)}`));
    expect(left).toEqual([]);
    docs.forEach((doc, i) => expect(texts(repaired[i]!.doc).map((t) => t.normalize('NFKC'))).toEqual(texts(doc).map((t) => t.normalize('NFKC'))));
    expect(repaired.map((r) => repairPunctuation(r.doc).marks)).toEqual(docs.map(() => 0));
  });

  it('repairs the forum’s metadata too: an essay’s title and an affiliation', () => {
    const essays = splitSource(sources[0]!).docs.map((d) => repairPunctuation(d).doc.meta);
    expect(essays.map((m) => m.title)).toContain('发展新质生产力，推动城乡规划创新');
  });
});
