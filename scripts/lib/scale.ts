/**
 * What the site costs at a multiple of its corpus: a scaled copy of content/
 * (scale-corpus.ts) built from its own folder through CONTENT_DIR into its
 * own dist, then served and searched cold. Shared by `npm run bench:scale`
 * (medians of several runs) and the scale test (one run each).
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { astroBuild } from './astro-build.ts';
import { launchBrowser } from './chromium.ts';
import { onDisk } from './dist.ts';
import { ROOT } from './paths.ts';
import { scaleCorpus, type ScaledCorpus } from './scale-corpus.ts';
import { coldSearch } from './search-load.ts';
import { startServer } from './server.ts';
import { coldLoad } from './weight.ts';

/** The query whose first results are measured, as for the search budget. */
export const SCALE_QUERY = '城市群';

/** The bars the 20× corpus must keep against the real one. */
export const SCALE_BARS = {
  factor: 20,
  /** First-search bytes may grow at most this much. */
  firstSearch: 1.5,
  /** Build time may grow no faster than the corpus. */
  build: 20,
} as const;

export interface ScaleFigures {
  factor: number;
  corpus: ScaledCorpus;
  /** Each clean build's time, ms. */
  buildMs: number[];
  /** Bytes of the built site, of the search index (Pagefind's index, fragments, filters and meta, not its runtime), and of the concordance's word files. */
  distBytes: number;
  indexBytes: number;
  wordFileBytes: number;
  /** Bytes sent until the first results of SCALE_QUERY, each cold search. */
  firstSearchBytes: number[];
  /** Bytes of the concordance of SCALE_QUERY on a cold load (the page and the word's file, gzip bodies), each run. */
  concordanceBytes: number[];
}

/** The search index inside a Pagefind folder: its index, fragments, filters and meta, not Pagefind's runtime and interface files. */
function indexBytes(pagefind: string): number {
  const folders = ['index', 'fragment', 'filter'].reduce((n, d) => n + onDisk(path.join(pagefind, d)).bytes, 0);
  const meta = readdirSync(pagefind).filter((f) => f.endsWith('.pf_meta'));
  return folders + meta.reduce((n, f) => n + statSync(path.join(pagefind, f)).size, 0);
}

/**
 * Builds the corpus `factor` times over in `work` (`builds` clean builds),
 * then measures it: sizes, and `searches` cold searches and concordance loads.
 */
export async function measureScale(factor: number, work: string, runs: { builds: number; searches: number }, log: (line: string) => void = () => {}): Promise<ScaleFigures> {
  const content = path.join(work, `content-${factor}x`);
  const out = path.join(work, `dist-${factor}x`);
  const corpus = scaleCorpus(path.join(ROOT, 'content'), content, factor);
  const buildMs: number[] = [];
  for (let i = 0; i < runs.builds; i++) {
    rmSync(out, { recursive: true, force: true });
    rmSync(path.join(content, '.astro-cache'), { recursive: true, force: true });
    const start = performance.now();
    const build = await astroBuild(['--outDir', out], { CONTENT_DIR: content });
    if (build.code !== 0) throw new Error(`the build of the ${factor}× corpus failed:\n${build.log.slice(-4000)}`);
    buildMs.push(performance.now() - start);
    log(`${factor}×: build ${i + 1}/${runs.builds} ${(buildMs.at(-1)! / 1000).toFixed(1)} s`);
  }
  if (!existsSync(path.join(out, 'pagefind'))) throw new Error(`${out}/pagefind is missing after the build`);

  const server = await startServer(out);
  const browser = await launchBrowser();
  const firstSearchBytes: number[] = [];
  const concordanceBytes: number[] = [];
  try {
    for (let i = 0; i < runs.searches; i++) {
      firstSearchBytes.push((await coldSearch(server.url, server.served, SCALE_QUERY)).firstBytes);
      const context = await browser.newContext();
      const { all } = await coldLoad(context, server, { path: `/concordance/?q=${encodeURIComponent(SCALE_QUERY)}`, ready: '.conc-line' });
      await context.close();
      concordanceBytes.push(all.total);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    factor,
    corpus,
    buildMs,
    distBytes: onDisk(out).bytes,
    indexBytes: indexBytes(path.join(out, 'pagefind')),
    wordFileBytes: onDisk(path.join(out, 'concordance', 'words')).bytes,
    firstSearchBytes,
    concordanceBytes,
  };
}
