/**
 * What the search page embeds about the corpus besides Pagefind's index: the
 * documents, the themes and the experts. The client (src/client/search/)
 * reads it to label results and suggest themes and experts; each passage's
 * own themes come with its record in the index.
 */
import { getDocuments, getEssays, getThemes } from './documents';
import type { DocInfo } from './registry';
import { paths } from './site';

export interface CorpusPage {
  /**
   * How a result names the page's document after the name of its text
   * (笔谈, 论文): 王凯《新质生产力与城市规划改革》, 主编按语, 第二节.
   */
  label: string;
  /** The page's heading. */
  title: string;
  doc: 'forum' | 'paper';
}

export interface CorpusTheme {
  id: string;
  name: string;
  description: string;
  terms: string[];
  /** The theme's page. */
  href: string;
}

export interface CorpusExpert {
  name: string;
  /** The essay's title. */
  title: string;
  /** The essay's address. */
  href: string;
  /** Words the essay is about (its top keywords and its themes' names), for suggestions. */
  about: string;
}

export interface SearchCorpus {
  /** By document key (`wang-kai`, `paper-2`), the keys of content/passages.json. */
  pages: Record<string, CorpusPage>;
  themes: CorpusTheme[];
  experts: CorpusExpert[];
}

/** A page's label (CorpusPage.label): a part of the paper by its short name, which does not say 论文 again. */
function resultLabel(d: DocInfo): string {
  if (d.kind === 'essay') return `${d.who}《${d.partTitle}》`;
  return d.text === 'paper' ? d.label : d.who;
}

export async function buildSearchCorpus(): Promise<SearchCorpus> {
  const themes = await getThemes();
  const themeIndex = new Map(themes.map((t, i) => [t.id, i]));
  const themeNames = (ids: { id: string }[]) => ids.map((t) => themes[themeIndex.get(t.id)!]!.name).join(' ');

  const pages = Object.fromEntries(
    (await getDocuments()).map((d) => [
      d.key,
      { label: resultLabel(d), title: d.partTitle, doc: d.text },
    ]),
  );
  return {
    pages,
    themes: themes.map((t) => ({ ...t, href: paths.theme(t.id) })),
    experts: (await getEssays()).map((e) => ({
      name: e.data.author,
      title: e.data.title,
      href: paths.essay(e.data.slug),
      about: `${e.data.topKeywords.join(' ')} ${themeNames(e.data.themes)}`,
    })),
  };
}
