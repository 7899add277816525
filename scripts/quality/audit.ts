/**
 * npm run audit [-- --no-build] [-- --page <id> …]
 *
 * Builds the site once, serves dist/ on 127.0.0.1 the way a static host
 * would (with the headers of its _headers file), and runs Lighthouse with the
 * system Chromium on every page type (scripts/lib/page-types.ts), with the
 * mobile and the desktop preset. Prints the four scores of every page and,
 * for a score under 100, the audits that cost points. Exits with 1 if any
 * score is under 100. Full reports go to tests/.output/lighthouse/.
 * `--page search` audits only the page types named (ids of page-types.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config, type Flags, type Result } from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/chromium.ts';
import { PAGE_TYPES, type PageType } from '../lib/page-types.ts';
import { assertBuilt } from '../lib/dist.ts';
import { OUTPUT } from '../lib/paths.ts';
import { startServer } from '../lib/server.ts';
import { npmRun, table } from './run.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PRESETS: { name: 'mobile' | 'desktop'; config: Config | undefined }[] = [
  { name: 'mobile', config: undefined },
  { name: 'desktop', config: desktopConfig },
];
const REPORTS = path.join(OUTPUT, 'lighthouse');

/**
 * The address Lighthouse opens for a page type. A 404 status stops
 * Lighthouse before it audits anything, so the page-not-found page is
 * audited as the file the host sends with it, /404.html.
 */
function auditPath(type: PageType): string {
  return type.status === 404 ? '/404.html' : type.path;
}

/** The audits of a category that did not get full marks: `id (score): title`. */
function lostPoints(result: Result, category: string): string[] {
  return result.categories[category]!.auditRefs.flatMap((ref) => {
    const audit = result.audits[ref.id]!;
    if (ref.weight === 0 || audit.score === null || audit.score >= 1) return [];
    return [`${ref.id} (${audit.score}): ${audit.title}${audit.displayValue ? ` — ${audit.displayValue}` : ''}`];
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'no-build': { type: 'boolean', default: false }, page: { type: 'string', multiple: true } } });
  const unknown = (values.page ?? []).filter((id) => !PAGE_TYPES.some((t) => t.id === id));
  if (unknown.length) throw new Error(`--page ${unknown.join(', ')}: expected one of ${PAGE_TYPES.map((t) => t.id).join(', ')}`);
  const types = values.page ? PAGE_TYPES.filter((t) => values.page!.includes(t.id)) : PAGE_TYPES;
  if (!values['no-build']) {
    console.log('building the site: npm run build');
    npmRun('build');
  }
  assertBuilt();
  mkdirSync(REPORTS, { recursive: true });

  const server = await startServer();
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_ARGS });
  const rows: string[][] = [];
  const problems: string[] = [];
  let versions = '';
  try {
    for (const type of types) {
      for (const preset of PRESETS) {
        const address = auditPath(type);
        const flags: Flags = { port: chrome.port, logLevel: 'error', output: 'html', onlyCategories: [...CATEGORIES] };
        const run = await lighthouse(server.url + address, flags, preset.config);
        if (!run) throw new Error(`Lighthouse returned nothing for ${address}`);
        const { lhr } = run;
        if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${address}: ${lhr.runtimeError.message}`);
        writeFileSync(path.join(REPORTS, `${type.id}-${preset.name}.html`), run.report as string);
        versions = `Lighthouse ${lhr.lighthouseVersion}, ${/Chrome\/[\d.]+/.exec(lhr.environment.hostUserAgent)?.[0] ?? 'Chromium'}`;
        const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
        rows.push([type.id, `\`${address}\``, preset.name, ...scores.map(String)]);
        console.log(`${type.id.padEnd(10)} ${preset.name.padEnd(8)} ${scores.join(' ')}`);
        CATEGORIES.forEach((c, i) => {
          if (scores[i]! < 100) problems.push(`${type.id} ${preset.name} ${c} ${scores[i]}:\n    ${lostPoints(lhr, c).join('\n    ')}`);
        });
      }
    }
  } finally {
    chrome.kill();
    await server.close();
  }

  console.log(`\n${versions} (${CHROMIUM}), ${new Date().toISOString().slice(0, 10)}\n`);
  console.log(table(['page', 'address', 'preset', 'performance', 'accessibility', 'best practices', 'SEO'], rows));
  console.log(`\nreports: ${path.relative(process.cwd(), REPORTS)}/`);
  if (problems.length) {
    console.error(`\n${problems.length} score(s) under 100:\n${problems.join('\n')}`);
    return 1;
  }
  console.log('\nevery score is 100');
  return 0;
}

process.exitCode = await main();
