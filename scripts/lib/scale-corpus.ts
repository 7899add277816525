/**
 * A content folder `factor` times the size of another (content/ by default),
 * for measuring how the build and search grow with the corpus
 * (`npm run bench:scale`). It is the original folder plus `factor - 1`
 * copies of every document under new keys, so that the characters, the
 * paragraphs and the footnotes are exactly `factor` times as many and the
 * vocabulary stays the same. Every copy, of an essay, the editor's note or
 * a part of the paper, becomes a further section of the paper (`/paper/4/`
 * …), its title, paragraphs, footnotes and themes kept: copied as essays,
 * the compare pages (one per pair of essays) would grow with the square of
 * the corpus and measure that instead. The source texts are copied as they
 * are.
 *
 * The source folder is only read; the copy goes to `out`, which must not exist yet.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { readDocumentFiles, type ContentDoc } from '../../src/lib/content-files.ts';
import { readPassagesFile } from '../../src/lib/passages.ts';
import { docKey, passageId } from '../../src/lib/registry.ts';
import type { Passage } from '../../src/lib/schema.ts';

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/** A document file's front matter as data, and its body. */
function readFile(file: string): { meta: Record<string, unknown>; body: string } {
  const text = readFileSync(file, 'utf8');
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new Error(`${file}: no front matter; expected the ingest's --- block`);
  return { meta: parse(match[1]!) as Record<string, unknown>, body: text.slice(match[0].length) };
}

const writeDoc = (file: string, meta: Record<string, unknown>, body: string) => writeFileSync(file, `---\n${stringify(meta)}---\n${body}`);

/** The file a document comes from in a content folder. */
function fileOf(dir: string, doc: ContentDoc): string {
  if (doc.kind === 'forum') return path.join(dir, 'forum', 'index.md');
  if (doc.kind === 'paper') return path.join(dir, 'paper', 'index.md');
  if (doc.kind === 'essay') return path.join(dir, 'forum', `${doc.key}.md`);
  return path.join(dir, 'paper', `${doc.key.slice('paper-'.length)}.md`);
}

/** The paper-wide numbers of the footnotes a body defines: `[^12]: …`. */
function footnoteRange(body: string): { first: number; last: number } | undefined {
  const numbers = [...body.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => Number(m[1]));
  return numbers.length ? { first: Math.min(...numbers), last: Math.max(...numbers) } : undefined;
}

/** What the scaled folder holds, for the benchmark's report. */
export interface ScaledCorpus {
  documents: number;
  paragraphs: number;
  characters: number;
}

export function scaleCorpus(from: string, out: string, factor: number): ScaledCorpus {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`scale factor ${factor}: expected a whole number from 1`);
  if (existsSync(out)) throw new Error(`${out} exists; expected a new folder for the scaled corpus`);
  const docs = readDocumentFiles(from);
  const passages = readPassagesFile(from);
  mkdirSync(path.join(out, 'forum'), { recursive: true });
  mkdirSync(path.join(out, 'paper'), { recursive: true });
  copyFileSync(path.join(from, 'themes.yaml'), path.join(out, 'themes.yaml'));
  // The source texts as they are: the site shows them (/sources/), and every copy keeps its original's lines.
  cpSync(path.join(from, 'sources'), path.join(out, 'sources'), { recursive: true });
  for (const doc of docs) copyFileSync(fileOf(from, doc), fileOf(out, doc));

  const all: Passage[] = [...passages];
  let section = Math.max(...docs.map((d) => (d.kind === 'paper-section' ? Number(d.key.slice('paper-'.length)) : 0)));
  for (let copy = 2; copy <= factor; copy++) {
    for (const doc of docs) {
      const { meta, body } = readFile(fileOf(from, doc));
      const n = ++section;
      const key = docKey({ kind: 'paper-section', n });
      const footnotes = footnoteRange(body);
      const title = doc.kind === 'paper-section' ? (meta.title as string) : doc.title;
      writeDoc(path.join(out, 'paper', `${n}.md`), { kind: 'paper-section', n, numeral: String(n), title, ...(footnotes && { footnotes }), source: meta.source, themes: meta.themes, topKeywords: meta.topKeywords }, body);
      for (const p of passages.filter((q) => q.doc === doc.key)) all.push({ ...p, doc: key, id: passageId(key, p.p) });
    }
  }
  writeFileSync(path.join(out, 'passages.json'), `${JSON.stringify(all, null, 2)}\n`);
  return {
    documents: docs.length * factor,
    paragraphs: all.length,
    characters: all.reduce((n, p) => n + p.text.length, 0),
  };
}
