/**
 * The source texts the reading pages are made from, as the site shows them
 * on /sources/forum/ and /sources/paper/: verbatim, line by line, so that a
 * reader can check a reading page against the lines its 出处 names. Read at
 * build time from `sources/` of the content folder and its manifest.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { CONTENT_DIR } from './content-dir';
import { publication } from './documents';
import { TEXT_NAMES } from './registry';

/** Which of the two texts a source is; its page is /sources/<text>/. */
export type TextKey = keyof typeof TEXT_NAMES;

const manifestSchema = z.record(
  z.string(),
  z.object({
    kind: z.enum(['forum', 'paper']),
    title: z.string().min(1),
    journal: z.string().min(1),
    year: z.number().int(),
    issue: z.number().int().optional(),
  }),
);

export interface SourceText {
  /** forum or paper: the text it is, and its page. */
  text: TextKey;
  /** The file's name in the content folder's sources/. */
  file: string;
  /** The work's title as its manifest gives it. */
  title: string;
  /** The work as a sentence names it: the forum by its title (“…”学术笔谈), the paper in 《》. */
  name: string;
  /** Journal, year and issue, as the site prints them: 《城市规划学刊》2024年. */
  publication: string;
  /** The file's lines, without their line endings; line n is `lines[n - 1]`. */
  lines: string[];
}

const MANIFEST = 'manifest.json';

/**
 * A file's lines, numbered as the ingest numbers them: a byte-order mark and
 * CR line endings do not count, and a final line ending starts no line.
 */
export function linesOf(raw: string): string[] {
  return raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
}

let cached: SourceText[] | undefined;

/** Every source text of the manifest, the forum first. */
export function getSourceTexts(): SourceText[] {
  if (cached) return cached;
  const dir = path.join(CONTENT_DIR, 'sources');
  const manifestFile = path.join(dir, MANIFEST);
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  if (!parsed.success) throw new Error(`${manifestFile}: not a manifest of the source texts (${parsed.error.message})`);
  cached = Object.entries(parsed.data)
    .map(([file, m]) => ({
      text: m.kind,
      file,
      title: m.title,
      name: m.kind === 'paper' ? `《${m.title}》` : m.title,
      publication: publication(m),
      lines: linesOf(readFileSync(path.join(dir, file), 'utf8')),
    }))
    .sort((a, b) => (a.text === b.text ? 0 : a.text === 'forum' ? -1 : 1));
  return cached;
}

/** The source text a document's `source.file` names; a file the manifest lacks stops the build. */
export function sourceOfFile(file: string): SourceText {
  const found = getSourceTexts().find((s) => s.file === file);
  if (!found) throw new Error(`${path.join(CONTENT_DIR, 'sources', MANIFEST)}: no source ${file}, which a document names as its source; run npm run ingest`);
  return found;
}
