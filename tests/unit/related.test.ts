/**
 * Related passages (src/lib/related.ts) on the real passages: the weighted
 * cosine itself, then every paragraph's related ones: other speakers only,
 * one each, never the editor's note, best first, each sharing something
 * with the paragraph, and the sentence shown holding what they share.
 * Three relations that reading the sample found right are kept as checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/lib/schema.ts';
import { corpusWeights, inverseFrequencies, MAX_RELATED, MIN_SCORE, relatedExcerpt, relatedTo, relation, weightedCosine } from '../../src/lib/related.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const passages = JSON.parse(readFileSync(join(CONTENT, 'passages.json'), 'utf8')) as Passage[];
const byId = new Map(passages.map((p) => [p.id, p]));
const weights = corpusWeights(passages);
/** Who speaks, as the README's address table implies: an essay's expert, the paper (all its parts), the editor. */
const speakerOf = (doc: string) => (doc.startsWith('paper') ? 'paper' : doc);
const candidates = passages.filter((p) => p.doc !== 'forum');
const related = new Map(passages.map((p) => [p.id, relatedTo(p, candidates, speakerOf, weights)]));

describe('weightedCosine', () => {
  const w = new Map([
    ['城市群', 3],
    ['城市', 0.5],
    ['规划', 1],
  ]);
  it('is 1 for the same set, 0 for sets with nothing in common, and the same both ways', () => {
    expect(weightedCosine(['城市群', '规划'], ['规划', '城市群'], w).score).toBeCloseTo(1);
    expect(weightedCosine(['城市群'], ['规划'], w).score).toBe(0);
    expect(weightedCosine(['城市群', '城市'], ['城市', '规划'], w).score).toBeCloseTo(weightedCosine(['城市', '规划'], ['城市群', '城市'], w).score);
  });
  it('counts a shared rare word more than a shared common one, and lists the shared weightiest first', () => {
    const rare = weightedCosine(['城市群', '城市'], ['城市群', '规划'], w);
    const common = weightedCosine(['城市群', '城市'], ['城市', '规划'], w);
    expect(rare.score).toBeGreaterThan(common.score);
    expect(weightedCosine(['城市', '城市群'], ['城市群', '城市'], w).shared).toEqual(['城市群', '城市']);
  });
});

describe('inverseFrequencies', () => {
  it('weigh a word every paragraph uses at 0 and a rarer one above it', () => {
    const idf = inverseFrequencies(passages.map((p) => p.words));
    const everywhere = [...idf].filter(([, v]) => v === 0).map(([k]) => k);
    for (const k of everywhere) expect(passages.every((p) => p.words.includes(k)), k).toBe(true);
    const counts = (k: string) => passages.filter((p) => p.words.includes(k)).length;
    expect(idf.get('城市群')!).toBeGreaterThan(idf.get('城市')!);
    expect(counts('城市群')).toBeLessThan(counts('城市'));
  });
});

describe.each(passages.map((p) => p.id))('the passages related to %s', (id) => {
  const x = byId.get(id)!;
  const found = related.get(id)!;

  it('are at most three, of other speakers than its own, one each, never the editor’s note', () => {
    expect(found.length).toBeLessThanOrEqual(MAX_RELATED);
    const speakers = found.map((r) => speakerOf(byId.get(r.id)!.doc));
    expect(new Set(speakers).size).toBe(speakers.length);
    expect(speakers).not.toContain(speakerOf(x.doc));
    expect(speakers).not.toContain('forum');
  });

  it('come best first, none below the bar, and each shares a theme or a word with it', () => {
    const scores = found.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((p, q) => q - p));
    for (const r of found) {
      const y = byId.get(r.id)!;
      expect(r.score).toBeGreaterThanOrEqual(MIN_SCORE);
      for (const t of r.themes) expect(x.themes.some((u) => u.id === t) && y.themes.some((u) => u.id === t), `${r.id}: theme ${t}`).toBe(true);
      for (const word of r.words) expect(x.words.includes(word) && y.words.includes(word), `${r.id}: word ${word}`).toBe(true);
      expect(r.themes.length + r.words.length, r.id).toBeGreaterThan(0);
    }
  });

  it('are each the best paragraph of its speaker, and no speaker left out has a better one', () => {
    const best = new Map<string, number>();
    for (const y of candidates.filter((c) => speakerOf(c.doc) !== speakerOf(x.doc))) {
      best.set(speakerOf(y.doc), Math.max(best.get(speakerOf(y.doc)) ?? 0, relation(x, y, weights).score));
    }
    for (const r of found) expect(r.score, r.id).toBe(best.get(speakerOf(byId.get(r.id)!.doc)));
    const shown = new Set(found.map((r) => speakerOf(byId.get(r.id)!.doc)));
    const bar = found.length === MAX_RELATED ? found.at(-1)!.score : MIN_SCORE;
    for (const [speaker, score] of best) {
      if (shown.has(speaker)) continue;
      if (found.length === MAX_RELATED) expect(score, speaker).toBeLessThanOrEqual(bar);
      else expect(score, speaker).toBeLessThan(bar);
    }
  });

  it('are each shown as a sentence of theirs that holds what the two share, marked', () => {
    for (const r of found) {
      const y = byId.get(r.id)!;
      const runs = relatedExcerpt(y, r, weights);
      const text = runs.filter((run) => run.kind !== 'gap').map((run) => run.text).join('');
      expect(y.text, r.id).toContain(text);
      expect(runs.some((run) => run.kind === 'term'), `${r.id}: something marked`).toBe(true);
    }
  });
});

describe('relations that reading a sample of 20 paragraphs found right (docs/features.md, “Related passages”)', () => {
  it.each([
    ['forum:p1', 'zhao-zhirong:p1', 'both open on the 2024 government work report and its call to develop 新质生产力'],
    ['zhao-yanjing:p1', 'wang-shifu:p2', 'both define 新质生产力 by its labourers, means and objects of labour'],
    ['zhao-zhirong:p3', 'wang-wei:p8', 'both on urban renewal that balances government, residents and enterprises'],
  ])('%s finds %s: %s', (from, to) => {
    expect(related.get(from)!.map((r) => r.id)).toContain(to);
  });
});
