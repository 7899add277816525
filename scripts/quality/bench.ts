/**
 * npm run bench [-- --runs N]
 *
 * Measures the site and prints Markdown tables for docs/benchmarks.md:
 * - build time, as medians of N clean runs (default 5): the ingest and
 *   `astro build` (caches removed first), which includes the search index;
 * - bytes on disk of dist/ and dist/pagefind/;
 * - bytes transferred (gzip) on a cold load of every page type
 *   (scripts/lib/page-types.ts), split into HTML, CSS, JS and other, and
 *   the page-weight bars (scripts/lib/weight.ts).
 * Ends with a fresh `npm run build`, so dist/ is left as the build makes it.
 */
import { existsSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../lib/chromium.ts';
import { PAGE_TYPES } from '../lib/page-types.ts';
import { onDisk } from '../lib/dist.ts';
import { DIST, ROOT } from '../lib/paths.ts';
import { startServer } from '../lib/server.ts';
import { BUDGETS, coldLoad, KINDS } from '../lib/weight.ts';
import { median } from '../lib/stats.ts';
import { formatBytes, formatMs, npmRun, runBin, table } from './run.ts';

const CACHES = ['dist', 'node_modules/.astro', 'node_modules/.vite'].map((p) => path.join(ROOT, p));

const clean = () => CACHES.forEach((dir) => rmSync(dir, { recursive: true, force: true }));

function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu}, ${os.availableParallelism()} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs ${values.runs}: expected a whole number ≥ 1`);

  const times: Record<string, number[]> = { ingest: [], astro: [] };
  for (let i = 1; i <= runs; i++) {
    clean();
    times.ingest!.push(npmRun('ingest'));
    times.astro!.push(runBin('astro', ['build']));
    console.error(`run ${i}/${runs}: ingest ${formatMs(times.ingest!.at(-1)!)}, astro ${formatMs(times.astro!.at(-1)!)}`);
  }

  clean();
  npmRun('build');
  const site = onDisk(DIST);
  const search = existsSync(path.join(DIST, 'pagefind')) ? onDisk(path.join(DIST, 'pagefind')) : undefined;

  const server = await startServer();
  const browser = await launchBrowser();
  const transferRows: string[][] = [];
  const bars: string[] = [];
  let over = 0;
  try {
    for (const type of PAGE_TYPES) {
      const context = await browser.newContext();
      const { shown, all } = await coldLoad(context, server, type);
      await context.close();
      transferRows.push([type.id, `\`${type.path}\``, ...KINDS.map((k) => formatBytes(shown[k])), formatBytes(shown.total)]);
      const budget = BUDGETS[type.id];
      if (budget) {
        const counted = (sent: typeof shown) => budget.kinds.reduce((sum, k) => sum + sent[k], 0);
        const ok = counted(shown) <= budget.bytes && (budget.allBytes === undefined || counted(all) <= budget.allBytes);
        if (!ok) over++;
        const inAll = budget.allBytes === undefined ? '' : `, in all ${formatBytes(counted(all))}`;
        bars.push(`- ${budget.bar}: ${type.path} ${formatBytes(counted(shown))}${inAll} — ${ok ? 'holds' : 'DOES NOT HOLD'}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const buildRows = [
    ['ingest (`npm run ingest`)', formatMs(median(times.ingest!))],
    ['astro (`astro build`, caches removed; the search index included)', formatMs(median(times.astro!))],
  ];
  const diskRows = [
    ['`dist/`', formatBytes(site.bytes), String(site.files)],
    ['`dist/pagefind/`', search ? formatBytes(search.bytes) : '—', search ? String(search.files) : '—'],
  ];

  console.log(`\nMeasured ${new Date().toISOString().slice(0, 10)} on ${machine()}.\n`);
  console.log(`Build time, median of ${runs} clean runs:\n`);
  console.log(table(['stage', 'time'], buildRows));
  console.log('\nOn disk:\n');
  console.log(table(['folder', 'bytes', 'files'], diskRows));
  console.log('\nTransferred on a cold load (gzip; the search worker’s requests included; search until its first results), by page type:\n');
  console.log(table(['page', 'address', 'HTML', 'CSS', 'JS', 'other', 'total'], transferRows));
  console.log(`\nWeight bars:\n${bars.join('\n')}`);
  return over ? 1 : 0;
}

process.exitCode = await main();
