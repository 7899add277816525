import type { Element, Root } from 'hast';
import { anchors } from '../lib/registry.ts';

/**
 * Numbers the body paragraphs of a document: each top-level `<p>` gets the id
 * `p1`, `p2` … in reading order, and starts with a link to itself that shows
 * the number (the page's CSS moves it into the margin):
 *
 *     <p id="p3"><a class="pnum" href="#p3" aria-label="第3段">3</a>…</p>
 *
 * Only direct children of the root count: headings, figure captions and the
 * paragraphs inside footnotes are not the author's body paragraphs.
 */
export default function rehypeParagraphAnchors() {
  return (tree: Root) => {
    let n = 0;
    for (const node of tree.children) {
      if (node.type !== 'element' || node.tagName !== 'p') continue;
      n += 1;
      const id = anchors.paragraph(n);
      node.properties.id = id;
      node.children.unshift(paragraphLink(id, n));
    }
  };
}

function paragraphLink(id: string, n: number): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { className: ['pnum'], href: `#${id}`, ariaLabel: `第${n}段` },
    children: [{ type: 'text', value: String(n) }],
  };
}
