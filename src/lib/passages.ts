/**
 * The body paragraphs of every page, from passages.json in the content folder
 * (written by the ingest), checked against the schema and grouped by document.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { CONTENT_DIR } from './content-dir';
import { passageSchema, type Passage } from './schema';

/** Every body paragraph, in reading order. */
export function readPassages(): Passage[] {
  return z.array(passageSchema).parse(JSON.parse(readFileSync(`${CONTENT_DIR}/passages.json`, 'utf8')));
}

/** The paragraphs of each document key, in order: entry i is paragraph #p(i+1). */
export function passagesByDoc(): Map<string, Passage[]> {
  const byDoc = new Map<string, Passage[]>();
  for (const passage of readPassages()) {
    const list = byDoc.get(passage.doc) ?? [];
    if (passage.p !== list.length + 1) {
      throw new Error(`passages.json: ${passage.id} follows paragraph ${list.length} of “${passage.doc}”; expected p${list.length + 1}`);
    }
    byDoc.set(passage.doc, [...list, passage]);
  }
  return byDoc;
}
