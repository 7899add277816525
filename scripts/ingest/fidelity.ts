/**
 * The fidelity invariant: the text of the generated documents, markup
 * removed, equals the normalized source minus what the split stages name as
 * removed. White space is layout (paragraph breaks, page-break joins) and is
 * not compared. Both sides are compared in their NFKC forms, in which the
 * full-width punctuation of the punctuation repair (punctuation.ts) is the
 * ASCII the source has: `，` is `,`, `（` is `(`.
 */
import type { Nodes, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { IngestError } from './errors.ts';
import type { Removal, SourceLine, SplitMeta } from './model.ts';

const WHITESPACE = /\s/gu;

/** A character as the check compares it: its NFKC form, white space dropped (NFKC turns some marks into several characters). */
const comparable = (ch: string) => ch.normalize('NFKC').replace(WHITESPACE, '');

/** A text as the check compares it, character by character, as the source stream is made. */
const comparableText = (text: string) => Array.from(text, comparable).join('');

interface Stream {
  text: string;
  /** Source line of each character of text. */
  lines: number[];
}

/** The source's characters, removals cut out, white space dropped, in NFKC form. */
export function sourceStream(file: string, lines: SourceLine[], removals: Removal[]): Stream {
  const stream: Stream = { text: '', lines: [] };
  for (const line of lines) {
    let text = '';
    let kept = 0; // how much of the line has been taken into text
    const onLine = removals.filter((r) => r.line === line.n).sort((a, b) => a.column - b.column);
    for (const removal of onLine) {
      if (removal.column < kept || line.text.slice(removal.column, removal.column + removal.text.length) !== removal.text) {
        throw new IngestError(file, line.n, `removal «${removal.text}» (${removal.reason}) is not at column ${removal.column + 1} of this line`);
      }
      text += line.text.slice(kept, removal.column);
      kept = removal.column + removal.text.length;
    }
    text += line.text.slice(kept);
    for (const ch of comparableText(text)) {
      stream.text += ch;
      stream.lines.push(line.n);
    }
  }
  return stream;
}

const parser = unified().use(remarkParse).use(remarkGfm);

function stripTags(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Reading text of a Markdown body, each footnote reference replaced by its note, where the source had it. */
export function markdownText(markdown: string): string {
  const tree = parser.parse(markdown.replace(/^---\n[\s\S]*?\n---\n/, '')) as Root;
  const notes = new Map<string, string>();
  for (const node of tree.children) {
    if (node.type === 'footnoteDefinition') notes.set(node.identifier, textOf(node, notes));
  }
  return tree.children
    .filter((node) => node.type !== 'footnoteDefinition' && node.type !== 'definition')
    .map((node) => textOf(node, notes))
    .join('');
}

function textOf(node: Nodes, notes: Map<string, string>): string {
  if (node.type === 'footnoteReference') return notes.get(node.identifier) ?? `[^${node.identifier}]`;
  if (node.type === 'html') return stripTags(node.value);
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map((child) => textOf(child, notes)).join('');
  return '';
}

/** The metadata that stands in the source before a document's body, in source order. */
export function printedHead(meta: SplitMeta): string {
  switch (meta.kind) {
    case 'forum':
      return meta.title + meta.experts.join('');
    case 'essay':
      return meta.title + meta.author + meta.affiliation;
    case 'paper':
      return meta.title + meta.keywords + meta.authors.join('');
    case 'paper-section':
      return meta.title;
  }
}

/** The forum's closing lines stand after all its essays. */
export function printedTail(meta: SplitMeta): string {
  return meta.kind === 'forum' ? meta.remark + meta.revised : '';
}

export interface RenderedDoc {
  meta: SplitMeta;
  markdown: string;
}

function context(text: string, at: number): string {
  return text.slice(Math.max(0, at - 8), at + 8);
}

/** Fails with the source position of the first character lost, added or changed. */
export function checkFidelity(file: string, lines: SourceLine[], removals: Removal[], docs: RenderedDoc[]): void {
  const source = sourceStream(file, lines, removals);
  const generated = comparableText([...docs.map((d) => printedHead(d.meta) + markdownText(d.markdown)), ...docs.map((d) => printedTail(d.meta))].join(''));
  if (generated === source.text) return;
  let at = 0;
  while (at < source.text.length && source.text[at] === generated[at]) at += 1;
  const line = source.lines[Math.min(at, source.lines.length - 1)] ?? 1;
  throw new IngestError(
    file,
    line,
    `fidelity: the documents differ from the source here: source «${context(source.text, at)}», documents «${context(generated, at)}»`,
  );
}
