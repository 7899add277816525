/**
 * Where the browser breaks lines, and whether a title or a name is broken
 * inside a word. The page reports, for each block of text outside the
 * reading text, the block's text and the offsets at which a new line starts
 * (not counting breaks at a space); the test then looks up every title and
 * name in those blocks and checks each break inside one against jieba's
 * words of it.
 */
import type { Page } from 'playwright-core';

export interface BrokenBlock {
  /** The block's text as the page shows it (its text nodes joined; `<wbr>` adds nothing). */
  text: string;
  /** Offsets in `text` where a line starts other than after whitespace. */
  breaks: number[];
}

/**
 * Every block of visible text outside `exclude` that runs over more than one
 * line, with where its lines break. A block is the nearest ancestor that is
 * not inline; lines are told apart along the block's writing mode (the theme
 * table sets its theme names vertically).
 */
export function lineBreaksOnPage(page: Page, exclude: string): Promise<BrokenBlock[]> {
  return page.evaluate((exclude) => {
    const blockOf = (el: Element): Element => {
      let at: Element = el;
      while (at.parentElement && /^(inline|contents)$/.test(getComputedStyle(at).display)) at = at.parentElement;
      return at;
    };
    const groups = new Map<Element, Text[]>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const el = node.parentElement;
      if (!el || el.closest(exclude) || !el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
      const block = blockOf(el);
      groups.set(block, [...(groups.get(block) ?? []), node]);
    }
    const out: { text: string; breaks: number[] }[] = [];
    const range = document.createRange();
    for (const [block, nodes] of groups) {
      const mode = getComputedStyle(block).writingMode;
      /** A line's position across the lines: top for horizontal text, left or right for vertical. */
      const across = (r: DOMRect) => (mode === 'vertical-rl' ? -r.right : mode.startsWith('vertical') ? r.left : r.top);
      const extent = (r: DOMRect) => (mode.startsWith('vertical') ? r.width : r.height);
      let text = '';
      let previous: { at: number; line: number; size: number } | undefined;
      let spaceSince = false;
      const breaks: number[] = [];
      for (const node of nodes) {
        for (let i = 0; i < node.data.length; i++) {
          const at = text.length + i;
          if (/\s/.test(node.data[i]!)) {
            spaceSince = true;
            continue;
          }
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (!rect || rect.width === 0) continue;
          const line = across(rect);
          if (previous && line > previous.line + previous.size / 2 && !spaceSince) breaks.push(at);
          previous = { at, line, size: extent(rect) };
          spaceSince = false;
        }
        text += node.data;
      }
      if (breaks.length) out.push({ text, breaks });
    }
    return out;
  }, exclude);
}

/** A word of a title or a name that a line break cuts, for the failure message: `王/兴平 in “…”`. */
export interface CutWord {
  word: string;
  at: string;
}

const HAN = /\p{Script=Han}/u;

/**
 * The breaks of `blocks` that fall inside a word of one of `phrases`: each
 * phrase (a title, a name) is given with the offsets where it may break.
 * Every occurrence that stands as a title or name is checked: one that no
 * Chinese character runs into on either side (新质生产力 inside a sentence
 * is a word of that sentence, not the theme's name).
 */
export function wordsCut(blocks: readonly BrokenBlock[], phrases: ReadonlyMap<string, ReadonlySet<number>>): CutWord[] {
  const cut: CutWord[] = [];
  for (const { text, breaks } of blocks) {
    for (const [phrase, allowed] of phrases) {
      for (let from = text.indexOf(phrase); from >= 0; from = text.indexOf(phrase, from + 1)) {
        if (HAN.test(text[from - 1] ?? '') || HAN.test(text[from + phrase.length] ?? '')) continue;
        for (const b of breaks) {
          const inside = b - from;
          if (inside > 0 && inside < phrase.length && !allowed.has(inside)) {
            cut.push({ word: `${phrase.slice(0, inside)}/${phrase.slice(inside)}`, at: text.length > 60 ? `${text.slice(0, 60)}…` : text });
          }
        }
      }
    }
  }
  return cut;
}

/** The offsets between a text's words, where a line may break: the ends of all but the last word. */
export function wordBoundaries(words: readonly string[]): Set<number> {
  const out = new Set<number>();
  let at = 0;
  for (const word of words.slice(0, -1)) out.add((at += word.length));
  return out;
}
