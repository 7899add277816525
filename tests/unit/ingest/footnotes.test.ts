import { describe, expect, it } from 'vitest';
import { CIRCLED, extractFootnotes, newFootnoteCounter } from '../../../scripts/ingest/footnotes.ts';
import { ingestError } from './helpers.ts';

const extract = (text: string, counter = newFootnoteCounter()) => extractFootnotes('p.txt', 9, text, counter);

describe('extractFootnotes', () => {
  it.each([
    [
      'a book with a page',
      '协调发展格局。”①习近平:《报告》,北京:人民出版社,2022 年,第32 页。中国经济社会发展',
      ['协调发展格局。”', { note: 1 }, '中国经济社会发展'],
      '习近平:《报告》,北京:人民出版社,2022 年,第32 页。',
    ],
    [
      'a book with a page range',
      '流动空间。②[美]曼纽尔·卡斯特:《网络社会的崛起》,北京:社会科学文献出版社,2001 年,第518—524 页。中国的',
      ['流动空间。', { note: 1 }, '中国的'],
      '[美]曼纽尔·卡斯特:《网络社会的崛起》,北京:社会科学文献出版社,2001 年,第518—524 页。',
    ],
    [
      'a journal issue',
      '重要内容。③颜昌武、杨怡宁:《什么是空间治理》,《广西师范大学学报(哲学社会科学版)》2023 年第1 期。从发展实践来看',
      ['重要内容。', { note: 1 }, '从发展实践来看'],
      '颜昌武、杨怡宁:《什么是空间治理》,《广西师范大学学报(哲学社会科学版)》2023 年第1 期。',
    ],
    [
      'a newspaper date',
      '引领带动作用。⑦《粤港澳大湾区发展规划纲要》,《人民日报》2019 年2 月19 日。另一方面',
      ['引领带动作用。', { note: 1 }, '另一方面'],
      '《粤港澳大湾区发展规划纲要》,《人民日报》2019 年2 月19 日。',
    ],
    [
      'a repeated source with only pages',
      '协调合作制度。①方雷、钟世红等:《跨区域治理的行政制度供给》,第131 页。随着',
      ['协调合作制度。', { note: 1 }, '随着'],
      '方雷、钟世红等:《跨区域治理的行政制度供给》,第131 页。',
    ],
    [
      'a footnote followed by 。 (the marker stood before the full stop)',
      '生态共建环境共治”①《纲要》,北京:人民出版社,2021年,第79页。。在城市群',
      ['生态共建环境共治”', { note: 1 }, '。在城市群'],
      '《纲要》,北京:人民出版社,2021年,第79页。',
    ],
    [
      'a footnote that ends the paragraph',
      '高质量发展。③樊杰、周侃:《理论思考》,《中国土地科学》2021 年第9 期。',
      ['高质量发展。', { note: 1 }],
      '樊杰、周侃:《理论思考》,《中国土地科学》2021 年第9 期。',
    ],
  ])('moves %s into a note and leaves the reference where the marker stood', (_, text, parts, note) => {
    const marker = [...text].find((c) => CIRCLED.includes(c))!;
    // a marker is valid right after the one before it on the same printed page
    const result = extract(text, { last: 0, lastMarker: CIRCLED.indexOf(marker) - 1 });
    expect(result.parts).toEqual(parts);
    expect(result.notes.map((n) => n.text)).toEqual([note]);
    expect(result.removals).toHaveLength(1);
  });

  it('numbers notes through the paper although markers restart on every printed page', () => {
    const counter = newFootnoteCounter();
    extract('甲。①张:《书》,第1 页。乙。②王:《文》,《刊》2020 年第1 期。', counter);
    const second = extract('丙。①李:《书》,第2 页。', counter);
    expect(second.notes).toEqual([{ n: 3, text: '李:《书》,第2 页。', line: 9 }]);
    expect(counter.last).toBe(3);
  });

  it('fails on a citation with no known ending, naming the line', () => {
    const error = ingestError(() => extract('正文。①张三:《某网站》,2020 年访问。正文继续。'));
    expect(error.message).toMatch(/^p\.txt:9: found footnote ① followed by «张三:《某网站》,2020 年访问。…», which is not a citation; expected the citation right after the marker: /);
  });

  it('fails when a citation runs into the next marker', () => {
    const error = ingestError(() => extract('正文。①张三:《书》②李四:《书》,第2 页。'));
    expect(error.message).toContain('p.txt:9: found footnote ① running into marker ② («张三:《书》②»)');
  });

  it('fails on markers out of sequence', () => {
    const counter = newFootnoteCounter();
    extract('甲。①张:《书》,第1 页。', counter);
    expect(ingestError(() => extract('乙。③王:《书》,第2 页。', counter)).message).toBe('p.txt:9: found footnote marker ③ after ①; expected ② or a new page\'s ①');
  });

  it.each([
    ['a book', '正文王五:《一本书》,北京:人民出版社,2022 年,第32 页。继续。', '…:人民出版社,2022 年,第32 页。'],
    ['a journal', '正文。①张:《书》,第1 页。又一句陈:《文》,《刊》2013 年第11 期。', '…:《文》,《刊》2013 年第11 期。'],
  ])('fails on a citation of %s left in the text without its marker', (_, text, shown) => {
    expect(ingestError(() => extract(text)).message).toBe(`p.txt:9: found a citation in the text with no footnote marker (${shown}); expected a circled marker ①…⑳ where the citation starts`);
  });

  it('fails on a marker that ends its line with no citation', () => {
    expect(ingestError(() => extract('正文。①')).message).toContain('p.txt:9: found footnote marker ① at the end of the line, with no citation after it');
  });
});
