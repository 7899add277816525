// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';

import rehypeMissingTableNote from './src/plugins/rehype-missing-table-note.ts';
import rehypeSectionIds from './src/plugins/rehype-section-ids.ts';
import rehypeParagraphAnchors from './src/plugins/rehype-paragraph-anchors.ts';
import rehypeFootnoteNumbers from './src/plugins/rehype-footnote-numbers.ts';
import rehypeSearchIgnore from './src/plugins/rehype-search-ignore.ts';
import pagefindIndex from './src/integrations/pagefind-index.ts';

export default defineConfig({
  trailingSlash: 'always',
  build: { format: 'directory' },
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
        rehypeParagraphAnchors,
        rehypeFootnoteNumbers,
        rehypeSearchIgnore,
      ],
    }),
  },
  // The search index is made from the built pages, after every build.
  integrations: [pagefindIndex()],
  vite: {
    plugins: [tailwindcss()],
    // Every script an external file, never inlined: a Content-Security-Policy
    // will forbid inline code.
    build: { assetsInlineLimit: 0 },
  },
});
