/**
 * Citations of the texts in GB/T 7714-2015, APA 7, BibTeX and RIS.
 *
 * Pure functions of a `Work` record, with no Astro imports: the pages format
 * the documents' citations at build time, and the browser scripts format
 * paragraph citations (which carry the reader's access date) with the same
 * code. A record holds only what the sources give: no volume, pages or DOI,
 * and an issue only where the source prints one.
 */

import { anchors } from './registry';

/** A person as the source prints the name, split into family and given name. */
export interface Person {
  /** The name as printed: 王凯. */
  name: string;
  /** 王 */
  family: string;
  /** 凯 */
  given: string;
  /** The affiliation as printed, where the source gives one. */
  affiliation?: string | undefined;
}

/** A published text: an article in a journal, or an essay in the forum. */
export interface Work {
  /** BibTeX key, ASCII: wangkai2024. */
  key: string;
  title: string;
  authors: Person[];
  journal: string;
  year: number;
  /** The issue (期), where the source gives it. */
  issue?: number | undefined;
  /** The collective work an essay is printed in: the forum, with its title and its experts. */
  container?: { title: string; authors: Person[] } | undefined;
  /** The permanent address of the work's page on this site. */
  url: string;
}

/**
 * One page of the site as a citable part of a work: an essay is a whole
 * work; a section of the paper is part of the paper. Built with the site,
 * read by the browser scripts (cite panel, reading list).
 */
export interface PageCitation {
  work: Work;
  /** The part of the work the page holds, in words (第二节, 引言, 主编按语), empty for a whole work. */
  part: string;
  /** The same part in a BibTeX key: s2, intro, note, empty for a whole work. */
  partKey: string;
  /** The page's permanent address. */
  url: string;
}

/** Where in a work a paragraph citation points. */
export interface Locator {
  /** The place in words: 第5段, 第二节第3段. */
  label: string;
  /** The paragraph's permanent address: …/forum/wang-kai/#p5. */
  url: string;
  /** The day the reader consulted it, YYYY-MM-DD. */
  accessed: string;
  /** The BibTeX key of the paragraph's entry: wangkai2024p5, maxuesong2024s2p3. */
  key: string;
}

/**
 * 王凯 → 王 / 凯. The family name of a Chinese name is its first character;
 * the names of these texts have no two-character family names (欧阳, 司马 …).
 */
export function chinesePerson(name: string, affiliation?: string): Person {
  const [family = '', ...given] = Array.from(name);
  return { name, family, given: given.join(''), ...(affiliation === undefined ? {} : { affiliation }) };
}

/** Paragraph n of a page, consulted on `accessed`: `第5段`, or `第二节第3段` in a part of the work. */
export function paragraphLocator(page: PageCitation, n: number, accessed: string): Locator {
  return {
    label: `${page.part}第${n}段`,
    url: `${page.url}#${anchors.paragraph(n)}`,
    accessed,
    key: `${page.work.key}${page.partKey}p${n}`,
  };
}

/** A date as GB/T 7714 and BibTeX write it: 2025-03-01, in the reader's time zone. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

// ---- GB/T 7714-2015 ----------------------------------------------------

/** §8.1.2: up to three names in full; more than three, the first three and `等`. */
function gbtNames(people: Person[]): string {
  const names = people.map((p) => p.name);
  return names.length > 3 ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ');
}

/** `云南社会科学, 2024(1)`: the serial, year and issue (no volume, no pages in these sources). */
function gbtSerial(work: Work): string {
  return `${work.journal}, ${work.year}${work.issue === undefined ? '' : `(${work.issue})`}`;
}

/**
 * The reference in GB/T 7714-2015.
 *
 * - An article (§4.4, 连续出版物中的析出文献):
 *   `马雪松, 柏然. 题名[J]. 云南社会科学, 2024(1).`
 * - An essay of the forum is a contribution with its own author and title in
 *   a collective work that has its own title and authors; the standard joins
 *   such a contribution to its host with `//` (§4.2, 析出文献), and the host,
 *   itself printed in a serial, takes the serial's form (§4.4):
 *   `王凯. 题名[J]//王凯, 赵燕菁, 张京祥, 等. “…”学术笔谈. 城市规划学刊, 2024.`
 * - A paragraph is read online: the type becomes `[J/OL]`, the paragraph
 *   stands where the standard puts the cited page, then the access date in
 *   brackets and the address (§4.4, §8.8).
 */
