import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Keeps what is not the author's running text out of the search index
 * (`data-pagefind-ignore`): the paragraph numbers in the margin, footnote
 * reference numbers, the footnotes section, and the note on the missing
 * table. Otherwise a search for “12” would find every twelfth paragraph, and
 * a passage's text in the index would start with its own number.
 */
export default function rehypeSearchIgnore() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (isIgnored(node)) node.properties.dataPagefindIgnore = '';
    });
  };
}

function classes(node: Element): unknown[] {
  const cls = node.properties.className;
  return Array.isArray(cls) ? cls : [];
}

function isIgnored(node: Element): boolean {
  if (node.tagName === 'a' && classes(node).includes('pnum')) return true;
  if (node.tagName === 'a' && node.properties.dataFootnoteRef != null) return true;
  if (node.tagName === 'section' && node.properties.dataFootnotes != null) return true;
  return node.tagName === 'figure' && classes(node).includes('missing-table');
}
