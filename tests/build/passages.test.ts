/**
 * The ingest numbers paragraphs for its passage list (content/passages.json,
 * which theme pages link from); the site numbers them again when it renders.
 * Both must agree, or a link to a passage lands on the wrong paragraph.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { fold, page } from '../helpers/pages.ts';
import { ROOT } from '../../scripts/lib/paths.ts';
import { pageOfDoc } from '../helpers/corpus.ts';

const FILE = path.join(ROOT, 'content', 'passages.json');

interface Passage {
  id: string;
  doc: string;
  p: number;
  text: string;
}

test('every passage the ingest lists is the paragraph its address points to', () => {
  expect(existsSync(FILE), 'content/passages.json (written by npm run ingest)').toBe(true);
  const passages = JSON.parse(readFileSync(FILE, 'utf8')) as Passage[];
  expect(passages.length).toBeGreaterThan(0);
  const wrong = passages.flatMap((passage) => {
    const url = pageOfDoc(passage.doc);
    const { $ } = page(url);
    const id = `p${passage.p}`;
    const el = $('[id]').filter((_, e) => $(e).attr('id') === id).first();
    if (!el.length) return [`${passage.id}: no #${id} on ${url}`];
    const text = el.clone();
    text.find(`a[href="#${id}"]`).remove();
    const got = fold(text.text());
    const want = fold(passage.text).slice(0, 20);
    return got.startsWith(want) ? [] : [`${passage.id}: ${url}#${id} starts “${got.slice(0, 20)}”, the passage “${want}”`];
  });
  expect(wrong).toEqual([]);
});
