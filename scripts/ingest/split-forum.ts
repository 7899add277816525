/**
 * The forum: a title line, the list of expert names, the editor's note with
 * its three questions, then 11 essays (a title line, an author line
 * `姓名（单位）`, the body), then the closing remark and revision date.
 */
import type { EssayMeta, ForumMeta, Question } from '../../src/lib/schema.ts';
import { codePoint, IngestError } from './errors.ts';
import type { Block, Doc, Untagged, Removal, SourceLine, SplitResult } from './model.ts';
import { contentLines } from './normalize.ts';
import { nameSlug, pinyinName } from './names.ts';
import { isShortLabel, joinPageBreaks, plainText } from './paragraphs.ts';

export interface ForumManifest {
  title: string;
  journal: string;
  year: number;
}

/**
 * `姓名（单位，职务）`. The name may hold a stray space or invisible character
 * between its characters, so that the error can point at this line.
 */
const AUTHOR_LINE = /^(\p{Script=Han}(?:[\s\u200B-\u200D\u2060]*\p{Script=Han}){1,3})\s*[（(](.+)[）)]$/u;
const NAME_GAP = /[\s\u200B-\u200D\u2060]/u;
const NAME = /^\p{Script=Han}{2,4}$/u;
const REMARK_LINE = /^[(（][^()（）]+[)）]$/;
const REVISED_LINE = /^(修回\s*[:：]\s*)(\S+)$/;
/** `1. 新质生产力是…`: short, numbered, no sentence inside. `1.空间升级效应。通过…` is a paragraph. */
const ESSAY_HEADING = /^\d{1,2}[.．]\s*\S/;
/** `(1) 在发展新质生产力的整体语境下…？` */
const QUESTION_HEADING = /^[(（](\d)[)）]\s*(.+[？?])$/;

export function isEssayHeading(text: string): boolean {
  return ESSAY_HEADING.test(text) && isShortLabel(text);
}

function classify(lines: SourceLine[], isHeading: (text: string) => boolean): Block[] {
  return lines.map((l) =>
    isHeading(l.text)
      ? { kind: 'heading', text: l.text, line: l.n }
      : { kind: 'paragraph', parts: [l.text], from: l.n, to: l.n },
  );
}

/** A name as a message shows it: a space or an invisible character in it is named. */
function shown(name: string): string {
  const gap = NAME_GAP.exec(name);
  return gap ? `«${name}» (with ${codePoint(gap[0])} inside)` : `«${name}»`;
}

/** The experts' names, as the line after the title lists them: each once. */
function readNameList(file: string, listLine: SourceLine): string[] {
  const experts = listLine.text.trim().split(/\s+/);
  const odd = experts.find((name) => !NAME.test(name));
  if (odd !== undefined) {
    throw new IngestError(file, listLine.n, `found ${shown(odd)} in the list of experts; expected names of 2 to 4 Chinese characters separated by spaces`);
  }
  const twice = experts.find((name, i) => experts.indexOf(name) !== i);
  if (twice) throw new IngestError(file, listLine.n, `found ${twice} listed twice; expected each expert once`);
  return experts;
}

interface AuthorLine {
  /** Index of the author line in the lines searched. */
  index: number;
  name: string;
  affiliation: string;
}

/** Every line shaped like an author line, whatever the list of experts says. */
function findAuthorLines(file: string, lines: SourceLine[]): AuthorLine[] {
  return lines.flatMap((l, index) => {
    const m = AUTHOR_LINE.exec(l.text);
    if (!m) return [];
    const name = m[1]!;
    if (NAME_GAP.test(name)) {
      throw new IngestError(file, l.n, `found the author's name ${shown(name)}; expected ${name.replace(new RegExp(NAME_GAP, 'gu'), '')} with nothing between its characters, as the list of experts has it`);
    }
    return [{ index, name, affiliation: m[2]! }];
  });
}

/** The essays are the listed experts', in the list's order, one each. */
function checkEssaysFollowList(file: string, listLine: SourceLine, experts: string[], authors: AuthorLine[], lines: SourceLine[]): void {
  const lineOf = (author: AuthorLine) => lines[author.index]!.n;
  const noEssay = (name: string) =>
    new IngestError(file, listLine.n, `found no essay by ${name}, who is listed here; expected a title line, then the author line ${name}（单位，职务）`);
  authors.forEach((author, i) => {
    const expected = experts[i];
    if (author.name === expected) return;
    const wanted = expected ? `${expected}'s essay here, the next name in that list` : `no essay after ${experts[experts.length - 1]}'s, the last name in that list`;
    if (!experts.includes(author.name)) {
      throw new IngestError(file, lineOf(author), `found an essay by ${author.name}, who is not in the list of experts on line ${listLine.n}; expected ${wanted}`);
    }
    const first = authors.find((a) => a.name === author.name)!;
    if (first !== author) {
      throw new IngestError(file, lineOf(author), `found a second essay by ${author.name} (the first is at line ${lineOf(first)}); expected one essay per expert`);
    }
    if (!authors.some((a) => a.name === expected)) throw noEssay(expected!);
    throw new IngestError(file, lineOf(author), `found ${author.name}'s essay; expected ${wanted}, in the order of the list on line ${listLine.n}`);
  });
  const missing = experts[authors.length];
  if (missing) throw noEssay(missing);
}

