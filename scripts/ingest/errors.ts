/** An input problem, reported as `file:line: what was found; what was expected`. */
export class IngestError extends Error {
  readonly file: string;
  readonly line: number;

  constructor(file: string, line: number, message: string) {
    super(`${file}:${line}: ${message}`);
    this.name = 'IngestError';
    this.file = file;
    this.line = line;
  }
}

/** A character as a message names it, since some are invisible: `U+00A0`. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
