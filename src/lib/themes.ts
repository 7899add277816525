/**
 * The themes and tagged passages, read from their collections, and the
 * documents they belong to in reading order: the editor's note, the 11
 * essays, the paper's introduction and its sections. The theme pages, the
 * theme × document table and the theme chips all read them here.
 */
import { getCollection } from 'astro:content';
import { getEssays, getForum, getPaper, getSections } from './documents';
import type { Passage, Theme } from './schema';
import { paths } from './site';

/** A document as the theme views name it. */
export interface ReadingDoc {
  /** The document key of content/passages.json: `forum`, an expert slug, `paper`, `paper-<n>`. */
  key: string;
  /** 笔谈 or 论文: the column group of the theme × document table. */
  group: '笔谈' | '论文';
  /** A short name for a table column: 按语, 王凯, 引言, 第一节. */
  label: string;
  /** Who speaks (the expert's name), or what part it is (主编按语, 论文引言). */
  who: string;
  /** The document's title. */
  title: string;
  /** Its page, under the site base. */
  href: string;
  /** Number of body paragraphs (#p1 …). */
  paragraphs: number;
  /** An essay of one of the forum's experts. */
  isEssay: boolean;
}

/** The themes, in the order content/themes.yaml lists them. */
export async function getThemes(): Promise<Theme[]> {
  const themes = (await getCollection('themes')).sort((a, b) => a.data.order - b.data.order).map(({ data: { order: _, ...theme } }) => theme);
  if (themes.length === 0) throw new Error('content/themes.yaml: no themes loaded; expected a list of themes');
  return themes;
}

/** Every body paragraph in reading order: by document (see getReadingDocs), then #pN. */
export async function getPassages(): Promise<Passage[]> {
  const passages = (await getCollection('passages')).map((p) => p.data);
  const docs = (await readingDocs(passages)).map((d) => d.key);
  const known = new Set((await getThemes()).map((t) => t.id));
  for (const p of passages) {
    if (!docs.includes(p.doc)) throw new Error(`content/passages.json: ${p.id} belongs to an unknown document ${p.doc}; run npm run ingest`);
    const unknown = p.themes.find((t) => !known.has(t.id));
    if (unknown) throw new Error(`content/passages.json: ${p.id} carries theme ${unknown.id}, which content/themes.yaml does not list; run npm run ingest`);
  }
  return passages.sort((a, b) => docs.indexOf(a.doc) - docs.indexOf(b.doc) || a.p - b.p);
}

/** The documents in reading order. */
export async function getReadingDocs(): Promise<ReadingDoc[]> {
  return readingDocs((await getCollection('passages')).map((p) => p.data));
}

type DocEntry = Omit<ReadingDoc, 'paragraphs'>;

async function readingDocs(passages: Passage[]): Promise<ReadingDoc[]> {
  const forum = (await getForum()).data;
  const paper = (await getPaper()).data;
  const count = (key: string) => passages.filter((p) => p.doc === key).length;
  const docs: DocEntry[] = [
    { key: 'forum', group: '笔谈', label: '按语', who: '主编按语', title: forum.title, href: paths.forum(), isEssay: false },
    ...(await getEssays()).map((e): DocEntry => ({
      key: e.data.slug,
      group: '笔谈',
      label: e.data.author,
      who: e.data.author,
      title: e.data.title,
      href: paths.essay(e.data.slug),
      isEssay: true,
    })),
    { key: 'paper', group: '论文', label: '引言', who: '论文引言', title: paper.title, href: paths.paper(), isEssay: false },
    ...(await getSections()).map((s): DocEntry => ({
      key: `paper-${s.data.n}`,
      group: '论文',
      label: `第${s.data.numeral}节`,
      who: `论文第${s.data.numeral}节`,
      title: `${s.data.numeral}、${s.data.title}`,
      href: paths.section(s.data.n),
      isEssay: false,
    })),
  ];
  return docs.map((d) => ({ ...d, paragraphs: count(d.key) }));
}
