/**
 * The paper, as scraped from a web page: title, a scrape header (posting
 * date, journal and issue, keywords), the author line, the introduction,
 * sections 一、二、三 with subsections (一)(二)(三), footnotes inlined after
 * circled markers, and page furniture from 猜你喜欢 on.
 */
import type { PaperMeta, PaperSectionMeta } from '../../src/lib/schema.ts';
import { IngestError } from './errors.ts';
import { extractFootnotes, newFootnoteCounter } from './footnotes.ts';
import type { Block, Doc, Footnote, Untagged, Removal, SourceLine, SplitResult } from './model.ts';
import { contentLines } from './normalize.ts';
import { endsSentence, isShortLabel, joinPageBreaks, lastLineOf } from './paragraphs.ts';
import { nameSlug } from './names.ts';

export interface PaperManifest {
  title: string;
  authors: string[];
  journal: string;
  year: number;
  issue?: number;
}

const POSTED_LINE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/;
const JOURNAL_LINE = /^(\S+)\s+(\d{4})年(\d{1,2})期$/;
const KEYWORDS_LINE = /^(关键词\s*[:：]\s*)(.+)$/;
const FURNITURE_START = '猜你喜欢';
const SECTION_HEADING = /^([一二三四五六七八九十]+)、(.+)$/;
const SUBSECTION_HEADING = /^[(（]([一二三四五六七八九十]+)[)）]/;
const TABLE_CAPTION = /^表\s*\d+\s/;

type LineKind = 'section' | 'subsection' | 'caption' | 'paragraph';

export function lineKind(text: string): LineKind {
  if (!isShortLabel(text)) return 'paragraph';
  if (SECTION_HEADING.test(text)) return 'section';
  if (SUBSECTION_HEADING.test(text)) return 'subsection';
  if (TABLE_CAPTION.test(text)) return 'caption';
  return 'paragraph';
}

interface Header {
  keywords: string;
  /** Index in the content lines of the first body line. */
  bodyStart: number;
  removals: Removal[];
}

function expectLine(file: string, line: SourceLine | undefined, pattern: RegExp, what: string): RegExpExecArray {
  const m = line && pattern.exec(line.text);
  if (!m) throw new IngestError(file, line?.n ?? 1, `expected ${what}`);
  return m;
}

/** Reads the scrape header and checks it against the manifest. */
function readHeader(file: string, content: SourceLine[], manifest: PaperManifest): Header {
  const [title, posted, journal, keywords, authors] = content;
  if (title?.text !== manifest.title) {
    throw new IngestError(file, title?.n ?? 1, `expected the title from the manifest, ${manifest.title}`);
  }
  expectLine(file, posted, POSTED_LINE, 'the scrape header\'s posting date, YYYY-MM-DD hh:mm');
  const j = expectLine(file, journal, JOURNAL_LINE, 'the scrape header\'s journal line, e.g. 云南社会科学 2024年1期');
  if (j[1] !== manifest.journal || Number(j[2]) !== manifest.year || Number(j[3]) !== manifest.issue) {
    throw new IngestError(file, journal!.n, `journal line disagrees with the manifest (${manifest.journal} ${manifest.year}年${manifest.issue}期)`);
  }
  const k = expectLine(file, keywords, KEYWORDS_LINE, 'the keyword line 关键词:…');
  if (authors?.text.replace(/\s+/g, '') !== manifest.authors.join('')) {
    throw new IngestError(file, authors?.n ?? 1, `expected the author line ${manifest.authors.join(' ')}`);
  }
  return {
    keywords: k[2]!,
    bodyStart: 5,
    removals: [
      { line: posted!.n, column: 0, text: posted!.text, reason: 'scrape header: posting date and time' },
      { line: journal!.n, column: 0, text: journal!.text, reason: 'scrape header: journal and issue (kept as metadata)' },
      { line: keywords!.n, column: 0, text: k[1]!, reason: 'label of the keyword line' },
    ],
  };
}

const DIGITS = '一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, as sections and subsections are numbered. */
function chineseNumeral(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens - 1] : ''}${tens > 0 ? '十' : ''}${ones > 0 ? DIGITS[ones - 1] : ''}`;
}

/**
 * Where the page furniture starts. The scrape always has it, so a paper
 * without 猜你喜欢 is either cut short or has lost the marker, and its
 * furniture would read as the paper's last paragraphs.
 */
function furnitureStart(file: string, content: SourceLine[]): number {
  const marker = content.findIndex((l) => l.text.trim() === FURNITURE_START);
  if (marker >= 0) return marker;
  let first = content.length;
  while (first > 0 && isShortLabel(content[first - 1]!.text) && !endsSentence(content[first - 1]!.text)) first -= 1;
  const last = content[content.length - 1]!;
  if (first === content.length) {
    throw new IngestError(
      file,
      last.n,
      `found the end of the file after «…${last.text.slice(-12)}» with no line ${FURNITURE_START}; expected the scraped page to go on with ${FURNITURE_START} after the paper's last section (is the file cut short?)`,
    );
  }
  throw new IngestError(
    file,
    content[first]!.n,
    `found short lines without a sentence from here to line ${last.n} («${content[first]!.text}» …), with no line ${FURNITURE_START} before them; expected ${FURNITURE_START} where the scraped page furniture begins`,
  );
}

