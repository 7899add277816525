import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { anchors } from '../lib/registry.ts';

/** The heading levels that open a section of the body. */
const SECTION_HEADINGS = new Set(['h2', 'h3']);

/**
 * Gives the section headings of a document the ids `s1`, `s2` … in reading
 * order, so that every section has a short, permanent address (`#s2`).
 *
 * The footnotes section that remark-rehype appends is not part of the body:
 * it is skipped, and its heading keeps its own id. Runs before Astro's own
 * heading-id step, which keeps an id that is already set, so the headings
 * that `render()` returns carry these ids too.
 */
export default function rehypeSectionIds() {
  return (tree: Root) => {
    let n = 0;
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'section' && node.properties.dataFootnotes != null) return SKIP;
      if (SECTION_HEADINGS.has(node.tagName) && node.properties.id == null) {
        n += 1;
        node.properties.id = anchors.section(n);
      }
      return undefined;
    });
  };
}
