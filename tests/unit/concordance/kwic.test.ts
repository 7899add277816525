/**
 * What the concordance page computes from a word's lines
 * (src/client/concordance/kwic.ts and near.ts), on the real texts: counts
 * and rates per document, where in each the word stands, the four orders of
 * the lines, the address, and the near words offered for a word the index
 * does not hold.
 */
import path from 'node:path';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/paths.ts';
import { countsByDoc, dispersion, rateOf, readState, sortLines, totalOf, writeState } from '../../../src/client/concordance/kwic.ts';
import { nearWords } from '../../../src/client/concordance/near.ts';
import type { ConcordanceDoc, ConcordanceLine } from '../../../src/lib/concordance.ts';
import { concordanceOf, documentLengths } from '../../../src/lib/concordance-index.ts';
import { readDocumentFiles, readThemesFile } from '../../../src/lib/content-files.ts';
import { readPassagesFile } from '../../../src/lib/passages.ts';
import { wordCutter } from '../../../src/lib/segmenter.ts';
import { buildRecords, vocabularyOf } from '../../../src/lib/search/records.ts';

const content = path.join(ROOT, 'content');
const files = readDocumentFiles(content);
const records = buildRecords(files, readPassagesFile(content), wordCutter(readThemesFile(content)));
const concordance = concordanceOf(records);
const lengths = documentLengths(records);
/** The documents as the page gets them (src/pages/concordance/index.astro). */
const docs: ConcordanceDoc[] = files.map((d) => ({
  key: d.key,
  who: d.who,
  text: d.text,
  speaker: d.kind === 'essay' ? d.who : d.authors.join('、') || d.who,
  href: d.path,
  chars: lengths.get(d.key)!,
}));
const collator = new Intl.Collator('zh-Hans-CN');
const linesOf = (word: string) => concordance.get(word)!;

describe('counts and rates', () => {
  const counts = countsByDoc(linesOf('城市群'), docs);

  it('a row for every document in reading order, those without the word at 0', () => {
    expect(counts.map((c) => c.doc.key)).toEqual(docs.map((d) => d.key));
    expect(counts.find((c) => c.doc.key === 'wang-kai')).toMatchObject({ count: 0, rate: 0 });
  });

  it('each document’s places per 10,000 of its characters', () => {
    for (const c of counts) {
      const places = linesOf('城市群').filter((l) => l.doc === c.doc.key).length;
      expect(c.count).toBe(places);
      expect(c.rate).toBeCloseTo((places / c.doc.chars) * 10_000, 10);
    }
    // 于涛方 uses it once in 1,745 characters: 5.7 per 10,000.
    expect(counts.find((c) => c.doc.who === '于涛方')!.rate.toFixed(1)).toBe('5.7');
  });

  it('a text’s rate is its places over its characters, not the mean of its documents’ rates', () => {
    const paper = counts.filter((c) => c.doc.text === 'paper');
    const total = totalOf(paper);
    expect(total.count).toBe(linesOf('城市群').filter((l) => l.doc.startsWith('paper')).length);
    expect(total.chars).toBe(paper.reduce((n, c) => n + c.doc.chars, 0));
    expect(total.rate).toBeCloseTo((total.count * 10_000) / total.chars, 10);
    expect(rateOf(3, 0)).toBe(0);
  });
});

