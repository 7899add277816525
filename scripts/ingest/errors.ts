/** An input problem, reported as `file:line: what was expected`. */
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
