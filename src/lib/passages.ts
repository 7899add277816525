/**
 * The body paragraphs of every page, from content/passages.json (written by
 * the ingest), checked against the schema and grouped by document.
 */
import { z } from 'astro/zod';
import raw from '../../content/passages.json';
import { passageSchema, type Passage } from './schema';

/** The paragraphs of each document key, in order: entry i is paragraph #p(i+1). */
export function passagesByDoc(): Map<string, Passage[]> {
  const byDoc = new Map<string, Passage[]>();
  for (const passage of z.array(passageSchema).parse(raw)) {
    const list = byDoc.get(passage.doc) ?? [];
    if (passage.p !== list.length + 1) {
      throw new Error(`content/passages.json: ${passage.id} follows paragraph ${list.length} of “${passage.doc}”; expected p${list.length + 1}`);
    }
    byDoc.set(passage.doc, [...list, passage]);
  }
  return byDoc;
}
