/**
 * The documents of the site, read from the content collections, in reading
 * order: the editor's note, the essays in the order the forum prints them,
 * the paper's introduction and its sections. Every page gets its documents,
 * passages and themes here; what a document is called and where it lives is
 * the registry's to say (registry.ts).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { describeDoc, type DocInfo } from './registry';
import type { Passage, SourceRange, Theme } from './schema';
import { url } from './site';

export type Essay = CollectionEntry<'essays'>;
export type Section = CollectionEntry<'sections'>;

/** A document as the pages use it: what the registry says of it, and its page under the site base. */
export interface SiteDoc extends DocInfo {
  /** Its page, under the site base. */
  href: string;
  /** Number of body paragraphs (#p1 …). */
  paragraphs: number;
  /** The lines of its source text it was made from. */
  source: SourceRange;
}

/** The entry of a collection that holds exactly one document. */
async function only<C extends 'forum' | 'paper'>(name: C): Promise<CollectionEntry<C>> {
  const entries = await getCollection(name);
  const [entry] = entries;
  if (entries.length !== 1 || entry === undefined) {
    throw new Error(`content/${name}/index.md: expected one document, found ${entries.length}`);
  }
  return entry;
}

/** The forum and its editor's note. */
export const getForum = () => only('forum');

/** The paper's front matter and introduction. */
export const getPaper = () => only('paper');

/** The essays, in the order the forum prints them. */
export async function getEssays(): Promise<Essay[]> {
  return (await getCollection('essays')).sort((a, b) => a.data.order - b.data.order);
}

/** The paper's sections, 1, 2, 3. */
export async function getSections(): Promise<Section[]> {
  return (await getCollection('sections')).sort((a, b) => a.data.n - b.data.n);
}

/** Every document in reading order. */
export async function getDocuments(): Promise<SiteDoc[]> {
  const paper = (await getPaper()).data;
  const metas = [(await getForum()).data, ...(await getEssays()).map((e) => e.data), paper, ...(await getSections()).map((s) => s.data)];
  const passages = (await getCollection('passages')).map((p) => p.data);
  return metas.map((meta) => {
    const info = describeDoc(meta, paper.authors);
    return { ...info, href: url(info.path), paragraphs: passages.filter((p) => p.doc === info.key).length, source: meta.source };
  });
}

/** One document by its key; a key no document has stops the build. */
export async function getDocument(key: string): Promise<SiteDoc> {
  const doc = (await getDocuments()).find((d) => d.key === key);
  if (!doc) throw new Error(`no document has the key “${key}”`);
  return doc;
}

/** The themes, in the order content/themes.yaml lists them. */
export async function getThemes(): Promise<Theme[]> {
  const themes = (await getCollection('themes')).sort((a, b) => a.data.order - b.data.order).map(({ data: { order: _, ...theme } }) => theme);
  if (themes.length === 0) throw new Error('content/themes.yaml: no themes loaded; expected a list of themes');
  return themes;
}

/** Every body paragraph in reading order: by document, then #pN; each belongs to a document and carries only known themes. */
export async function getPassages(): Promise<Passage[]> {
  const passages = (await getCollection('passages')).map((p) => p.data);
  const docs = (await getDocuments()).map((d) => d.key);
  const known = new Set((await getThemes()).map((t) => t.id));
  for (const p of passages) {
    if (!docs.includes(p.doc)) throw new Error(`content/passages.json: ${p.id} belongs to an unknown document ${p.doc}; run npm run ingest`);
    const unknown = p.themes.find((t) => !known.has(t.id));
    if (unknown) throw new Error(`content/passages.json: ${p.id} carries theme ${unknown.id}, which content/themes.yaml does not list; run npm run ingest`);
  }
  return passages.sort((a, b) => docs.indexOf(a.doc) - docs.indexOf(b.doc) || a.p - b.p);
}

/** The paragraphs of each document key, in order: entry i is paragraph #p(i+1); a gap in the numbering stops the build. */
export async function getPassagesByDoc(): Promise<Map<string, Passage[]>> {
  const byDoc = new Map<string, Passage[]>();
  for (const passage of await getPassages()) {
    const list = byDoc.get(passage.doc) ?? [];
    if (passage.p !== list.length + 1) {
      throw new Error(`content/passages.json: ${passage.id} follows paragraph ${list.length} of “${passage.doc}”; expected p${list.length + 1}`);
    }
    byDoc.set(passage.doc, [...list, passage]);
  }
  return byDoc;
}

/** The journal and year as cited: 《城市规划学刊》2024年, 《云南社会科学》2024年第1期. */
export function publication(d: { journal: string; year: number; issue?: number | undefined }): string {
  return `《${d.journal}》${d.year}年${d.issue === undefined ? '' : `第${d.issue}期`}`;
}
