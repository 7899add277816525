/**
 * The search index, made at every `astro build` so that `npm run build`
 * stays one command and every build (a second one, a sub-path one) has it.
 *
 * Each body paragraph and each footnote is its own Pagefind record
 * (src/lib/search/records.ts), addressed `/forum/<expert>/#p4` or
 * `/paper/1/#fn-9`, filed under its kind (`kind`: paragraph or footnote),
 * text (`doc`), document (`section`), authors (`author`) and themes
 * (`theme`); a footnote also carries the paragraph that cites it (`cited`). Filters are how a record carries data:
 * Pagefind matches no words in them (it does in meta).
 *
 * The records are cut into words here, with the site's dictionary, and
 * given to Pagefind ready cut under a language it does not cut again
 * (INDEX_LANGUAGE). The browser cuts queries into the same words with the
 * index's vocabulary, which this integration hands to the client bundle as
 * the module `virtual:search-vocabulary`.
 *
 * Any Pagefind error, a record count other than the records', or a record
 * whose text does not come back whole from its fragment fails the build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import * as pagefind from 'pagefind';
import type { SearchRecord } from '../lib/search/records.ts';
import { records, vocabulary } from './site-records.ts';
import { decodeRecord, encodeRecord, packWords } from '../lib/search/words.ts';

/** Where the index goes inside the built site, and where the search page loads it from. */
export const PAGEFIND_DIR = 'pagefind';

/**
 * The language the records are filed under. Pagefind cuts Chinese (zh) text
 * again with its own dictionary; under any other language it takes words as
 * separated by spaces, which is what the records are.
 */
export const INDEX_LANGUAGE = 'und';

/** The module through which the client gets the index's vocabulary. */
const VOCABULARY_MODULE = 'virtual:search-vocabulary';

/** A record's filters: what it is filed under, and what its result shows. */
function filtersOf(r: SearchRecord): Record<string, string[]> {
  return {
    kind: [r.kind],
    doc: [r.text],
    section: [r.doc],
    ...(r.authors.length ? { author: r.authors } : {}),
    ...(r.themes.length ? { theme: r.themes } : {}),
    ...(r.citedIn ? { cited: [r.citedIn] } : {}),
  };
}

/** Every fragment Pagefind wrote (gzip, a signature, then JSON), by its address. */
function writtenFragments(outputPath: string): Map<string, { content: string }> {
  const dir = path.join(outputPath, 'fragment');
  return new Map(
    readdirSync(dir).map((f) => {
      const text = gunzipSync(readFileSync(path.join(dir, f))).toString('utf8');
      const data = JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
      return [data.url, data];
    }),
  );
}

/** What the written index holds, `language:records`: `und:150`. */
function indexedCount(outputPath: string): string {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.entries(entry.languages)
    .map(([lang, { page_count }]) => `${lang}:${page_count}`)
    .join(', ');
}

async function writeIndex(outputPath: string): Promise<number> {
  const all = records();
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length) throw new Error(`could not start: ${errors.join('; ')}`);
  for (const r of all) {
    const added = await index.addCustomRecord({ url: `${r.page}#${r.anchor}`, content: encodeRecord(r.words, r.extras), language: INDEX_LANGUAGE, filters: filtersOf(r) });
    if (added.errors.length) throw new Error(`${r.id}: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  const indexed = indexedCount(outputPath);
  if (indexed !== `${INDEX_LANGUAGE}:${all.length}`) throw new Error(`indexed ${indexed || 'nothing'}, expected ${INDEX_LANGUAGE}:${all.length} (the paragraphs and footnotes)`);
  const fragments = writtenFragments(outputPath);
  for (const r of all) {
    const back = fragments.get(`${r.page}#${r.anchor}`);
    if (!back || decodeRecord(back.content).text !== r.content) throw new Error(`${r.id}: its fragment does not give its text back`);
  }
  return all.length;
}

/** The Vite plugin that serves the index's vocabulary as `virtual:search-vocabulary`. */
function vocabularyModule(): Plugin {
  const resolved = `\0${VOCABULARY_MODULE}`;
  return {
    name: 'search-vocabulary',
    resolveId: (id) => (id === VOCABULARY_MODULE ? resolved : undefined),
    load: (id) => {
      if (id !== resolved) return undefined;
      const { words, singles } = vocabulary();
      return `export const words = ${JSON.stringify(packWords(words))};\nexport const singles = ${JSON.stringify(singles.join(''))};\n`;
    },
  };
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        // The worker that cuts queries imports it; workers are bundled with their own plugins.
        updateConfig({ vite: { plugins: [vocabularyModule()], worker: { plugins: () => [vocabularyModule()] } } });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outputPath = path.join(fileURLToPath(dir), PAGEFIND_DIR);
        try {
          const count = await writeIndex(outputPath);
          logger.info(`indexed ${count} paragraphs and footnotes into ${path.relative(process.cwd(), outputPath)}/`);
        } catch (error) {
          throw new Error(`Pagefind: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
