/** Composes the stages: normalize → split → punctuation → tag → render → fidelity. Disk access is left to the CLI. */
import type { Passage } from '../../src/lib/schema.ts';
import { IngestError } from './errors.ts';
import { checkFidelity } from './fidelity.ts';
import { decodeSource, normalize } from './normalize.ts';
import type { SplitMeta } from './model.ts';
import type { Source } from './read.ts';
import { repairPunctuation } from './punctuation.ts';
import { renderDoc } from './render.ts';
import { splitForum } from './split-forum.ts';
import { splitPaper } from './split-paper.ts';
import type { Segmenter } from '../../src/lib/segmenter.ts';
import { checkEveryTermMatches, tagParagraphs, topKeywords, withTags } from './tag.ts';
import type { ThemeSource } from './themes.ts';
import type { ContentFiles } from './write.ts';

export interface ThemesInput {
  file: string;
  themes: ThemeSource[];
  segmenter: Segmenter;
}

export interface SourceRepairs {
  file: string;
  repairs: string[];
}

export interface IngestSummary {
  files: ContentFiles;
  /** Encoding trivia repaired in memory, per source that had any. */
  repairs: SourceRepairs[];
  /** ASCII punctuation marks in Chinese text set full-width (punctuation.ts). */
  punctuation: number;
  documents: number;
  footnotes: number;
  joins: number;
  removals: number;
  passages: number;
}

export const PASSAGES_FILE = 'passages.json';

const KEYWORDS_PER_DOC = 8;

/**
 * Reads one source and splits it into documents, checking the structure it
 * declares, then sets the ASCII punctuation of their Chinese text full-width.
 */
function splitSource(source: Source) {
  const decoded = decodeSource(source.file, source.raw);
  const lines = normalize(source.file, decoded.text);
  const { file, manifest } = source;
  const split = manifest.kind === 'forum' ? splitForum(file, lines, manifest) : splitPaper(file, lines, manifest);
  const punctuated = split.docs.map(repairPunctuation);
  return {
    source,
    repairs: decoded.repairs,
    punctuation: punctuated.reduce((n, p) => n + p.marks, 0),
    lines,
    split: { ...split, docs: punctuated.map((p) => p.doc) },
  };
}

/** The people a document names in its metadata: the forum's experts, an essay's author, the paper's authors. */
function peopleOf(meta: SplitMeta): string[] {
  switch (meta.kind) {
    case 'forum':
      return meta.experts;
    case 'essay':
      return [meta.author];
    case 'paper':
      return meta.authors;
    case 'paper-section':
      return [];
  }
}

export function ingest(sources: Source[], themesInput: ThemesInput): IngestSummary {
  const themes = themesInput.themes.map((t) => t.theme);
  // Every source is split before any is tagged: a malformed one stops the run before the slow part.
  const splits = sources
    .map(splitSource)
    .map((s) => ({ ...s, tags: s.split.docs.map((doc) => tagParagraphs(s.source.file, doc, themes, themesInput.segmenter)) }));
  const people = splits.flatMap((s) => s.split.docs.flatMap((d) => peopleOf(d.meta)));
  const keywords = topKeywords(splits.flatMap((s) => s.tags), themesInput.segmenter, KEYWORDS_PER_DOC, people);

  const files: ContentFiles = new Map();
  const passages: Passage[] = [];
  let docIndex = 0;
  for (const { source, lines, split, tags } of splits) {
    const rendered = split.docs.map((doc, i) => {
      const tagged = withTags(doc, tags[i]!.themes, keywords[docIndex++]!);
      return { path: doc.path, meta: tagged.meta, markdown: renderDoc(tagged) };
    });
    checkFidelity(source.file, lines, split.removals, rendered);
    for (const doc of rendered) {
      if (files.has(doc.path)) throw new IngestError(source.file, 1, `a second source generates ${doc.path}`);
      files.set(doc.path, doc.markdown);
    }
    passages.push(...tags.flatMap((t) => t.passages));
  }
  checkEveryTermMatches(themesInput.file, themesInput.themes, passages);
  files.set(PASSAGES_FILE, `${JSON.stringify(passages, null, 1)}\n`);
  const count = (f: (s: (typeof splits)[number]) => number) => splits.reduce((n, s) => n + f(s), 0);
  return {
    files,
    repairs: splits.filter((s) => s.repairs.length).map((s) => ({ file: s.source.file, repairs: s.repairs })),
    punctuation: count((s) => s.punctuation),
    documents: count((s) => s.split.docs.length),
    footnotes: count((s) => s.split.docs.reduce((n, d) => n + d.notes.length, 0)),
    joins: count((s) => s.split.joins),
    removals: count((s) => s.split.removals.length),
    passages: passages.length,
  };
}
