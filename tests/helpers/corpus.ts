/**
 * What the built site must show, read straight from the verbatim source texts
 * in content/sources/, independently of the ingest: if the ingest splits or
 * names something wrongly, the build tests disagree with it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SOURCES } from '../../scripts/lib/paths.ts';

export const FORUM_SOURCE = '000_c2828aad7ff16ed1.txt';
export const PAPER_SOURCE = '003_2578df0f50c35f19.txt';

/** The addresses of the essays, fixed by the address contract (docs/architecture.md): the name's pinyin, given name joined. */
export const SLUGS: Readonly<Record<string, string>> = {
  王凯: 'wang-kai',
  赵燕菁: 'zhao-yanjing',
  张京祥: 'zhang-jingxiang',
  袁昕: 'yuan-xin',
  赵志荣: 'zhao-zhirong',
  王兴平: 'wang-xingping',
  于涛方: 'yu-taofang',
  王伟: 'wang-wei',
  王富海: 'wang-fuhai',
  王世福: 'wang-shifu',
  王兰: 'wang-lan',
};

export interface ExpectedEssay {
  order: number;
  name: string;
  slug: string;
  title: string;
  affiliation: string;
  /** 1-based line of the author line in the source. */
  line: number;
  /** The first non-blank line after the author line: where the essay's text begins. */
  first: string;
  /** The last non-blank line before the next essay's title (or the forum's closing remark). */
  last: string;
}

function lines(file: string): string[] {
  return readFileSync(path.join(SOURCES, file), 'utf8').split('\n');
}

/**
 * The 11 essays of the forum: the names from line 5; for each name the one
 * line `姓名（单位）` or `姓名(单位)`, and the title on the non-blank line above it.
 */
export function expectedEssays(): ExpectedEssay[] {
  const src = lines(FORUM_SOURCE);
  const names = src[4]!.trim().split(/\s+/);
  const essays = names.map((name, i) => {
    const pattern = new RegExp(`^${name}\\s*[（(](.+)[）)]\\s*$`);
    const hits = src.flatMap((text, idx) => {
      const m = pattern.exec(text.trim());
      return m ? [{ idx, affiliation: m[1]!.trim() }] : [];
    });
    if (hits.length !== 1) {
      throw new Error(`${FORUM_SOURCE}: expected one author line for ${name}, found ${hits.length}`);
    }
    const { idx, affiliation } = hits[0]!;
    let t = idx - 1;
    while (t >= 0 && src[t]!.trim() === '') t--;
    const slug = SLUGS[name];
    if (!slug) throw new Error(`${FORUM_SOURCE}:5: ${name} has no slug in the issue's table`);
    return { order: i + 1, name, slug, title: src[t]!.trim(), titleIdx: t, affiliation, line: idx + 1 };
  });
  const remark = src.findIndex((l) => /^[（(]排名不分先后/.test(l.trim()));
  if (remark < 0) throw new Error(`${FORUM_SOURCE}: no closing remark (排名不分先后…)`);
  const nonBlank = (from: number, step: 1 | -1) => {
    let k = from;
    while (src[k]!.trim() === '') k += step;
    return src[k]!.trim();
  };
  return essays.map(({ titleIdx, ...e }, i) => ({
    ...e,
    first: nonBlank(e.line, 1),
    last: nonBlank((i + 1 < essays.length ? essays[i + 1]!.titleIdx : remark) - 1, -1),
  }));
}

export interface ExpectedFootnote {
  /** Paper-wide number, 1-based, in reading order. */
  n: number;
  /** The circled marker as printed (numbering restarts per printed page). */
  marker: string;
  /** The first characters of the inlined citation after the marker. */
  start: string;
  /** 1-based source line. */
  line: number;
}

const CIRCLED = /[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]/gu;

/** The paper's inlined footnotes: every circled marker in the body, which ends at the scrape's `猜你喜欢`. */
export function expectedFootnotes(): ExpectedFootnote[] {
  const src = lines(PAPER_SOURCE);
  const end = src.findIndex((l) => l.trim() === '猜你喜欢');
  if (end < 0) throw new Error(`${PAPER_SOURCE}: no 猜你喜欢 line ending the paper`);
  const notes: ExpectedFootnote[] = [];
  src.slice(0, end).forEach((text, idx) => {
    for (const m of text.matchAll(CIRCLED)) {
      const after = text.slice(m.index + m[0].length).replace(/\s+/g, '');
      notes.push({ n: notes.length + 1, marker: m[0], start: after.slice(0, 6), line: idx + 1 });
    }
  });
  return notes;
}

/**
 * The page of a document key, as the address contract states it (README's
 * address table), written out here rather than asked of the site's registry,
 * so that a change of the registry shows up as a failing test.
 */
export function pageOfDoc(doc: string): string {
  if (doc === 'forum' || doc === 'paper') return `/${doc}/`;
  const section = /^paper-(\d+)$/.exec(doc);
  return section ? `/paper/${section[1]}/` : `/forum/${doc}/`;
}
