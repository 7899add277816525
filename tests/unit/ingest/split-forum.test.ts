import { describe, expect, it } from 'vitest';
import type { Block, Doc } from '../../../scripts/ingest/model.ts';
import { normalize } from '../../../scripts/ingest/normalize.ts';
import { plainText } from '../../../scripts/ingest/paragraphs.ts';
import { isEssayHeading, splitForum } from '../../../scripts/ingest/split-forum.ts';
import type { EssayMeta, ForumMeta } from '../../../src/lib/schema.ts';
import { corpus, fixture, ingestError } from './helpers.ts';

const MINI = { title: '“测试与规划”学术笔谈', journal: '测试学刊', year: 2024 };
const REAL = { title: '“新质生产力与城乡规划”学术笔谈', journal: '城市规划学刊', year: 2024 };
const REAL_FILE = '000_c2828aad7ff16ed1.txt';

const split = (raw: string, manifest = MINI) => splitForum('forum.txt', normalize('forum.txt', raw), manifest);
const blockTexts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : `## ${b.text}`));
const essays = (docs: Doc[]) => docs.filter((d) => d.meta.kind === 'essay').map((d) => d.meta as EssayMeta);

describe('splitForum on a small fixture', () => {
  const result = split(fixture('forum-mini.txt'));

  it('makes the forum document and one essay per expert, in source order', () => {
    expect(result.docs.map((d) => d.path)).toEqual(['forum/index.md', 'forum/jia-yi.md', 'forum/bing-dingwu.md']);
  });

  it('reads affiliations inside full-width and half-width brackets', () => {
    expect(essays(result.docs).map((e) => [e.author, e.affiliation])).toEqual([
      ['甲乙', '某某研究院院长，教授'],
      ['丙丁戊', '某大学建筑学院教授,博士生导师'],
    ]);
  });

  it('makes numbered headings into headings and keeps numbered lead-ins as paragraphs', () => {
    expect(blockTexts(result.docs[1]!.blocks)).toEqual([
      '## 1. 第一个小节标题',
      '这一段在页末被截断，需要新质生产力的有力支撑。习近平总书记指出：“新质生产力是先进生产力。”',
      '1.空间升级效应。这是以编号开头的段落，不是标题。',
      '1) 这是另一种编号段落，也不是标题。',
      '## 2. 第二个小节标题',
      '本段落以冒号结束，后面是新的段落：',
      '借鉴古今中外整体国家空间布局经验（如经济特区和对外开放经验）。',
    ]);
    expect(result.joins).toBe(2);
  });

  it('keeps the closing lines as forum metadata, not essay text', () => {
    const forum = result.docs[0]!.meta as ForumMeta;
    expect(forum.remark).toBe('(排名不分先后,限于篇幅略有删减)');
    expect(forum.revised).toBe('2024-07');
    expect(blockTexts(result.docs[2]!.blocks).join('')).not.toContain('排名不分先后');
  });

  it('lists for each question the experts its discussion names, in the order named', () => {
    expect((result.docs[0]!.meta as ForumMeta).questions).toEqual([
      { n: 1, text: '第一个问题是什么？', experts: ['bing-dingwu', 'jia-yi'] },
    ]);
  });
});