interface Part {
  heading: SourceLine | null;
  blocks: Block[];
  notes: Footnote[];
  /** Its subsection headings so far, to check that the next one counts on. */
  subsections: SourceLine[];
}

function newPart(heading: SourceLine | null): Part {
  return { heading, blocks: [], notes: [], subsections: [] };
}

/** Numbered headings count up from 一 without a gap; `previous` is the heading before, if any. */
function checkNumbering(file: string, line: SourceLine, found: string, expected: string, previous: SourceLine | undefined, what: string): void {
  if (found === expected) return;
  const after = previous ? `after «${previous.text}» on line ${previous.n}` : `as the first ${what}`;
  throw new IngestError(file, line.n, `found ${what} ${found} ${after}; expected ${expected}`);
}

export function splitPaper(file: string, lines: SourceLine[], manifest: PaperManifest): SplitResult {
  const content = contentLines(lines);
  const header = readHeader(file, content, manifest);
  const end = furnitureStart(file, content);
  const removals: Removal[] = [...header.removals];
  for (const l of content.slice(end)) removals.push({ line: l.n, column: 0, text: l.text, reason: `page furniture after ${FURNITURE_START}` });

  const counter = newFootnoteCounter();
  const parts: Part[] = [newPart(null)];
  for (const line of content.slice(header.bodyStart, end)) {
    const kind = lineKind(line.text);
    const current = parts[parts.length - 1]!;
    if (kind === 'section') {
      const numeral = SECTION_HEADING.exec(line.text)![1]!;
      checkNumbering(file, line, `${numeral}、`, `${chineseNumeral(parts.length)}、`, current.heading ?? undefined, 'section');
      parts.push(newPart(line));
    } else if (kind === 'subsection') {
      const numeral = SUBSECTION_HEADING.exec(line.text)![1]!;
      checkNumbering(file, line, `(${numeral})`, `(${chineseNumeral(current.subsections.length + 1)})`, current.subsections.at(-1), 'subsection');
      current.subsections.push(line);
      current.blocks.push({ kind: 'heading', text: line.text, line: line.n });
    } else if (kind === 'caption') {
      current.blocks.push({ kind: 'caption', text: line.text, line: line.n });
    } else {
      const extracted = extractFootnotes(file, line.n, line.text, counter);
      current.blocks.push({ kind: 'paragraph', parts: extracted.parts, from: line.n, to: line.n });
      current.notes.push(...extracted.notes);
      removals.push(...extracted.removals);
    }
  }
  if (parts.length < 2) throw new IngestError(file, content[header.bodyStart]?.n ?? 1, 'expected numbered sections 一、二、…');

  let joins = 0;
  const docs: Doc[] = parts.map((part, i) => {
    const joined = joinPageBreaks(file, part.blocks);
    joins += joined.joins;
    const lastLine = part.blocks.length ? lastLineOf(part.blocks[part.blocks.length - 1]!) : (part.heading?.n ?? 1);
    if (!part.heading) {
      const meta: Untagged<PaperMeta> = {
        kind: 'paper',
        title: manifest.title,
        authors: manifest.authors,
        authorSlugs: manifest.authors.map(nameSlug),
        journal: manifest.journal,
        year: manifest.year,
        ...(manifest.issue === undefined ? {} : { issue: manifest.issue }),
        keywords: header.keywords,
        footnoteCount: counter.last,
        source: { file, from: content[0]!.n, to: lastLine },
      };
      return { path: 'paper/index.md', meta, blocks: joined.blocks, notes: part.notes };
    }
    if (joined.blocks.length === 0) throw new IngestError(file, part.heading.n, 'section has no text; expected paragraphs after its heading');
    const [, numeral, title] = SECTION_HEADING.exec(part.heading.text)!;
    removals.push({ line: part.heading.n, column: 0, text: `${numeral}、`, reason: 'ordinal of the section heading (kept as metadata)' });
    const first = part.notes[0];
    const last = part.notes[part.notes.length - 1];
    const meta: Untagged<PaperSectionMeta> = {
      kind: 'paper-section',
      n: i,
      numeral: numeral!,
      title: title!,
      ...(first && last ? { footnotes: { first: first.n, last: last.n } } : {}),
      source: { file, from: part.heading.n, to: lastLine },
    };
    return { path: `paper/${i}.md`, meta, blocks: joined.blocks, notes: part.notes };
  });
  return { file, docs, removals, joins };
}
