/**
 * Growth: the site built from a corpus 20 times this one (every document
 * copied under new keys, scripts/lib/scale-corpus.ts) beside the real
 * corpus, each built once from a temporary folder through CONTENT_DIR and
 * searched cold in Chromium. The first results of 城市群 may cost at most
 * 1.5 times as many bytes, and the build may grow no faster than the corpus.
 * `npm run bench:scale` measures the same with medians; this test runs each
 * build once (about 70 s for both on two cores), so that CI, which runs
 * `npm test`, keeps the bars.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { measureScale, SCALE_BARS, type ScaleFigures } from '../../scripts/lib/scale.ts';
import { median } from '../../scripts/lib/stats.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'reader-scale-'));
let one: ScaleFigures;
let many: ScaleFigures;

beforeAll(async () => {
  one = await measureScale(1, work, { builds: 1, searches: 3 });
  many = await measureScale(SCALE_BARS.factor, work, { builds: 1, searches: 3 });
}, 15 * 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe(`a corpus ${SCALE_BARS.factor} times this one`, () => {
  test('is the real one copied: every document, paragraph and character that many times, from a folder apart from content/', () => {
    expect(many.corpus.documents).toBe(one.corpus.documents * SCALE_BARS.factor);
    expect(many.corpus.paragraphs).toBe(one.corpus.paragraphs * SCALE_BARS.factor);
    expect(many.corpus.characters).toBe(one.corpus.characters * SCALE_BARS.factor);
  });

  test(`its first search for 城市群 costs at most ${SCALE_BARS.firstSearch} times the bytes`, () => {
    const ratio = median(many.firstSearchBytes) / median(one.firstSearchBytes);
    expect(ratio, `${median(one.firstSearchBytes)} B → ${median(many.firstSearchBytes)} B`).toBeLessThanOrEqual(SCALE_BARS.firstSearch);
  });

  test(`its build grows no faster than the corpus (at most ${SCALE_BARS.build} times the time)`, () => {
    const ratio = median(many.buildMs) / median(one.buildMs);
    expect(ratio, `${Math.round(median(one.buildMs))} ms → ${Math.round(median(many.buildMs))} ms`).toBeLessThanOrEqual(SCALE_BARS.build);
  });

  test('its search index and word files grow with it, not faster', () => {
    expect(many.indexBytes / one.indexBytes).toBeLessThanOrEqual(SCALE_BARS.factor);
    expect(many.wordFileBytes / one.wordFileBytes).toBeLessThanOrEqual(SCALE_BARS.factor);
  });
});
