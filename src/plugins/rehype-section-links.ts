import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isSectionAnchor } from '../lib/registry.ts';

/** The ids rehype-section-ids gives the body's section headings. */

/**
 * Gives every section heading (`<h2 id="s2">`, `<h3 id="s3">`) a link to
 * itself, as paragraphs have their margin numbers:
 *
 *     <h2 id="s2">一、…<a class="snum" href="#s2" aria-label="本节地址 #s2"></a></h2>
 *
 * The link has no text of its own (the page's CSS shows a `§`), so the
 * heading text that Astro collects for outlines stays the heading's words.
 * Runs after rehype-section-ids.
 */
export default function rehypeSectionLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (!/^h[23]$/.test(node.tagName) || typeof id !== 'string' || !isSectionAnchor(id)) return;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['snum'], href: `#${id}`, ariaLabel: `本节地址 #${id}` },
        children: [],
      });
    });
  };
}
