/**
 * `npm run bench:scale`: what the site costs when its corpus is 20 times
 * larger, beside the same figures for the real corpus.
 *
 * Both corpora are copies of content/ in a temporary folder (the 20× one
 * holds every document 20 times under new keys, scripts/lib/scale-corpus.ts);
 * each is built from its folder through CONTENT_DIR into a dist of its own,
 * BUILDS times from clean (default 3), then served as a static host would
 * and loaded cold in Chromium SEARCHES times (default 5): the search page
 * for 城市群 until its first results, and the concordance of 城市群.
 * content/ and dist/ are never touched. Reports medians, sizes in KiB, and
 * fails if the 20× corpus breaks a bar: first-search bytes within 1.5 times
 * the real corpus's, build time growing no faster than the corpus.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureScale, SCALE_BARS, SCALE_QUERY, type ScaleFigures } from './lib/scale.ts';
import { median } from './lib/stats.ts';
import { formatBytes, formatMs, table } from './quality/run.ts';

const BUILDS = Number(process.env.BUILDS ?? 3);
const SEARCHES = Number(process.env.SEARCHES ?? 5);

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));
let over = false;
try {
  const log = (line: string) => console.error(line);
  const one = await measureScale(1, work, { builds: BUILDS, searches: SEARCHES }, log);
  const many = await measureScale(SCALE_BARS.factor, work, { builds: BUILDS, searches: SEARCHES }, log);
  const ratio = (f: (s: ScaleFigures) => number) => f(many) / f(one);
  const x = (r: number) => `${r.toFixed(2)}×`;
  const buildRatio = ratio((s) => median(s.buildMs));
  const searchRatio = ratio((s) => median(s.firstSearchBytes));
  over = buildRatio > SCALE_BARS.build || searchRatio > SCALE_BARS.firstSearch;
  const row = (name: string, f: (s: ScaleFigures) => number, show: (n: number) => string, bar = '') => [name, show(f(one)), show(f(many)), x(ratio(f)), bar];
  const count = (n: number) => n.toLocaleString('en');
  console.log(`\nMeasured ${new Date().toISOString().slice(0, 10)} on ${os.cpus()[0]?.model.trim() ?? 'CPU'} × ${os.availableParallelism()}, Node ${process.version}; medians of ${BUILDS} clean builds and ${SEARCHES} cold loads.\n`);
  console.log(
    table(
      ['', 'real corpus (1×)', `${SCALE_BARS.factor}× corpus`, 'ratio', 'bar'],
      [
        row('documents', (s) => s.corpus.documents, count),
        row('paragraphs', (s) => s.corpus.paragraphs, count),
        row('characters of the paragraphs', (s) => s.corpus.characters, count),
        row('build (`astro build`: pages, search index, word files)', (s) => median(s.buildMs), formatMs, `≤ ${SCALE_BARS.build}×: ${buildRatio <= SCALE_BARS.build ? 'holds' : 'DOES NOT HOLD'}`),
        row('`dist/`', (s) => s.distBytes, formatBytes),
        row('search index (Pagefind’s index, fragments, filters, meta)', (s) => s.indexBytes, formatBytes),
        row('concordance word files', (s) => s.wordFileBytes, formatBytes),
        row(`first search for ${SCALE_QUERY}, until its first results (wire)`, (s) => median(s.firstSearchBytes), formatBytes, `≤ ${SCALE_BARS.firstSearch}×: ${searchRatio <= SCALE_BARS.firstSearch ? 'holds' : 'DOES NOT HOLD'}`),
        row(`concordance of ${SCALE_QUERY}, page and word file (gzip)`, (s) => median(s.concordanceBytes), formatBytes),
      ],
    ),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(over ? 1 : 0);
