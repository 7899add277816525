/**
 * Builds what the search page embeds about the corpus (see
 * src/scripts/search/corpus.ts): pages with the themes of each paragraph
 * from content/passages.json, the themes of content/themes.yaml, and the
 * experts with their essays.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'astro/zod';
import { CONTENT_DIR } from './content-dir';
import { getEssays, getSections } from './documents';
import { readPassages } from './passages';
import { themeSchema, type Theme } from './schema';
import { paths, url } from './site';
import type { CorpusPage, SearchCorpus } from '../scripts/search/corpus';

/** The themes of content/themes.yaml, in their order there. */
export function readThemes(): Theme[] {
  return z.array(themeSchema).parse(parse(readFileSync(`${CONTENT_DIR}/themes.yaml`, 'utf8')));
}

/**
 * Theme pages are built by their own page files; until those exist, a theme
 * has no page to link to, and search links its terms instead.
 */
const themePagesExist = Object.keys(import.meta.glob('../pages/themes/**/*.astro')).length > 0;

export async function buildSearchCorpus(): Promise<SearchCorpus> {
  const themes = readThemes();
  const themeIndex = new Map(themes.map((t, i) => [t.id, i]));
  const essays = await getEssays();
  const sections = await getSections();

  const pages: Record<string, Omit<CorpusPage, 'paragraphThemes'>> = {
    forum: { label: '主编按语', title: '主编按语', doc: 'forum' },
    paper: { label: '论文引言', title: '引言', doc: 'paper' },
  };
  for (const e of essays) pages[e.data.slug] = { label: `${e.data.author}《${e.data.title}》`, title: e.data.title, doc: 'forum' };
  for (const s of sections) {
    pages[`paper-${s.data.n}`] = { label: `论文第${s.data.numeral}节`, title: `${s.data.numeral}、${s.data.title}`, doc: 'paper' };
  }

  const paragraphThemes: Record<string, number[][]> = {};
  for (const p of readPassages()) {
    if (!pages[p.doc]) throw new Error(`content/passages.json: ${p.id} belongs to no page the site builds`);
    (paragraphThemes[p.doc] ??= [])[p.p - 1] = p.themes.map((t) => themeIndex.get(t.id) ?? -1).filter((i) => i >= 0);
  }

  const themeNames = (ids: { id: string }[]) => ids.map((t) => themes[themeIndex.get(t.id) ?? -1]?.name ?? '').join(' ');
  return {
    pages: Object.fromEntries(
      Object.entries(pages).map(([key, page]) => [key, { ...page, paragraphThemes: paragraphThemes[key] ?? [] }]),
    ),
    themes: themes.map((t) => ({ ...t, href: themePagesExist ? url(`/themes/${t.id}/`) : undefined })),
    experts: essays.map((e) => ({
      name: e.data.author,
      title: e.data.title,
      href: paths.essay(e.data.slug),
      about: `${e.data.topKeywords.join(' ')} ${themeNames(e.data.themes)}`,
    })),
  };
}
