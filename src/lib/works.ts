/**
 * The citable records of the site's pages, made at build time from the
 * frontmatter (which the ingest takes from the sources and their manifest).
 * Only what the sources give goes in: the forum has no issue number and
 * neither text has pages, so no record has them.
 */
import { chinesePerson, type PageCitation, type Work } from './citation-styles';
import { getDocuments, getEssays, getForum, getPaper, type Essay, type SiteDoc } from './documents';
import { docPath } from './registry';
import { absolute } from './site';

/** BibTeX key: the first author's name slug (which the ingest writes) and the year, ASCII: wang-kai, 2024 → wangkai2024. */
function citeKey(firstAuthorSlug: string | undefined, year: number, suffix = ''): string {
  if (!firstAuthorSlug) throw new Error('a work without authors cannot be cited');
  return `${firstAuthorSlug.replace(/-/g, '')}${year}${suffix}`;
}

async function forumWork(essays: Essay[]): Promise<Work> {
  const forum = (await getForum()).data;
  const affiliation = new Map(essays.map((e) => [e.data.author, e.data.affiliation]));
  const firstExpert = essays.find((e) => e.data.author === forum.experts[0]);
  return {
    key: citeKey(firstExpert?.data.slug, forum.year, 'forum'),
    title: forum.title,
    authors: forum.experts.map((name) => chinesePerson(name, affiliation.get(name))),
    journal: forum.journal,
    year: forum.year,
    url: absolute(docPath({ kind: 'forum' })),
  };
}

function essayWork(essay: Essay, forum: Work): Work {
  const { author, affiliation, title, slug } = essay.data;
  return {
    key: citeKey(slug, forum.year),
    title,
    authors: [chinesePerson(author, affiliation)],
    journal: forum.journal,
    year: forum.year,
    container: { title: forum.title, authors: forum.authors },
    url: absolute(docPath(essay.data)),
  };
}

async function paperWork(): Promise<Work> {
  const paper = (await getPaper()).data;
  return {
    key: citeKey(paper.authorSlugs[0], paper.year),
    title: paper.title,
    authors: paper.authors.map((name) => chinesePerson(name)),
    journal: paper.journal,
    year: paper.year,
    issue: paper.issue,
    url: absolute(docPath({ kind: 'paper' })),
  };
}

/**
 * Every page with numbered paragraphs, keyed by its document key in
 * content/passages.json: `forum` (the editor's note), each expert's slug,
 * `paper` (the introduction), `paper-1` … `paper-3`.
 */
export async function pageCitations(): Promise<Map<string, PageCitation>> {
  const essays = await getEssays();
  const forum = await forumWork(essays);
  const paper = await paperWork();
  const essayWorks = new Map(essays.map((e) => [e.data.slug, essayWork(e, forum)]));
  const workOf = (doc: SiteDoc) => (doc.kind === 'essay' ? essayWorks.get(doc.key)! : doc.text === 'forum' ? forum : paper);
  return new Map(
    (await getDocuments()).map((doc) => [doc.key, { work: workOf(doc), part: doc.citePart, partKey: doc.citePartKey, url: absolute(doc.path) }]),
  );
}

/** The record of one page by document key; a key no page has stops the build. */
export async function pageCitation(doc: string): Promise<PageCitation> {
  const found = (await pageCitations()).get(doc);
  if (!found) throw new Error(`no citable page for the document key “${doc}”`);
  return found;
}

/** The distinct works of the site (the forum, the essays, the paper), each once. */
export async function works(): Promise<Work[]> {
  const byKey = new Map([...(await pageCitations()).values()].map((p) => [p.work.key, p.work]));
  return [...byKey.values()];
}

/**
 * A page's citation record as the browser scripts receive it: affiliations,
 * which only the citation meta tags use, are left out to keep pages small.
 */
export function forBrowser(citation: PageCitation): PageCitation {
  return JSON.parse(JSON.stringify(citation, (key, value: unknown) => (key === 'affiliation' ? undefined : value))) as PageCitation;
}
