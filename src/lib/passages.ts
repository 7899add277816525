/**
 * Reads content/passages.json (written by the ingest) and checks it against
 * the schema. The one reader of that file: the `passages` content collection
 * loads it through here, and so does the search index integration, which
 * runs after the build, outside the content layer. Pages ask documents.ts.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { passageSchema, type Passage } from './schema.ts';

export function readPassagesFile(contentDir: string): Passage[] {
  const file = `${contentDir}/passages.json`;
  const parsed = z.array(passageSchema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}; run npm run ingest`);
  return parsed.data;
}
