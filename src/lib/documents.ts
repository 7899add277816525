/**
 * The documents of the site, read from the content collections in reading
 * order. Every page gets its documents here, so the order is decided once.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

export type Essay = CollectionEntry<'essays'>;
export type Section = CollectionEntry<'sections'>;

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

/** The journal and year as cited: 《城市规划学刊》2024年, 《云南社会科学》2024年第1期. */
export function publication(d: { journal: string; year: number; issue?: number | undefined }): string {
  return `《${d.journal}》${d.year}年${d.issue === undefined ? '' : `第${d.issue}期`}`;
}