describe('splitForum on malformed input', () => {
  const mini = fixture('forum-mini.txt');

  it.each([
    ['a missing author line', mini.replace('甲乙（某某研究院院长，教授）', '某某研究院院长'), 'forum.txt:5: found no essay by 甲乙, who is listed here; expected a title line, then the author line 甲乙（单位，职务）'],
    ['an essay with no body', mini.replace('这是第二篇文章的正文，里面有 *星号* 和 <b>标签</b> 与 [方括号]。\n', ''), 'forum.txt:37: the essay of 丙丁戊 has no body'],
    ['no revision date at the end', mini.replace('修回:2024-07', ''), 'forum.txt:41: expected the closing line 修回:YYYY-MM'],
    ['a title that differs from the manifest', mini.replace('“测试与规划”学术笔谈', '别的标题'), 'forum.txt:3: title 别的标题 differs'],
    ['an essay that ends mid-sentence', mini.replace('开放经验）。', '开放经验'), 'forum.txt:33: paragraph stops mid-sentence'],
    ['essays in another order than the list', mini.replace('甲乙 丙丁戊', '丙丁戊 甲乙'), "forum.txt:15: found 甲乙's essay; expected 丙丁戊's essay here, the next name in that list, in the order of the list on line 5"],
    ['a second essay by one expert', mini.replace('丙丁戊(某大学', '甲乙(某大学'), 'forum.txt:37: found a second essay by 甲乙 (the first is at line 15); expected one essay per expert'],
    ['a name in the list that is not a name', mini.replace('甲乙 丙丁戊', '甲乙 丙丁戊。'), 'forum.txt:5: found «丙丁戊。» in the list of experts; expected names of 2 to 4 Chinese characters'],
  ])('fails on %s with file:line', (_, raw, message) => {
    expect(ingestError(() => split(raw)).message).toContain(message);
  });
});

describe('splitForum on the real forum', () => {
  const result = splitForum(REAL_FILE, normalize(REAL_FILE, corpus(REAL_FILE)), REAL);
  const byPath = new Map(result.docs.map((d) => [d.path, d]));

  it('finds the 11 experts in source order, with their slugs', () => {
    expect(essays(result.docs).map((e) => `${e.order} ${e.author} ${e.slug}`)).toEqual([
      '1 王凯 wang-kai', '2 赵燕菁 zhao-yanjing', '3 张京祥 zhang-jingxiang', '4 袁昕 yuan-xin',
      '5 赵志荣 zhao-zhirong', '6 王兴平 wang-xingping', '7 于涛方 yu-taofang', '8 王伟 wang-wei',
      '9 王富海 wang-fuhai', '10 王世福 wang-shifu', '11 王兰 wang-lan',
    ]);
  });

  it('joins the paragraphs a printed page break cut in two, including short continuations', () => {
    const zhang = blockTexts(byPath.get('forum/zhang-jingxiang.md')!.blocks);
    expect(zhang[0]).toMatch(/^实现高质量发展的目标，需要新质生产力的有力支撑。习近平总书记指出/);
    const wang = blockTexts(byPath.get('forum/wang-kai.md')!.blocks);
    expect(wang.some((t) => t.includes('也是面对面交流的公共空间。这种复杂多变的场景'))).toBe(true);
    expect(wang.some((t) => t.startsWith('公共空间。'))).toBe(false);
    expect(result.joins).toBe(13);
  });

  it('gives 王伟 ten numbered lead-in paragraphs and no section headings', () => {
    const wei = byPath.get('forum/wang-wei.md')!.blocks;
    expect(wei.filter((b) => b.kind === 'heading')).toEqual([]);
    expect(blockTexts(wei).filter((t) => /^\d+\.\s*\S+效应。/.test(t))).toHaveLength(10);
  });

  it('maps the three questions to the experts the editor names under each', () => {
    const questions = (byPath.get('forum/index.md')!.meta as ForumMeta).questions;
    expect(questions.map((q) => q.experts)).toEqual([
      ['yu-taofang', 'wang-wei', 'zhao-zhirong', 'wang-fuhai'],
      ['yuan-xin', 'wang-xingping', 'wang-kai', 'zhang-jingxiang'],
      ['wang-lan', 'zhao-yanjing', 'wang-shifu'],
    ]);
  });

  it('tells numbered headings from numbered paragraphs', () => {
    expect(isEssayHeading('3.在空间管控上,关注创新发展的不确定性,以刚弹结合的方式激活创新空间')).toBe(true);
    expect(isEssayHeading('1.空间升级效应。通过城市更新改造老旧厂房。')).toBe(false);
    expect(isEssayHeading('1) 发挥人类智能与人工智能双重优势')).toBe(false);
  });
});
