/** Text from an address as a page repeats it (src/client/clip.ts): short text as it is, long text cut with …. */
import { describe, expect, it } from 'vitest';
import { clip } from '../../src/client/clip.ts';

describe('clip', () => {
  it.each(['wang-kai:p5', 'zhao-yanjing:p12', '<img src=x onerror=alert(1)>', ''])('repeats %j as it is', (text) => {
    expect(clip(text)).toBe(text);
  });

  it('cuts a long text to its first 40 characters and …', () => {
    const long = 'x'.repeat(100_000);
    expect(clip(long)).toBe(`${'x'.repeat(40)}…`);
    expect(clip('y'.repeat(41))).toBe(`${'y'.repeat(40)}…`);
    expect(clip('z'.repeat(40))).toBe('z'.repeat(40));
  });

  it('counts characters, not UTF-16 units, and never cuts one in half', () => {
    expect(clip('𠀀'.repeat(40))).toBe('𠀀'.repeat(40));
    expect(clip('𠀀'.repeat(41))).toBe(`${'𠀀'.repeat(40)}…`);
  });
});
