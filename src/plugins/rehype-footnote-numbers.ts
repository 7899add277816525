import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Shows footnotes under their own labels instead of GFM's per-page count.
 *
 * remark-rehype numbers the footnotes of a page 1, 2, 3 … in the order they
 * are referenced, whatever their labels. The paper's footnotes are labelled
 * with their paper-wide numbers (`[^12]`), and a reader citing “note 12”
 * must find note 12. This plugin puts the label back everywhere a number is
 * shown or spoken, and leaves the links both ways as remark-rehype made them:
 *
 * - the reference `<a href="#fn-12" id="fnref-12">1</a>` shows `12`;
 * - the note `<li id="fn-12">` gets `value="12"`, so the list shows `12.`;
 * - the back link `<a href="#fnref-12">` is labelled with the number.
 *
 * Labels that are not numbers are left as remark-rehype numbered them.
 */
export default function rehypeFootnoteNumbers() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const href = typeof node.properties.href === 'string' ? node.properties.href : '';
      if (node.tagName === 'a' && node.properties.dataFootnoteRef != null) {
        const label = numericLabel(href.match(/fn-([^#]+)$/)?.[1]);
        if (label === undefined) return;
        node.children = [{ type: 'text', value: label }];
        node.properties.ariaLabel = `注释${label}`;
      } else if (node.tagName === 'a' && node.properties.dataFootnoteBackref != null) {
        const match = href.match(/fnref-(\d+)(?:-(\d+))?$/);
        const label = numericLabel(match?.[1]);
        if (label === undefined) return;
        const again = match?.[2] ? `（第${match[2]}处）` : '';
        node.properties.ariaLabel = `返回正文中注释${label}的引用处${again}`;
      } else if (node.tagName === 'li' && typeof node.properties.id === 'string') {
        const label = numericLabel(node.properties.id.match(/(?:^|-)fn-([^#]+)$/)?.[1]);
        if (label !== undefined) node.properties.value = label;
      }
    });
  };
}

function numericLabel(label: string | undefined): string | undefined {
  return label !== undefined && /^\d+$/.test(label) ? String(Number(label)) : undefined;
}
