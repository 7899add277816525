// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';

import { markdownOptions } from './src/plugins/markdown.ts';
import pagefindIndex from './src/integrations/pagefind-index.ts';
import noPreloadHelper from './src/integrations/no-preload-helper.ts';
import concordanceFiles from './src/integrations/concordance-files.ts';

/** Set when a test builds the site from another content folder (src/lib/content-dir.ts). */
const contentDir = process.env.CONTENT_DIR;

export default defineConfig({
  // Where the site is published: the origin (SITE_URL) and the sub-path
  // (BASE_PATH). Canonical URLs, the sitemap, copied links and citations are
  // made from them. The default is the address `npm run preview` serves.
  site: process.env.SITE_URL || 'http://127.0.0.1:4321',
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  // Stylesheets and scripts stay files, never inlined into the page: the
  // Content-Security-Policy (src/lib/csp.ts) allows no inline code.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // A build from another content folder keeps its own cache, so it never
  // shares Astro's data store with a build of content/ running beside it.
  ...(contentDir && { cacheDir: `${contentDir}/.astro-cache` }),
  markdown: {
    // remark-rehype's options and the site's rehype plugins (src/plugins/markdown.ts).
    processor: unified(markdownOptions),
  },
  // The search index (every paragraph and footnote a record) and the
  // concordance's word files, made from the same records after every build.
  integrations: [pagefindIndex(), concordanceFiles()],
  vite: {
    plugins: [tailwindcss(), noPreloadHelper()],
    // Every script an external file, never inlined: the Content-Security-Policy
    // (src/lib/csp.ts) allows no inline code, and Astro inlines small scripts unless this is 0.
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        output: {
          // The small helpers that the search page shares with the concordance
          // (and the reading list) go in one chunk, not one request each:
          // every request costs its headers, as much as these helpers weigh.
          codeSplitting: {
            groups: [{ name: 'clip', test: /src[\\/](client[\\/](clip|dom|search[\\/]text)|lib[\\/]search[\\/]words)\.ts$/, minShareCount: 2 }],
          },
        },
      },
    },
    // The search worker is a module: it imports Pagefind, and opencc-js only when a query needs it.
    worker: { format: 'es' },
  },
});
