/**
 * The paper's footnotes are inlined right after their circled marker:
 * `…格局。”①习近平:《…》,北京:人民出版社,2022 年,第32 页。中国经济…`.
 * A citation runs from the marker to its first full stop, which ends it;
 * the marker becomes a reference, numbered through the whole paper. Each
 * marker has one citation and each citation its marker: a citation left in
 * the text, or text where a citation should be, is an error.
 */
import { IngestError } from './errors.ts';
import type { Footnote, Inline, Removal } from './model.ts';

export const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const MARKER = new RegExp(`[${CIRCLED}]`);

/** The forms of citation ending seen in the source: a book's page(s), a journal issue, a newspaper date. */
const ENDING = String.raw`(?:第\s*\d+(?:\s*[—–-]\s*\d+)?\s*页|\d{4}\s*年\s*第\s*\d+\s*期|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)。`;
const CITATION_ENDING = new RegExp(ENDING);
/** A whole citation: a title in 《》, and no full stop or marker before its ending. */
const CITATION = new RegExp(`^[^。${CIRCLED}]*《[^》]+》[^。${CIRCLED}]*${ENDING}$`);
const EXPECTED_CITATION = 'a title in 《》 and, at the first 。, an ending 第N页。, YYYY年第N期。 or YYYY年M月D日。';

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

/** Text outside the footnotes holds no citation: one there has lost its marker. */
function checkNoBareCitation(file: string, line: number, text: string): void {
  const bare = CITATION_ENDING.exec(text);
  if (!bare) return;
  const end = bare.index + bare[0].length;
  const shown = text.slice(Math.max(0, end - 20), end);
  throw new IngestError(file, line, `found a citation in the text with no footnote marker (…${shown}); expected a circled marker ①…⑳ where the citation starts`);
}

/** The citation that follows a marker, up to and including its first full stop. */
function citationAfter(file: string, line: number, marker: string, after: string): string {
  if (after === '') {
    throw new IngestError(file, line, `found footnote marker ${marker} at the end of the line, with no citation after it; expected the citation right after the marker`);
  }
  const stop = after.indexOf('。');
  const citation = stop < 0 ? after : after.slice(0, stop + 1);
  if (CITATION.test(citation)) return citation;
  const next = MARKER.exec(citation);
  const found = next ? `running into marker ${next[0]} («${citation.slice(0, next.index + 1)}»)` : `followed by «${citation.slice(0, 20)}…», which is not a citation`;
  throw new IngestError(file, line, `found footnote ${marker} ${found}; expected the citation right after the marker: ${EXPECTED_CITATION}`);
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
    checkNoBareCitation(file, line, rest.slice(0, found.index));
    const markerIndex = CIRCLED.indexOf(marker);
    if (markerIndex !== counter.lastMarker + 1 && markerIndex !== 0) {
      const previous = counter.lastMarker < 0 ? 'no marker' : CIRCLED[counter.lastMarker];
      const expected = counter.lastMarker < 0 ? '①' : `${CIRCLED[counter.lastMarker + 1]} or a new page's ①`;
      throw new IngestError(file, line, `found footnote marker ${marker} after ${previous}; expected ${expected}`);
    }
    if (found.index > 0) parts.push(rest.slice(0, found.index));
    const after = rest.slice(found.index + 1);
    const citation = citationAfter(file, line, marker, after);
    counter.last += 1;
    counter.lastMarker = markerIndex;
    notes.push({ n: counter.last, text: citation, line });
    removals.push({ line, column: offset + found.index, text: marker, reason: 'footnote marker (now a numbered reference)' });
    parts.push({ note: counter.last });
    offset += found.index + 1 + citation.length;
    rest = after.slice(citation.length);
  }
  checkNoBareCitation(file, line, rest);
  if (rest) parts.push(rest);
  return { parts, notes, removals };
}
