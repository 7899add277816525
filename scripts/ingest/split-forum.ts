/**
 * The forum: a title line, the list of expert names, the editor's note with
 * its three questions, then 11 essays (a title line, an author line
 * `姓名（单位）`, the body), then the closing remark and revision date.
 */
import type { EssayMeta, ForumMeta, Question } from '../../src/lib/schema.ts';
import { IngestError } from './errors.ts';
import type { Block, Doc, Untagged, Removal, SourceLine, SplitResult } from './model.ts';
import { contentLines } from './normalize.ts';
import { nameSlug, pinyinName } from './names.ts';
import { joinPageBreaks, plainText } from './paragraphs.ts';

export interface ForumManifest {
  title: string;
  journal: string;
  year: number;
}

const AUTHOR_LINE = /^(\p{Script=Han}{2,4})\s*[（(](.+)[）)]$/u;
const REMARK_LINE = /^[(（][^()（）]+[)）]$/;
const REVISED_LINE = /^(修回\s*[:：]\s*)(\S+)$/;
/** `1. 新质生产力是…`: short, numbered, no sentence inside. `1.空间升级效应。通过…` is a paragraph. */
const ESSAY_HEADING = /^\d{1,2}[.．]\s*\S/;
/** `(1) 在发展新质生产力的整体语境下…？` */
const QUESTION_HEADING = /^[(（](\d)[)）]\s*(.+[？?])$/;

export function isEssayHeading(text: string): boolean {
  return ESSAY_HEADING.test(text) && text.length <= 60 && !/[。！？；]/.test(text);
}

function classify(lines: SourceLine[], isHeading: (text: string) => boolean): Block[] {
  return lines.map((l) =>
    isHeading(l.text)
      ? { kind: 'heading', text: l.text, line: l.n }
      : { kind: 'paragraph', parts: [l.text], from: l.n, to: l.n },
  );
}

interface AuthorLine {
  index: number;
  name: string;
  affiliation: string;
}

function findAuthorLines(file: string, lines: SourceLine[], experts: string[], listLine: number): AuthorLine[] {
  const found: AuthorLine[] = [];
  lines.forEach((l, index) => {
    const m = AUTHOR_LINE.exec(l.text);
    if (m && experts.includes(m[1]!)) found.push({ index, name: m[1]!, affiliation: m[2]! });
  });
  for (const name of experts) {
    const count = found.filter((a) => a.name === name).length;
    if (count === 0) {
      throw new IngestError(file, listLine, `expert ${name} is listed here but no author line follows an essay title; expected a line like ${name}（单位，职务）`);
    }
    if (count > 1) {
      const second = found.filter((a) => a.name === name)[1]!;
      throw new IngestError(file, lines[second.index]!.n, `a second author line for ${name}; expected one essay per expert`);
    }
  }
  return found;
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
  const experts = listLine.text.split(/\s+/);
  if (!experts.every((name) => /^\p{Script=Han}{2,4}$/u.test(name))) {
    throw new IngestError(file, listLine.n, 'expected the experts\' names separated by spaces');
  }

  const revisedLine = content[content.length - 1]!;
  const remarkLine = content[content.length - 2]!;
  const revised = REVISED_LINE.exec(revisedLine.text);
  if (!revised) throw new IngestError(file, revisedLine.n, 'expected the closing line 修回:YYYY-MM');
  if (!REMARK_LINE.test(remarkLine.text)) {
    throw new IngestError(file, remarkLine.n, 'expected the closing remark in brackets, e.g. (排名不分先后,限于篇幅略有删减)');
  }

  const body = content.slice(2, content.length - 2);
  const authors = findAuthorLines(file, body, experts, listLine.n);
  const removals: Removal[] = [{ line: revisedLine.n, column: 0, text: revised[1]!, reason: 'label of the revision date' }];
  const docs: Doc[] = [];
  let joins = 0;

  const firstTitle = authors[0]!.index - 1;
  const noteLines = body.slice(0, firstTitle);
  if (noteLines.length === 0) throw new IngestError(file, listLine.n + 1, 'expected the editor\'s note before the first essay');
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
