/**
 * Turns classified source lines into blocks, joining paragraphs that a page
 * break split in two. A paragraph is open (split) when it stops mid-sentence.
 */
import { IngestError } from './errors.ts';
import type { Block, Inline } from './model.ts';

const SENTENCE_END = /[。！？：；…!?:;]$/;
const CLOSING_MARKS = /[”’」』）)】]+$/;

/** True when text ends a sentence: 。！？：； possibly followed by closing quotes or brackets. */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.replace(CLOSING_MARKS, '')) || SENTENCE_END.test(text);
}

/** Headings, titles and captions are short lines with no sentence in them. */
export function isShortLabel(text: string): boolean {
  return text.length <= 60 && !/[。！？；]/.test(text);
}

/** The plain text of a paragraph, footnote references left out. */
export function plainText(parts: Inline[]): string {
  return parts.filter((p): p is string => typeof p === 'string').join('');
}

/** A paragraph ending in a footnote reference ended its sentence: the citation closed with 。 */
function isOpen(parts: Inline[]): boolean {
  const last = parts[parts.length - 1];
  return typeof last === 'string' && !endsSentence(last);
}

function appendParts(into: Inline[], more: Inline[]): void {
  for (const part of more) {
    const last = into[into.length - 1];
    if (typeof part === 'string' && typeof last === 'string') into[into.length - 1] = last + part;
    else into.push(part);
  }
}

function textOf(block: Block): Inline[] {
  return block.kind === 'paragraph' ? block.parts : [block.text];
}

export function lastLineOf(block: Block): number {
  return block.kind === 'paragraph' ? block.to : block.line;
}

export interface JoinResult {
  blocks: Block[];
  joins: number;
}

/**
 * Joins each open paragraph with the block after it, whatever that block looks
 * like: the continuation of a split sentence can be short enough to pass for a heading.
 */
export function joinPageBreaks(file: string, items: Block[]): JoinResult {
  const blocks: Block[] = [];
  let open: Extract<Block, { kind: 'paragraph' }> | null = null;
  let joins = 0;
  for (const item of items) {
    if (open) {
      appendParts(open.parts, textOf(item));
      open.to = lastLineOf(item);
      joins += 1;
      if (!isOpen(open.parts)) open = null;
      continue;
    }
    const block: Block = item.kind === 'paragraph' ? { ...item, parts: [...item.parts] } : item;
    blocks.push(block);
    if (block.kind === 'paragraph' && isOpen(block.parts)) open = block;
  }
  if (open) {
    const tail = plainText(open.parts).slice(-12);
    throw new IngestError(
      file,
      open.to,
      `paragraph stops mid-sentence (…${tail}) with nothing after it to join; expected it to end with 。？！ or similar`,
    );
  }
  return { blocks, joins };
}
