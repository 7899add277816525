/**
 * How the site turns the ingest's Markdown into a page's HTML: the options of
 * remark-rehype and the site's rehype plugins in the order they run.
 * astro.config.mjs builds its Markdown processor from these, and the unit
 * tests build the same processor, so both render the same way.
 */
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeExpertLinks from './rehype-expert-links.ts';
import rehypeHeadingPhrases from './rehype-heading-phrases.ts';
import rehypeFootnoteNumbers from './rehype-footnote-numbers.ts';
import rehypeMissingTableNote from './rehype-missing-table-note.ts';
import rehypeParagraphAnchors from './rehype-paragraph-anchors.ts';
import rehypeSectionIds from './rehype-section-ids.ts';
import rehypeSectionLinks from './rehype-section-links.ts';

export const markdownOptions = {
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
  // Order matters: section links need the section ids.
  rehypePlugins: [
    rehypeMissingTableNote,
    rehypeSectionIds,
    rehypeSectionLinks,
    rehypeHeadingPhrases,
    rehypeParagraphAnchors,
    rehypeExpertLinks,
    rehypeFootnoteNumbers,
  ],
} satisfies UnifiedProcessorOptions;
