import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { phrases } from '../lib/phrases.ts';
import { isSectionAnchor } from '../lib/registry.ts';

/**
 * Sets the body's section headings (#s1 …, after rehype-section-ids) as
 * titles are set everywhere on the site (see
 * src/lib/phrases.ts): a line breaks only between words, at a `<wbr>`.
 *
 *     <h2 id="s1" class="phrases">1. 新质生产力是<wbr>我国<wbr>经济<wbr>转型…</h2>
 *
 * Only the heading's own text is cut; `<wbr>` adds no text, so the heading
 * text that Astro collects for outlines and the text search indexes stay the
 * heading's words.
 */
export default function rehypeHeadingPhrases() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (!/^h[1-6]$/.test(node.tagName) || typeof id !== 'string' || !isSectionAnchor(id)) return;
      node.properties.className = [...classList(node), 'phrases'];
      node.children = node.children.flatMap((child): ElementContent[] => (child.type === 'text' ? withBreaks(child.value) : [child]));
    });
  };
}

function classList(node: Element): string[] {
  const cls = node.properties.className;
  return Array.isArray(cls) ? cls.map(String) : [];
}

function withBreaks(text: string): ElementContent[] {
  return phrases(text).flatMap((part, i): ElementContent[] => [
    ...(i > 0 ? [{ type: 'element', tagName: 'wbr', properties: {}, children: [] } as Element] : []),
    { type: 'text', value: part },
  ]);
}