export function gbt7714(work: Work, at?: Locator): string {
  const type = at ? '[J/OL]' : '[J]';
  const host = work.container ? `//${gbtNames(work.container.authors)}. ${work.container.title}. ` : '. ';
  const where = at ? `: ${at.label}[${at.accessed}]. ${at.url}` : '';
  return `${gbtNames(work.authors)}. ${work.title}${type}${host}${gbtSerial(work)}${where}.`;
}

// ---- APA 7 ----------------------------------------------------------------

/**
 * APA 7 §9.8 for names written in Chinese characters: each name in full as
 * printed (initials of a Chinese given name mean nothing), separated by
 * commas, `&` before the last of two to twenty.
 */
function apaNames(people: Person[]): string {
  const names = people.map((p) => p.name);
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')}, & ${names[names.length - 1]!}`;
}

/** The author part of an in-text citation: one, two (`&`), or the first and `等` (et al.). */
function apaInTextNames(people: Person[]): string {
  const names = people.map((p) => p.name);
  if (names.length <= 2) return names.join(' & ');
  return `${names[0]!}等`;
}

/**
 * The reference in APA 7 (§10.1, journal article):
 * `马雪松, & 柏然. (2024). 题名. 云南社会科学, (1).`. An essay of the forum
 * names the forum in square brackets after its title, as APA describes a
 * work's form there (§9.21). A paragraph citation adds the address to the
 * reference and gives the in-text citation with the paragraph (§8.28).
 */
export function apa(work: Work, at?: Locator): { reference: string; inText?: string } {
  const described = work.container ? ` [${work.container.title}]` : '';
  const issue = work.issue === undefined ? '' : `, (${work.issue})`;
  const reference = `${apaNames(work.authors)}. (${work.year}). ${work.title}${described}. ${work.journal}${issue}.`;
  if (!at) return { reference };
  return { reference: `${reference} ${at.url}`, inText: `(${apaInTextNames(work.authors)}, ${work.year}, ${at.label})` };
}

// ---- BibTeX ---------------------------------------------------------------

/** LaTeX's special characters escaped, so that a braced field prints as written. */
function bibValue(value: string): string {
  return value.replace(/[{}%&$#_]/g, (c) => `\\${c}`);
}

/**
 * The BibTeX entry (`@article`). Chinese names are protected in braces,
 * `{王凯}`, so that BibTeX never splits them into first and last name. An
 * essay names its forum as the `series`. A paragraph entry adds the place as
 * a note, its address and the access date (`urldate`).
 */
export function bibtex(work: Work, at?: Locator): string {
  const fields: [string, string][] = [
    ['author', work.authors.map((p) => `{${bibValue(p.name)}}`).join(' and ')],
    ['title', bibValue(work.title)],
    ['journal', bibValue(work.journal)],
    ['year', String(work.year)],
  ];
  if (work.issue !== undefined) fields.push(['number', String(work.issue)]);
  if (work.container) fields.push(['series', bibValue(work.container.title)]);
  fields.push(['langid', 'chinese']);
  if (at) fields.push(['note', bibValue(at.label)], ['url', at.url], ['urldate', at.accessed]);
  else fields.push(['url', work.url]);
  return `@article{${at ? at.key : work.key},\n${fields.map(([k, v]) => `  ${k} = {${v}}`).join(',\n')}\n}\n`;
}

// ---- RIS ------------------------------------------------------------------

/** RIS lines end in CR LF. */
const CRLF = '\r\n';

/**
 * The RIS record (`TY  - JOUR`): authors as `family, given` (王, 凯), the
 * journal as T2 and an essay's forum as T3 (the series), as Zotero and
 * EndNote read them.
 */
export function ris(work: Work): string {
  const lines: [string, string][] = [['TY', 'JOUR']];
  for (const p of work.authors) lines.push(['AU', `${p.family}, ${p.given}`]);
  lines.push(['TI', work.title], ['T2', work.journal]);
  if (work.container) lines.push(['T3', work.container.title]);
  lines.push(['PY', String(work.year)]);
  if (work.issue !== undefined) lines.push(['IS', String(work.issue)]);
  lines.push(['LA', 'zh'], ['UR', work.url], ['ER', '']);
  return lines.map(([tag, value]) => `${tag}  - ${value}`).join(CRLF) + CRLF;
}
