/**
 * The paper's footnotes are inlined right after their circled marker:
 * `…格局。”①习近平:《…》,北京:人民出版社,2022 年,第32 页。中国经济…`.
 * A citation runs from the marker to the first citation ending; the marker
 * becomes a reference, numbered through the whole paper.
 */
import { IngestError } from './errors.ts';
import type { Footnote, Inline, Removal } from './model.ts';

export const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const MARKER = new RegExp(`[${CIRCLED}]`);

/** The forms of citation ending seen in the source: a book's page(s), a journal issue, a newspaper date. */
const CITATION_END = /第\s*\d+(?:\s*[—–-]\s*\d+)?\s*页。|\d{4}\s*年\s*第\s*\d+\s*期。|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日。/;

/** Running state across the paragraphs of one paper. */
export interface FootnoteCounter {
  /** The last paper-wide number given out. */
  last: number;
  /** Index in CIRCLED of the last marker seen (-1 before the first). */
  lastMarker: number;
}

export function newFootnoteCounter(): FootnoteCounter {
  return { last: 0, lastMarker: -1 };
}

export interface ExtractedLine {
  parts: Inline[];
  notes: Footnote[];
  removals: Removal[];
}

/** Extracts the inlined footnotes of one source line. */
export function extractFootnotes(file: string, line: number, text: string, counter: FootnoteCounter): ExtractedLine {
  const parts: Inline[] = [];
  const notes: Footnote[] = [];
  const removals: Removal[] = [];
  let rest = text;
  let offset = 0; // where rest starts in the line
  for (let found = MARKER.exec(rest); found; found = MARKER.exec(rest)) {
    const marker = found[0];
    const markerIndex = CIRCLED.indexOf(marker);
    if (markerIndex !== counter.lastMarker + 1 && markerIndex !== 0) {
      const previous = counter.lastMarker < 0 ? 'no marker' : CIRCLED[counter.lastMarker];
      const expected = counter.lastMarker < 0 ? '①' : `${CIRCLED[counter.lastMarker + 1]} or a new page's ①`;
      throw new IngestError(file, line, `footnote marker ${marker} follows ${previous}; expected ${expected}`);
    }
    if (found.index > 0) parts.push(rest.slice(0, found.index));
    const after = rest.slice(found.index + 1);
    const end = CITATION_END.exec(after);
    const nextMarker = MARKER.exec(after);
    if (!end || (nextMarker && nextMarker.index < end.index)) {
      throw new IngestError(
        file,
        line,
        `footnote ${marker} (${after.slice(0, 20)}…) has no recognised ending; expected a citation ending in 第N页。, YYYY年第N期。 or YYYY年M月D日。`,
      );
    }
    const citationEnd = end.index + end[0].length;
    counter.last += 1;
    counter.lastMarker = markerIndex;
    notes.push({ n: counter.last, text: after.slice(0, citationEnd), line });
    removals.push({ line, column: offset + found.index, text: marker, reason: 'footnote marker (now a numbered reference)' });
    parts.push({ note: counter.last });
    offset += found.index + 1 + citationEnd;
    rest = after.slice(citationEnd);
  }
  if (rest) parts.push(rest);
  return { parts, notes, removals };
}
