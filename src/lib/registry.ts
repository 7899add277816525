/**
 * What a document of the site is, and how it and its parts are addressed:
 * the one place the ingest, the build and the browser code ask.
 *
 * - A document is the editor's note (`forum`), an essay (its expert's slug,
 *   `wang-kai`), the paper's introduction (`paper`) or a section of the paper
 *   (`paper-2`). The key names it in content/passages.json, in reading lists
 *   and in search filters.
 * - Its page is `/forum/`, `/forum/<slug>/`, `/paper/`, `/paper/<n>/` (paths
 *   without the site base; `site.ts` adds the base).
 * - Inside a page, sections are `#s1` …, body paragraphs `#p1` …, footnotes
 *   `#fn-1` …; the editor's questions on `/forum/` are `#q1` …; a passage is
 *   `<key>:p<n>`. The lines of a source text are `#L1` … on its page,
 *   `/sources/forum/` or `/sources/paper/`.
 * - Two essays side by side are `/compare/<a>/<b>/`, `a` the one the forum
 *   prints first; the paragraphs related to those of a document are listed
 *   in `/related/<key>.json`.
 *
 * Pure: no Astro, Node or DOM, so every side can import it.
 */

/** What makes a document: its kind, and the slug or number that tells it from its siblings. */
export type DocRef = { kind: 'forum' } | { kind: 'essay'; slug: string } | { kind: 'paper' } | { kind: 'paper-section'; n: number };

export type DocKind = DocRef['kind'];

/** The document key: `forum`, `wang-kai`, `paper`, `paper-2`. */
export function docKey(ref: DocRef): string {
  switch (ref.kind) {
    case 'forum':
    case 'paper':
      return ref.kind;
    case 'essay':
      return ref.slug;
    case 'paper-section':
      return `paper-${ref.n}`;
  }
}

/** The page of a document, without the site base: `/forum/wang-kai/`. */
export function docPath(ref: DocRef): string {
  switch (ref.kind) {
    case 'forum':
      return '/forum/';
    case 'essay':
      return `/forum/${ref.slug}/`;
    case 'paper':
      return '/paper/';
    case 'paper-section':
      return `/paper/${ref.n}/`;
  }
}

/** Which of the two texts a document belongs to. */
export function textOf(ref: DocRef): 'forum' | 'paper' {
  return ref.kind === 'forum' || ref.kind === 'essay' ? 'forum' : 'paper';
}

/** The two texts as the site names them. */
export const TEXT_NAMES = { forum: '笔谈', paper: '论文' } as const;

/** What the site says about a document, from its front matter. */
export interface DocInfo {
  key: string;
  kind: DocKind;
  /** Its page without the site base. */
  path: string;
  /** The text it belongs to. */
  text: 'forum' | 'paper';
  /** A short name, as in a table column: 按语, 王凯, 引言, 第一节. */
  label: string;
  /** Who speaks, or what part it is: 主编按语, 王凯, 论文引言, 论文第一节. */
  who: string;
  /** Who speaks, as a key shared by all their documents: the expert's slug, `forum` (the editor), `paper` (its authors). */
  speaker: string;
  /** The heading of its page: the forum's title, the essay's, the paper's, 一、… for a section. */
  title: string;
  /** The page as a part of its text: 主编按语, the essay's title, 引言, 一、…. */
  partTitle: string;
  /** Its authors: the essay's expert, the paper's authors; none for the editor's note. */
  authors: string[];
  /**
   * The part of the cited work that this page is, for paragraph citations:
   * 主编按语, 引言, 第二节 (empty for an essay, which is a work of its own),
   * and its ASCII form in citation keys: note, intro, s2.
   */
  citePart: string;
  citePartKey: string;
}

/** The front matter fields describe() reads, for each kind of document. */
export type DocSource =
  | { kind: 'forum'; title: string }
  | { kind: 'essay'; slug: string; title: string; author: string }
  | { kind: 'paper'; title: string; authors: string[] }
  | { kind: 'paper-section'; n: number; numeral: string; title: string };

/** A section's heading as printed: 二、空间逻辑…. */
export const sectionHeading = (s: { numeral: string; title: string }) => `${s.numeral}、${s.title}`;

