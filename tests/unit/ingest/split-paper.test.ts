import { describe, expect, it } from 'vitest';
import type { Block } from '../../../scripts/ingest/model.ts';
import { normalize } from '../../../scripts/ingest/normalize.ts';
import { plainText } from '../../../scripts/ingest/paragraphs.ts';
import { lineKind, splitPaper } from '../../../scripts/ingest/split-paper.ts';
import type { PaperMeta, PaperSectionMeta } from '../../../src/lib/schema.ts';
import { expectedFootnotes } from '../../helpers/corpus.ts';
import { lineWhere, paperMarkers, PAPER, withoutCitation, withoutMarker } from '../../fixtures/ingest/broken-sources.ts';
import { corpus, fixture, ingestError } from './helpers.ts';

const MINI = { title: '测试论文的题目', authors: ['张三', '李四'], journal: '测试学刊', year: 2024, issue: 1 };
const REAL = {
  title: '优化国土空间发展格局视域下推进城市群一体化发展的空间逻辑',
  authors: ['马雪松', '柏然'],
  journal: '云南社会科学',
  year: 2024,
  issue: 1,
};
const REAL_FILE = '003_2578df0f50c35f19.txt';

const split = (raw: string, manifest = MINI) => splitPaper('paper.txt', normalize('paper.txt', raw), manifest);
const allText = (blocks: Block[]) => blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : b.text)).join('\n');

describe('splitPaper on a small fixture', () => {
  const result = split(fixture('paper-mini.txt'));
  const [intro, one, two] = result.docs;

  it('makes the front matter with the introduction, then one document per section', () => {
    expect(result.docs.map((d) => d.path)).toEqual(['paper/index.md', 'paper/1.md', 'paper/2.md']);
    expect(intro!.meta).toMatchObject({ kind: 'paper', authors: ['张三', '李四'], journal: '测试学刊', year: 2024, issue: 1, keywords: '测试规划', footnoteCount: 6 });
    expect(one!.meta).toMatchObject({ n: 1, numeral: '一', title: '第一节的标题', footnotes: { first: 3, last: 5 } });
  });

  it('leaves out the scrape header and everything from 猜你喜欢 on', () => {
    const text = result.docs.map((d) => allText(d.blocks)).join('\n');
    for (const furniture of ['2024-03-01', '01:52', '测试学刊 2024年1期', '猜你喜欢', '别的文章']) expect(text).not.toContain(furniture);
    expect(result.removals.filter((r) => r.reason.startsWith('page furniture')).map((r) => r.text)).toEqual(['猜你喜欢', '测试规划', '别的文章']);
  });

  it('keeps subsections as headings and the table caption as a caption', () => {
    expect(one!.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph', 'caption']);
    expect(one!.blocks[3]).toEqual({ kind: 'caption', text: '表1 全国城市群规划编制情况', line: 21 });
  });

  it('numbers the footnotes 1–6 through the paper and leaves no citation text in the body', () => {
    const notes = result.docs.flatMap((d) => d.notes);
    expect(notes.map((n) => n.n)).toEqual([1, 2, 3, 4, 5, 6]);
    const body = result.docs.map((d) => allText(d.blocks)).join('');
    for (const note of notes) expect(body).not.toContain(note.text);
    expect(two!.notes[0]!.text).toBe('[美]某某:《另一本书》,某某译,北京:某出版社,2001 年,第518—524 页。');
  });
});

describe('splitPaper on malformed input', () => {
  const mini = fixture('paper-mini.txt');
  it.each([
    ['a journal line that disagrees with the manifest', mini.replace('测试学刊 2024年1期', '测试学刊 2023年4期'), 'paper.txt:4: journal line disagrees with the manifest'],
    ['a missing scrape header line', mini.replace('2024-03-01 01:52张三\n', ''), 'paper.txt:3: expected the scrape header\'s posting date'],
    ['a missing author line', mini.replace('张三 李 四', ''), 'paper.txt:9: expected the author line 张三 李四'],
    ['an unknown footnote form', mini.replace('《某学报》2023 年第1 期。', '某网站,2023 年访问。'), 'paper.txt:15: found footnote ③ followed by «赵六:《一篇文章》,某网站,2023 年…», which is not a citation'],
    ['no numbered section', mini.replace(/^[一二]、/gm, ''), 'expected numbered sections'],
  ])('fails on %s with file:line', (_, raw, message) => {
    expect(ingestError(() => split(raw)).message).toContain(message);
  });
});

const result = splitPaper(REAL_FILE, normalize(REAL_FILE, corpus(REAL_FILE)), REAL);

describe('splitPaper on the real paper', () => {

  it('has the introduction and sections 一、二、三', () => {
    expect(result.docs.map((d) => d.meta.kind === 'paper-section' ? `${d.meta.numeral} ${d.meta.title}` : d.meta.kind)).toEqual([
      'paper',
      '一 优化国土空间发展格局与城市群一体化发展的空间联系',
      '二 优化国土空间发展格局视域下城市群一体化发展的机理阐释',
      '三 新时期健全城市群一体化发展机制的路径选择',
    ]);
  });

  it('turns the 32 inlined citations into notes 1–32', () => {
    const notes = result.docs.flatMap((d) => d.notes);
    expect(notes.map((n) => n.n)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    expect((result.docs[0]!.meta as PaperMeta).footnoteCount).toBe(32);
    expect(result.docs.slice(1).map((d) => (d.meta as PaperSectionMeta).footnotes)).toEqual([
      { first: 5, last: 14 },
      { first: 15, last: 29 },
      { first: 30, last: 32 },
    ]);
  });

  it('has subsections (一)(二)(三) in section 二 only', () => {
    const headings = result.docs.map((d) => d.blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text.slice(0, 3) : '')));
    expect(headings).toEqual([[], [], ['(一)', '(二)', '(三)'], []]);
  });

  it('classifies the shapes of its lines', () => {
    expect(lineKind('表1 全国城市群规划编制情况')).toBe('caption');
    expect(lineKind('(二)中观机理:空间尺度与权力结构动态适配')).toBe('subsection');
    expect(lineKind('三、新时期健全城市群一体化发展机制的路径选择')).toBe('section');
    expect(lineKind('一方面,城市群一体化发展以多个核心城市的发展动能和扩散效应为依托。')).toBe('paragraph');
  });
});

