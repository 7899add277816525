/**
 * Reads the bytes of a source as text and cuts it into numbered lines.
 * The files stay verbatim. What an editor or a transfer adds without touching
 * the text (a byte-order mark, CRLF or CR line endings) is repaired here, in
 * memory, and reported; anything else unusual is an error.
 */
import { codePoint, IngestError } from './errors.ts';
import type { SourceLine } from './model.ts';

export interface DecodedSource {
  text: string;
  /** What was repaired, e.g. `CRLF line endings read as LF`; empty for a clean file. */
  repairs: string[];
}

const LINE_BREAK = /\r\n|\r|\n/;

/** Byte offset of the first byte sequence that is not UTF-8, or -1 when all of it is. */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let sequenceStart = 0;
  try {
    for (let i = 0; i < bytes.length; i++) {
      // A byte that completes a character (or is one) yields text; the start of a longer sequence yields none yet.
      if (decoder.decode(bytes.subarray(i, i + 1), { stream: true }) !== '') sequenceStart = i + 1;
    }
    decoder.decode();
    return -1;
  } catch {
    return sequenceStart;
  }
}

function notUtf8(file: string, bytes: Uint8Array, at: number): IngestError {
  const before = new TextDecoder().decode(bytes.subarray(0, at)).split(LINE_BREAK);
  const lineStart = before[before.length - 1]!;
  const found = [...bytes.subarray(at, at + 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  const where = lineStart ? `after «${lineStart.slice(-12)}»` : 'at the start of the line';
  return new IngestError(
    file,
    before.length,
    `not UTF-8: found the bytes ${found} ${where}; expected UTF-8 text (a GBK file converts with iconv -f GBK -t UTF-8)`,
  );
}

export function decodeSource(file: string, bytes: Uint8Array): DecodedSource {
  const invalid = firstInvalidByte(bytes);
  if (invalid >= 0) throw notUtf8(file, bytes, invalid);
  let text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const repairs: string[] = [];
  if (text.startsWith('\uFEFF')) {
    text = text.slice(1);
    repairs.push('byte-order mark dropped');
  }
  const endings = [/\r\n/.test(text) && 'CRLF', /\r(?!\n)/.test(text) && 'CR'].filter(Boolean);
  if (endings.length) {
    text = text.replace(/\r\n?/g, '\n');
    repairs.push(`${endings.join(' and ')} line endings read as LF`);
  }
  return { text, repairs };
}

export function normalize(file: string, text: string): SourceLine[] {
  if (text.trim() === '') throw new IngestError(file, 1, 'the file is empty; expected the source text');
  return text.split('\n').map((line, i) => {
    const n = i + 1;
    if (line.includes('\uFFFD')) {
      throw new IngestError(file, n, 'found U+FFFD, the mark an earlier failed conversion leaves for a lost character; expected the original text');
    }
    const control = /[\u0000-\u0008\u000B-\u001F]/.exec(line);
    if (control) {
      throw new IngestError(file, n, `found the control character ${codePoint(control[0])}; expected plain text`);
    }
    return { n, text: line.trimEnd() };
  });
}

/** The non-empty lines, in order. */
export function contentLines(lines: SourceLine[]): SourceLine[] {
  return lines.filter((l) => l.text.trim() !== '');
}
