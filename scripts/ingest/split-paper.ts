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
import { joinPageBreaks, lastLineOf } from './paragraphs.ts';
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
const SUBSECTION_HEADING = /^[(（][一二三四五六七八九十]+[)）]/;
const TABLE_CAPTION = /^表\s*\d+\s/;

/** Headings and captions are short lines with no sentence in them. */
const isShortLabel = (text: string) => text.length <= 60 && !/[。！？；]/.test(text);

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

function furnitureStart(content: SourceLine[]): number {
  const i = content.findIndex((l) => l.text.trim() === FURNITURE_START);
  return i < 0 ? content.length : i;
}

interface Part {
  heading: SourceLine | null;
  blocks: Block[];
  notes: Footnote[];
}

export function splitPaper(file: string, lines: SourceLine[], manifest: PaperManifest): SplitResult {
  const content = contentLines(lines);
  const header = readHeader(file, content, manifest);
  const end = furnitureStart(content);
  const removals: Removal[] = [...header.removals];
  for (const l of content.slice(end)) removals.push({ line: l.n, column: 0, text: l.text, reason: `page furniture after ${FURNITURE_START}` });

  const counter = newFootnoteCounter();
  const parts: Part[] = [{ heading: null, blocks: [], notes: [] }];
  for (const line of content.slice(header.bodyStart, end)) {
    const kind = lineKind(line.text);
    let current = parts[parts.length - 1]!;
    if (kind === 'section') {
      current = { heading: line, blocks: [], notes: [] };
      parts.push(current);
    } else if (kind === 'subsection') {
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
