// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';

import rehypeMissingTableNote from './src/plugins/rehype-missing-table-note.ts';
import rehypeSectionIds from './src/plugins/rehype-section-ids.ts';
import rehypeParagraphAnchors from './src/plugins/rehype-paragraph-anchors.ts';
import rehypeFootnoteNumbers from './src/plugins/rehype-footnote-numbers.ts';
import pagefindIndex from './src/integrations/pagefind-index.ts';
import rehypeSectionLinks from './src/plugins/rehype-section-links.ts';
import rehypeExpertLinks from './src/plugins/rehype-expert-links.ts';

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
    processor: unified({
      // The texts are Chinese and must reach the page exactly as the ingest
      // wrote them: no curly-quote or dash rewriting.
      smartypants: false,
      remarkRehype: {
        // Short, stable footnote ids: #fn-12 and #fnref-12.
        clobberPrefix: '',
        footnoteLabel: '注释',
        footnoteLabelTagName: 'h2',
        footnoteLabelProperties: { className: ['footnotes-title'] },
        footnoteBackContent: '↩\uFE0E',
        // Replaced with the paper-wide number by rehype-footnote-numbers.
        footnoteBackLabel: '返回正文',
      },
      rehypePlugins: [
        rehypeMissingTableNote,
        rehypeSectionIds,
        rehypeSectionLinks,
        rehypeParagraphAnchors,
        rehypeExpertLinks,
        rehypeFootnoteNumbers,
      ],
    }),
  },
  // The search index: every paragraph and footnote a record, made after every build.
  integrations: [pagefindIndex()],
  vite: {
    plugins: [tailwindcss()],
    // Every script an external file, never inlined: the Content-Security-Policy
    // (src/lib/csp.ts) allows no inline code, and Astro inlines small scripts unless this is 0.
    build: { assetsInlineLimit: 0 },
    // The search worker is a module: it imports Pagefind, and opencc-js only when a query needs it.
    worker: { format: 'es' },
  },
});
