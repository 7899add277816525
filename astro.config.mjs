// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';

import rehypeMissingTableNote from './src/plugins/rehype-missing-table-note.ts';
import rehypeSectionIds from './src/plugins/rehype-section-ids.ts';
import rehypeParagraphAnchors from './src/plugins/rehype-paragraph-anchors.ts';
import rehypeFootnoteNumbers from './src/plugins/rehype-footnote-numbers.ts';
import rehypeSectionLinks from './src/plugins/rehype-section-links.ts';

export default defineConfig({
  // Where the site is published: the origin (SITE_URL) and the sub-path
  // (BASE_PATH). Canonical URLs, the sitemap, copied links and citations are
  // made from them. The default is the address `npm run preview` serves.
  site: process.env.SITE_URL || 'http://127.0.0.1:4321',
  base: process.env.BASE_PATH || '/',
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
        rehypeSectionLinks,
        rehypeParagraphAnchors,
        rehypeFootnoteNumbers,
      ],
    }),
  },
  vite: {
    plugins: [tailwindcss()],
  },
});