/** The line above each author line is the essay's title: a short line, not a sentence. */
function checkTitles(file: string, authors: AuthorLine[], lines: SourceLine[]): void {
  for (const author of authors) {
    const above = lines[author.index - 1];
    if (above && !isShortLabel(above.text)) {
      throw new IngestError(
        file,
        lines[author.index]!.n,
        `found no title above ${author.name}'s author line: line ${above.n} is a sentence (…${above.text.slice(-12)}); expected the essay's title there, a short line without 。！？；`,
      );
    }
  }
}

/** The experts a question's discussion names, in the order first named. */
function expertsNamed(blocks: Block[], experts: string[]): string[] {
  const text = blocks.map((b) => (b.kind === 'paragraph' ? plainText(b.parts) : '')).join('');
  return experts
    .map((name) => ({ name, at: text.indexOf(name) }))
    .filter((e) => e.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((e) => nameSlug(e.name));
}

function questionsOf(file: string, note: Block[], experts: string[]): Question[] {
  const questions: Question[] = [];
  note.forEach((block, i) => {
    if (block.kind !== 'heading') return;
    const m = QUESTION_HEADING.exec(block.text)!;
    const next = note.findIndex((b, j) => j > i && b.kind === 'heading');
    const discussion = note.slice(i + 1, next < 0 ? undefined : next);
    const named = expertsNamed(discussion, experts);
    if (named.length === 0) throw new IngestError(file, block.line, `question (${m[1]}) names no expert in its discussion; expected at least one of ${experts.join(' ')}`);
    questions.push({ n: Number(m[1]), text: m[2]!, experts: named });
  });
  return questions;
}

export function splitForum(file: string, lines: SourceLine[], manifest: ForumManifest): SplitResult {
  const content = contentLines(lines);
  const [titleLine, listLine] = content;
  if (!titleLine || !listLine) throw new IngestError(file, 1, 'expected a title line and a line listing the experts');
  if (titleLine.text !== manifest.title) {
    throw new IngestError(file, titleLine.n, `title ${titleLine.text} differs from the manifest's ${manifest.title}`);
  }
  const experts = readNameList(file, listLine);

  const revisedLine = content[content.length - 1]!;
  const remarkLine = content[content.length - 2]!;
  const revised = REVISED_LINE.exec(revisedLine.text);
  if (!revised) throw new IngestError(file, revisedLine.n, 'expected the closing line 修回:YYYY-MM');
  if (!REMARK_LINE.test(remarkLine.text)) {
    throw new IngestError(file, remarkLine.n, 'expected the closing remark in brackets, e.g. (排名不分先后,限于篇幅略有删减)');
  }

  const body = content.slice(2, content.length - 2);
  const authors = findAuthorLines(file, body);
  checkEssaysFollowList(file, listLine, experts, authors, body);
  checkTitles(file, authors, body);
  const removals: Removal[] = [{ line: revisedLine.n, column: 0, text: revised[1]!, reason: 'label of the revision date' }];
  const docs: Doc[] = [];
  let joins = 0;

  const firstTitle = authors[0]!.index - 1;
  if (firstTitle <= 0) {
    throw new IngestError(file, body[authors[0]!.index]!.n, `found ${authors[0]!.name}'s essay right after the list of experts; expected the editor's note and the essay's title before it`);
  }
  const noteLines = body.slice(0, firstTitle);
  const note = joinPageBreaks(file, classify(noteLines, (t) => QUESTION_HEADING.test(t)));
  joins += note.joins;

  const forum: Untagged<ForumMeta> = {
    kind: 'forum',
    title: titleLine.text,
    journal: manifest.journal,
    year: manifest.year,
    experts,
    questions: questionsOf(file, note.blocks, experts),
    remark: remarkLine.text,
    revised: revised[2]!,
    source: { file, from: titleLine.n, to: revisedLine.n },
  };
  docs.push({ path: 'forum/index.md', meta: forum, blocks: note.blocks, notes: [] });

  authors.forEach((author, i) => {
    const title = body[author.index - 1]!;
    const authorLine = body[author.index]!;
    const end = i + 1 < authors.length ? authors[i + 1]!.index - 1 : body.length;
    const essayLines = body.slice(author.index + 1, end);
    if (essayLines.length === 0) {
      throw new IngestError(file, authorLine.n, `the essay of ${author.name} has no body; expected paragraphs after the author line`);
    }
    const essay = joinPageBreaks(file, classify(essayLines, isEssayHeading));
    joins += essay.joins;
    const meta: Untagged<EssayMeta> = {
      kind: 'essay',
      order: i + 1,
      title: title.text,
      author: author.name,
      pinyin: pinyinName(author.name),
      slug: nameSlug(author.name),
      affiliation: author.affiliation,
      source: { file, from: title.n, to: essayLines[essayLines.length - 1]!.n },
    };
    const openAt = authorLine.text.length - authorLine.text.slice(author.name.length).trimStart().length;
    const closeAt = authorLine.text.length - 1;
    for (const column of [openAt, closeAt]) {
      removals.push({ line: authorLine.n, column, text: authorLine.text.charAt(column), reason: 'brackets of the author line' });
    }
    docs.push({ path: `forum/${meta.slug}.md`, meta, blocks: essay.blocks, notes: [] });
  });

  return { file, docs, removals, joins };
}
