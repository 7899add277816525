import { describe, expect, it } from 'vitest';
import { decodeSource, normalize } from '../../../scripts/ingest/normalize.ts';
import { ingestError } from './helpers.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decodeSource', () => {
  it('reads clean UTF-8 as it is, with nothing to report', () => {
    expect(decodeSource('a.txt', bytes('标题\n\n正文。\n'))).toEqual({ text: '标题\n\n正文。\n', repairs: [] });
  });

  it.each([
    ['a byte-order mark', '\uFEFF标题\n\n正文。\n', ['byte-order mark dropped']],
    ['CRLF line endings', '标题\r\n\r\n正文。\r\n', ['CRLF line endings read as LF']],
    ['CR line endings', '标题\r\r正文。\r', ['CR line endings read as LF']],
    ['both, and a byte-order mark', '\uFEFF标题\r\n\r正文。\r\n', ['byte-order mark dropped', 'CRLF and CR line endings read as LF']],
  ])('repairs %s, keeping the line numbers, and says what it did', (_, raw, repairs) => {
    const decoded = decodeSource('a.txt', bytes(raw));
    expect(decoded.text).toBe('标题\n\n正文。\n');
    expect(decoded.repairs).toEqual(repairs);
  });

  it('names the first line that is not UTF-8, and the bytes found there', () => {
    const gbk = Uint8Array.from([...bytes('标题\r\n\r\n正文'), 0xd5, 0xfd, 0xce, 0xc4, ...bytes('\n')]); // 正文 in GBK
    expect(ingestError(() => decodeSource('a.txt', gbk)).message).toBe(
      'a.txt:3: not UTF-8: found the bytes d5 fd ce c4 after «正文»; expected UTF-8 text (a GBK file converts with iconv -f GBK -t UTF-8)',
    );
  });

  it('names a UTF-8 sequence cut off at the end of the file', () => {
    expect(ingestError(() => decodeSource('a.txt', bytes('标题\n正文').subarray(0, -1))).message).toMatch(/^a\.txt:2: not UTF-8: found the bytes e6 96 after «正»/);
  });
});

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
    ['a control character', '标题\n\n正\u0007文', 'a.txt:3: found the control character U+0007'],
    ['a replacement character left by an earlier conversion', '标题\n正\uFFFD文', 'a.txt:2: found U+FFFD'],
  ])('rejects %s with file:line', (_, raw, message) => {
    expect(ingestError(() => normalize('a.txt', raw)).message).toContain(message);
  });
});