describe('splitPaper on the real paper with one thing broken', () => {
  const splitReal = (text: string) => splitPaper(REAL_FILE, normalize(REAL_FILE, text), REAL);
  const markers = paperMarkers();

  it('breaks every footnote of the paper, as tests/helpers/corpus.ts reads them', () => {
    expect(markers.map((m) => [m.marker, m.line])).toEqual(expectedFootnotes().map((f) => [f.marker, f.line]));
  });

  it.each(markers.map((m, i) => [i + 1, m.marker, m] as const))('note %i (%s) without its marker: the citation left in the text is caught at its line', (_, __, m) => {
    expect(ingestError(() => splitReal(withoutMarker(m))).message).toMatch(new RegExp(`^${REAL_FILE}:${m.line}: found a citation in the text with no footnote marker`));
  });

  it.each(markers.map((m, i) => [i + 1, m.marker, m] as const))('note %i (%s) without its citation: the marker left alone is caught at its line', (_, marker, m) => {
    expect(ingestError(() => splitReal(withoutCitation(m))).message).toMatch(new RegExp(`^${REAL_FILE}:${m.line}: found footnote (marker )?${marker} `));
  });

  it('a subsection heading removed: the next one is caught, counting on from the one before', () => {
    const first = lineWhere(PAPER, (l) => l.startsWith('(一)'));
    const second = lineWhere(PAPER, (l) => l.startsWith('(二)'));
    const third = lineWhere(PAPER, (l) => l.startsWith('(三)'));
    const text = PAPER.split('\n').map((l, i) => (i + 1 === second ? '' : l)).join('\n');
    expect(ingestError(() => splitReal(text)).message).toBe(`${REAL_FILE}:${third}: found subsection (三) after «${PAPER.split('\n')[first - 1]}» on line ${first}; expected (二)`);
  });
});