describe('dispersion', () => {
  it('places each line at its share of its document, in [0, 1), in reading order', () => {
    const doc = docs.find((d) => d.key === 'paper-2')!;
    const at = dispersion(linesOf('城市群'), doc);
    expect(at).toHaveLength(linesOf('城市群').filter((l) => l.doc === 'paper-2').length);
    expect(at.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // The paper's introduction names 城市群 first at character 150 of its first paragraph.
    expect(dispersion(linesOf('城市群'), docs.find((d) => d.key === 'paper')!)[0]).toBeCloseTo(150 / lengths.get('paper')!, 10);
  });
});

describe('the orders of the lines', () => {
  const lines = linesOf('新质生产力');
  const ids = (list: readonly ConcordanceLine[]) => list.map((l) => `${l.doc}:${l.anchor}@${l.at}`);

  it('reading order is the order of the file', () => {
    expect(ids(sortLines(lines, 'doc', docs, collator))).toEqual(ids(lines));
  });

  it('by expert: the speakers by the pinyin of their names, each in reading order', () => {
    const sorted = sortLines(lines, 'expert', docs, collator);
    const speakers = [...new Set(sorted.map((l) => docs.find((d) => d.key === l.doc)!.speaker))];
    const byPinyin = [...speakers].sort((a, b) => (pinyin(a, { toneType: 'num', type: 'string' }) < pinyin(b, { toneType: 'num', type: 'string' }) ? -1 : 1));
    expect(speakers).toEqual(byPinyin);
    expect(speakers[0]).toBe('王富海');
    expect(speakers.at(-1)).toBe('主编按语');
    for (const speaker of speakers) {
      const own = sorted.filter((l) => docs.find((d) => d.key === l.doc)!.speaker === speaker);
      expect(ids(own)).toEqual(ids(lines.filter((l) => own.includes(l))));
    }
  });

  it('by left context: lines with the same Chinese character next to the word stand together, after those with punctuation there; the same for the right', () => {
    const han = /\p{Script=Han}/u;
    for (const [sort, side] of [['left', (l: ConcordanceLine) => l.left.at(-1) ?? ''], ['right', (l: ConcordanceLine) => l.right[0] ?? '']] as const) {
      const sorted = sortLines(lines, sort, docs, collator).map(side);
      const firstHan = sorted.findIndex((c) => han.test(c));
      expect(sorted.slice(firstHan).every((c) => han.test(c)), `${sort}: punctuation first, then Chinese`).toBe(true);
      const runs = sorted.slice(firstHan).filter((c, i, all) => c !== all[i - 1]);
      expect(new Set(runs).size, `${sort}: each neighbour character forms one run`).toBe(runs.length);
    }
    // 发展新质生产力: the left sort reads 展发…, so every 发展 before the word comes in one run too.
    const left = sortLines(lines, 'left', docs, collator).map((l) => l.left.endsWith('发展'));
    expect(left.filter((x, i) => x && !left[i - 1]).length).toBe(1);
  });

  it('keeps every line, whatever the order', () => {
    for (const sort of ['doc', 'expert', 'left', 'right'] as const) expect(ids(sortLines(lines, sort, docs, collator)).sort()).toEqual(ids(lines).sort());
  });
});

describe('the address', () => {
  it('keeps the word and the order, leaving out reading order', () => {
    expect(writeState({ q: '城市群', sort: 'left' })).toBe(`?q=${encodeURIComponent('城市群')}&sort=left`);
    expect(writeState({ q: '城市群', sort: 'doc' })).toBe(`?q=${encodeURIComponent('城市群')}`);
    expect(readState(writeState({ q: '城市群', sort: 'right' }))).toEqual({ q: '城市群', sort: 'right' });
  });

  it('reads an order it does not have as reading order, and says which it was', () => {
    expect(readState('?q=城市群&sort=random')).toEqual({ q: '城市群', sort: 'doc', unknownSort: 'random' });
  });
});

describe('near words', () => {
  const { words } = vocabularyOf(records);

  it('first the words that hold it, then those it is made of, then those sharing two characters with it', () => {
    expect(nearWords('市群', words).slice(0, 2)).toEqual(['城市群', '城市群一体化']);
    const made = nearWords('城市群发展', words);
    expect(made).toEqual(expect.arrayContaining(['城市群', '发展']));
    expect(nearWords('castel', words)[0]).toBe('castells');
  });

  it('nothing for a word that shares nothing with the texts', () => {
    expect(nearWords('麒麟', words)).toEqual([]);
  });
});
