/**
 * Indexes the built site with Pagefind at the end of every `astro build`
 * (the `astro:build:done` hook), so that `npm run build` stays one command
 * and every build, a second or a sub-path one included, has its search index.
 *
 * Pagefind reads only what the pages mark for it (`data-pagefind-body` on the
 * reading pages, see src/components/SearchIndexTags.astro and
 * src/plugins/rehype-search-ignore.ts). Any error, or an index with
 * fewer pages than expected, fails the build.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { CONTENT_DIR } from '../lib/content-dir.ts';
import { readPassagesFile } from '../lib/passages.ts';

/** Where the index goes inside the built site, and where the search page loads it from. */
export const PAGEFIND_DIR = 'pagefind';

/** The reading pages: every document that passages.json (of the content folder built) has a paragraph of. */
function readingPageCount(): number {
  return new Set(readPassagesFile(CONTENT_DIR).map((p) => p.doc)).size;
}

/** The language Pagefind must find on every indexed page: it segments Chinese only for zh pages. */
const LANGUAGE = 'zh-cn';

/** What the written index holds, `language:pages` for each language: `zh-cn:16`. */
function indexedPages(outputPath: string): string {
  const entry = JSON.parse(readFileSync(path.join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.entries(entry.languages)
    .map(([lang, { page_count }]) => `${lang}:${page_count}`)
    .join(', ');
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const outputPath = path.join(site, PAGEFIND_DIR);
        const expectedPages = readingPageCount();
        try {
          const { index, errors } = await pagefind.createIndex({});
          if (!index || errors.length) throw new Error(`could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(added.errors.join('; '));
          const written = await index.writeFiles({ outputPath });
          if (written.errors.length) throw new Error(written.errors.join('; '));
          const indexed = indexedPages(outputPath);
          if (indexed !== `${LANGUAGE}:${expectedPages}`) {
            throw new Error(`indexed ${indexed || 'nothing'}, expected ${expectedPages} reading pages in ${LANGUAGE} (data-pagefind-body, lang="zh-CN")`);
          }
          logger.info(`indexed ${expectedPages} pages into ${path.relative(process.cwd(), outputPath)}/`);
        } catch (error) {
          throw new Error(`Pagefind: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
