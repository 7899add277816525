/** jieba, loaded once with the theme terms as its user dictionary. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import type { Theme } from '../../src/lib/schema.ts';
import { buildUserDict, type Segmenter } from './tag.ts';

let loaded: string | null = null;

export function jiebaSegmenter(themes: Theme[]): Segmenter {
  const dict = buildUserDict(themes);
  if (loaded !== null && loaded !== dict) throw new Error('jieba is already loaded with another user dictionary');
  if (loaded === null) {
    const dir = mkdtempSync(join(tmpdir(), 'jieba-'));
    try {
      writeFileSync(join(dir, 'user.dict.utf8'), dict);
      nodejieba.load({ userDict: join(dir, 'user.dict.utf8') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    loaded = dict;
  }
  return {
    cut: (text) => nodejieba.cut(text),
    tag: (text) => nodejieba.tag(text),
  };
}
