import { describe, expect, it } from 'vitest';
import { normalize } from '../../../scripts/ingest/normalize.ts';
import { ingestError } from './helpers.ts';

describe('normalize', () => {
  it('numbers lines from 1 and trims trailing spaces', () => {
    expect(normalize('a.txt', '甲  \n\n乙')).toEqual([
      { n: 1, text: '甲' },
      { n: 2, text: '' },
      { n: 3, text: '乙' },
    ]);
  });

  it.each([
    ['an empty file', '', 'a.txt:1: the file is empty'],
    ['a file of blank lines', '\n \n', 'a.txt:1: the file is empty'],
    ['a byte-order mark', '\uFEFF标题\n', 'a.txt:1: starts with a byte-order mark'],
    ['CRLF line endings', '标题\n\n正文\r\n', 'a.txt:3: CRLF line ending'],
    ['invalid UTF-8', '标题\n正\uFFFD文', 'a.txt:2: invalid UTF-8'],
  ])('rejects %s with file:line', (_, raw, message) => {
    expect(ingestError(() => normalize('a.txt', raw)).message).toContain(message);
  });
});