/** What the site says about one document; a section of the paper takes the paper's authors. */
export function describeDoc(meta: DocSource, paperAuthors: string[]): DocInfo {
  const common = { key: docKey(meta), kind: meta.kind, path: docPath(meta), text: textOf(meta), speaker: meta.kind === 'essay' ? meta.slug : textOf(meta) };
  switch (meta.kind) {
    case 'forum':
      return { ...common, label: '按语', who: '主编按语', title: meta.title, partTitle: '主编按语', authors: [], citePart: '主编按语', citePartKey: 'note' };
    case 'essay':
      return { ...common, label: meta.author, who: meta.author, title: meta.title, partTitle: meta.title, authors: [meta.author], citePart: '', citePartKey: '' };
    case 'paper':
      return { ...common, label: '引言', who: '论文引言', title: meta.title, partTitle: '引言', authors: meta.authors, citePart: '引言', citePartKey: 'intro' };
    case 'paper-section': {
      const part = `第${meta.numeral}节`;
      const heading = sectionHeading(meta);
      return { ...common, label: part, who: `论文${part}`, title: heading, partTitle: heading, authors: paperAuthors, citePart: part, citePartKey: `s${meta.n}` };
    }
  }
}

/** A document key: lowercase ASCII words joined by hyphens. */
const DOC_KEY = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** Anchors inside a page. */
export const anchors = {
  section: (n: number) => `s${n}`,
  paragraph: (n: number) => `p${n}`,
  footnote: (n: number) => `fn-${n}`,
  /** One of the editor's questions, on `/forum/`. */
  question: (n: number) => `q${n}`,
  /** A line of a source text on its page, /sources/forum/#L27. */
  line: (n: number) => `L${n}`,
};

/** The page that sets two essays side by side; `first` is the essay the forum prints first. */
export const comparePath = (first: string, second: string) => `/compare/${first}/${second}/`;

/** The index of every pair of essays, where the chooser's form goes without JavaScript. */
export const COMPARE_INDEX = '/compare/';

/** The related passages of every paragraph of a document, fetched when a reader asks for them. */
export const relatedPath = (doc: string) => `/related/${doc}.json`;

/** A section (`s2`) or paragraph (`p5`) anchor: the targets of the paragraph tools. */
export function parseAnchor(id: string): { kind: 'section' | 'paragraph'; n: number } | undefined {
  const m = /^([sp])([1-9]\d*)$/.exec(id);
  return m ? { kind: m[1] === 's' ? 'section' : 'paragraph', n: Number(m[2]) } : undefined;
}

/**
 * The id an address fragment names: `#p5` and `p5` name `p5`, and so does the
 * percent-encoded `#%70%35`, as browsers read it. A fragment that is not
 * valid percent-encoding (`#%E4`, typed or cut off) names nothing, rather
 * than throwing.
 */
export function fragmentId(hash: string): string | undefined {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
}

/** A footnote anchor's number: `fn-9` → 9. */
export function parseFootnoteAnchor(id: string): number | undefined {
  const m = /^fn-([1-9]\d*)$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** Whether an id is a section anchor, `s1` …. */
export const isSectionAnchor = (id: string) => parseAnchor(id)?.kind === 'section';

/** Every anchor the site publishes inside a page: sections, paragraphs, footnotes, the editor's questions, the lines of a source text. */
export const PAGE_ANCHOR = /^(?:[spq][1-9]\d*|fn-[1-9]\d*|L[1-9]\d*)$/;

/** A passage id: `wang-kai:p5`. */
export const passageId = (doc: string, p: number) => `${doc}:${anchors.paragraph(p)}`;

/** The pattern of a passage id, for schemas. */
export const PASSAGE_ID = new RegExp(`^(${DOC_KEY}):p([1-9]\\d*)$`);

/** Splits a passage id into its document key and paragraph number. */
export function parsePassageId(id: string): { doc: string; p: number } | undefined {
  const m = PASSAGE_ID.exec(id);
  return m ? { doc: m[1]!, p: Number(m[2]) } : undefined;
}
