import type { Element, Root } from 'hast';
import type { Node, Parent } from 'unist';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** Raw HTML left in the tree by remark-rehype (`allowDangerousHtml`), parsed later by Astro. */
interface Raw extends Node {
  type: 'raw';
  value: string;
}

/** What the reader is told where the source printed a table it does not contain. */
export const MISSING_TABLE_NOTE = '原文此处为表格，来源未收录表格内容。';

/** The exact form the ingest writes for a table whose body the source lacks. */
const MISSING_TABLE_HTML =
  /^\s*<figure class="missing-table"><figcaption>([^<>&]+)<\/figcaption><\/figure>\s*$/;

/**
 * Marks the place of a table the source does not contain.
 *
 * The ingest writes the table's caption as raw HTML,
 * `<figure class="missing-table"><figcaption>表1 …</figcaption></figure>`.
 * This plugin turns it into elements and adds, in the table's place, a
 * visible note that the table itself is missing from the source. A raw block
 * that mentions `missing-table` in any other form stops the build.
 */
export default function rehypeMissingTableNote() {
  return (tree: Root, file: VFile) => {
    // Walk the tree as plain unist nodes: hast's types do not know `raw`.
    visit(tree as Node, (node: Node, index: number | undefined, parent: Parent | undefined) => {
      if (isRaw(node) && node.value.includes('missing-table')) {
        const caption = node.value.match(MISSING_TABLE_HTML)?.[1];
        if (caption === undefined || parent === undefined || index === undefined) {
          const line = node.position?.start.line ?? '?';
          throw new Error(
            `${file.path}:${line}: expected <figure class="missing-table"><figcaption>…</figcaption></figure>`,
          );
        }
        parent.children[index] = missingTable(caption.trim());
      } else if (isElement(node) && isMissingTable(node) && !node.children.some(isNote)) {
        node.children.push(note());
      }
    });
  };
}

function isElement(node: Node): node is Element {
  return node.type === 'element';
}

function isRaw(node: Node): node is Raw {
  return node.type === 'raw' && typeof (node as Partial<Raw>).value === 'string';
}

function missingTable(caption: string): Element {
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['missing-table'] },
    children: [
      { type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] },
      note(),
    ],
  };
}

function note(): Element {
  return {
    type: 'element',
    tagName: 'p',
    properties: { className: ['missing-table-note'] },
    children: [{ type: 'text', value: MISSING_TABLE_NOTE }],
  };
}

function hasClass(node: Element, name: string): boolean {
  const cls = node.properties.className;
  return Array.isArray(cls) && cls.includes(name);
}

function isMissingTable(node: Element): boolean {
  return node.tagName === 'figure' && hasClass(node, 'missing-table');
}

function isNote(node: Element['children'][number]): boolean {
  return node.type === 'element' && hasClass(node, 'missing-table-note');
}
