import { describe, expect, it } from 'vitest';
import type { Block } from '../../../scripts/ingest/model.ts';
import { endsSentence, joinPageBreaks, plainText } from '../../../scripts/ingest/paragraphs.ts';
import { ingestError } from './helpers.ts';

const para = (text: string, n: number): Block => ({ kind: 'paragraph', parts: [text], from: n, to: n });
const heading = (text: string, n: number): Block => ({ kind: 'heading', text, line: n });
const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : `#${b.text}`));

describe('endsSentence', () => {
  it.each([
    ['有效支撑。', true],
    ['几方面予以展开：', true],
    ['就引发两种场景:', true],
    ['“护城河”。', true],
    ['先进生产力质态。”', true],
    ['需要新质生产力的有力支撑。习', false],
    ['也是面对面交流的', false],
    ['活动的影响。“新', false],
    ['数字经济、人工智能、', false],
    ['（如经济特区和对外', false],
    ['称之为“生产关系”', false],
  ])('%s → %s', (text, expected) => {
    expect(endsSentence(text)).toBe(expected);
  });
});

describe('joinPageBreaks', () => {
  it('joins a paragraph cut mid-sentence with the next, even one short enough to look like a heading', () => {
    const { blocks, joins } = joinPageBreaks('f.txt', [
      para('实现高质量发展的目标，需要新质生产力的有力支撑。习', 77),
      para('近平总书记指出：“新质生产力……质态。”', 79),
      para('人是生产力中最活跃的因素……也是面对面交流的', 39),
      para('公共空间。这种复杂多变的场景，也是重要发力点。', 41),
    ]);
    expect(joins).toBe(2);
    expect(texts(blocks)).toEqual([
      '实现高质量发展的目标，需要新质生产力的有力支撑。习近平总书记指出：“新质生产力……质态。”',
      '人是生产力中最活跃的因素……也是面对面交流的公共空间。这种复杂多变的场景，也是重要发力点。',
    ]);
    expect(blocks[0]).toMatchObject({ from: 77, to: 79 });
  });

  it('never joins paragraphs that end a sentence, nor a heading with what follows', () => {
    const { blocks, joins } = joinPageBreaks('f.txt', [
      para('规划行业需要：', 155),
      para('1) 发挥人类智能与人工智能双重优势。', 157),
      heading('2. 面向新质生产力与城乡人居巨系统', 177),
      para('复杂问题求解的最终思路基本上是简单的。', 179),
    ]);
    expect(joins).toBe(0);
    expect(texts(blocks)).toEqual([
      '规划行业需要：',
      '1) 发挥人类智能与人工智能双重优势。',
      '#2. 面向新质生产力与城乡人居巨系统',
      '复杂问题求解的最终思路基本上是简单的。',
    ]);
  });

  it('joins across several page breaks until the sentence ends', () => {
    const { blocks, joins } = joinPageBreaks('f.txt', [para('一是', 1), para('二是', 3), para('三是。', 5)]);
    expect(joins).toBe(2);
    expect(texts(blocks)).toEqual(['一是二是三是。']);
  });

  it('keeps footnote references when joining, and a reference ends its sentence', () => {
    const { blocks } = joinPageBreaks('f.txt', [
      { kind: 'paragraph', parts: ['见注', { note: 3 }], from: 1, to: 1 },
      para('下一段。', 3),
    ]);
    expect(blocks).toHaveLength(2);
  });

  it('fails with the line of a paragraph left open at the end', () => {
    const error = ingestError(() => joinPageBreaks('f.txt', [para('完整的一段。', 1), para('被截断的一段', 3)]));
    expect(error.message).toMatch(/^f\.txt:3: paragraph stops mid-sentence \(…被截断的一段\)/);
  });
});
