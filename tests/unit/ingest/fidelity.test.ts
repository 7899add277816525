import { describe, expect, it } from 'vitest';
import { checkFidelity, sourceStream } from '../../../scripts/ingest/fidelity.ts';
import type { SplitMeta } from '../../../scripts/ingest/model.ts';
import { normalize } from '../../../scripts/ingest/normalize.ts';
import { ingestError } from './helpers.ts';

const lines = normalize('s.txt', '标题\n\n甲乙（某院）\n\n第一段正文。\n\n第二段①王:《书》,第1 页。正文。');
const meta: SplitMeta = {
  kind: 'essay', order: 1, title: '标题', author: '甲乙', pinyin: 'Jiǎ Yǐ', slug: 'jia-yi', affiliation: '某院',
  source: { file: 's.txt', from: 1, to: 7 },
};
const removals = [
  { line: 3, column: 2, text: '（', reason: 'bracket' },
  { line: 3, column: 5, text: '）', reason: 'bracket' },
  { line: 7, column: 3, text: '①', reason: 'marker' },
];
const body = '第一段正文。\n\n第二段[^1]正文。\n\n[^1]: 王:《书》,第1 页。\n';

describe('checkFidelity', () => {
  it('accepts documents that hold exactly the source text, notes where their markers stood', () => {
    expect(() => checkFidelity('s.txt', lines, removals, [{ meta, markdown: body }])).not.toThrow();
  });

  it.each([
    ['a lost character', body.replace('第一段正文。', '第一段正文'), 's.txt:5: fidelity'],
    ['a duplicated character', body.replace('第二段', '第二二段'), 's.txt:7: fidelity'],
    ['a note moved away from its marker', body.replace('第二段[^1]正文。', '第二段正文。[^1]'), 's.txt:7: fidelity'],
  ])('fails on %s, naming the source line', (_, markdown, message) => {
    expect(ingestError(() => checkFidelity('s.txt', lines, removals, [{ meta, markdown }])).message).toContain(message);
  });

  it('compares NFKC forms: the full-width marks of the punctuation repair stand for the source’s ASCII', () => {
    const repaired = body.replace('王:《书》,第1 页', '王：《书》，第1 页');
    expect(() => checkFidelity('s.txt', lines, removals, [{ meta, markdown: repaired }])).not.toThrow();
    expect(ingestError(() => checkFidelity('s.txt', lines, removals, [{ meta, markdown: repaired.replace('，', '。') }])).message).toContain('s.txt:7: fidelity');
  });

  it('fails when a named removal is not in the source', () => {
    const wrong = [...removals, { line: 5, column: 0, text: '不存在', reason: 'test' }];
    expect(ingestError(() => sourceStream('s.txt', lines, wrong)).message).toContain('s.txt:5: removal «不存在» (test) is not at column 1');
  });

  it('cuts a removal at its column, not at the first look-alike', () => {
    const nested = normalize('s.txt', '甲乙(某院(北京))');
    const cut = [
      { line: 1, column: 2, text: '(', reason: 'bracket' },
      { line: 1, column: 9, text: ')', reason: 'bracket' },
    ];
    expect(sourceStream('s.txt', nested, cut).text).toBe('甲乙某院(北京)');
  });
});
