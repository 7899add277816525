/**
 * Checks the raw bytes of a source and cuts it into numbered lines.
 * Sources are kept verbatim, so anything unusual is an error rather than a silent repair.
 */
import { IngestError } from './errors.ts';
import type { SourceLine } from './model.ts';

export function normalize(file: string, raw: string): SourceLine[] {
  if (raw.trim() === '') throw new IngestError(file, 1, 'the file is empty; expected the source text');
  if (raw.startsWith('\uFEFF')) {
    throw new IngestError(file, 1, 'starts with a byte-order mark; expected UTF-8 without BOM');
  }
  const lines = raw.split('\n');
  return lines.map((text, i) => {
    const n = i + 1;
    if (text.endsWith('\r')) throw new IngestError(file, n, 'CRLF line ending; expected LF line endings');
    if (text.includes('\uFFFD')) throw new IngestError(file, n, 'invalid UTF-8 (U+FFFD); expected UTF-8 text');
    if (/[\u0000-\u0008\u000B-\u001F]/.test(text)) {
      throw new IngestError(file, n, 'control character; expected plain text');
    }
    return { n, text: text.trimEnd() };
  });
}

/** The non-empty lines, in order. */
export function contentLines(lines: SourceLine[]): SourceLine[] {
  return lines.filter((l) => l.text.trim() !== '');
}
