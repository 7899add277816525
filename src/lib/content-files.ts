/**
 * The documents and themes of a content folder, read straight from its files
 * (Node, no Astro): for what runs outside the content layer, the search
 * index integration after the build and the tools. Each document is
 * checked against its schema and described by the registry, as the content
 * collections (src/content.config.ts) and documents.ts do for the pages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { describeDoc, type DocInfo, type DocSource } from './registry.ts';
import { essaySchema, forumSchema, paperSchema, paperSectionSchema, themeSchema, type Theme } from './schema.ts';

export interface ContentDoc extends DocInfo {
  /** The Markdown after the front matter. */
  body: string;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/** A document file's front matter, checked against its schema, and its body. */
function readDoc<T>(file: string, schema: z.ZodType<T>): { meta: T; body: string } {
  const text = readFileSync(file, 'utf8');
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new Error(`${file}: no front matter; expected the ingest's --- block`);
  const parsed = schema.safeParse(parse(match[1]!));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}; run npm run ingest`);
  return { meta: parsed.data, body: text.slice(match[0].length) };
}

const others = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'index.md')
    .map((f) => path.join(dir, f));

/** Every document of the folder in reading order: the editor's note, the essays, the paper's introduction, its sections. */
export function readDocumentFiles(contentDir: string): ContentDoc[] {
  const forum = readDoc(path.join(contentDir, 'forum', 'index.md'), forumSchema);
  const essays = others(path.join(contentDir, 'forum')).map((f) => readDoc(f, essaySchema)).sort((a, b) => a.meta.order - b.meta.order);
  const paper = readDoc(path.join(contentDir, 'paper', 'index.md'), paperSchema);
  const sections = others(path.join(contentDir, 'paper')).map((f) => readDoc(f, paperSectionSchema)).sort((a, b) => a.meta.n - b.meta.n);
  const docs: { meta: DocSource; body: string }[] = [forum, ...essays, paper, ...sections];
  return docs.map(({ meta, body }) => ({ ...describeDoc(meta, paper.meta.authors), body }));
}

/** The themes of the folder's themes.yaml, in their order there. */
export function readThemesFile(contentDir: string): Theme[] {
  const file = path.join(contentDir, 'themes.yaml');
  const parsed = z.array(themeSchema).safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}
