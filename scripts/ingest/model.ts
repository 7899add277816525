/** The in-memory shape of the corpus between the split and render stages. */
import type { EssayMeta, ForumMeta, PaperMeta, PaperSectionMeta } from '../../src/lib/schema.ts';

/** One source line, 1-based, as normalize leaves it. */
export interface SourceLine {
  n: number;
  text: string;
}

/** Paragraph text, interrupted by footnote references (paper-wide numbers). */
export type Inline = string | { note: number };

export type Block =
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'paragraph'; parts: Inline[]; from: number; to: number }
  | { kind: 'caption'; text: string; line: number };

export interface Footnote {
  /** Paper-wide number, 1…n in reading order. */
  n: number;
  /** The citation as printed, without its circled marker. */
  text: string;
  line: number;
}

/** Source text that the ingest deliberately leaves out of the documents, and why. */
export interface Removal {
  line: number;
  /** Where the removed text starts in the line (0-based, in UTF-16 units). */
  column: number;
  text: string;
  reason: string;
}

export type DocMeta = ForumMeta | EssayMeta | PaperMeta | PaperSectionMeta;

/** Metadata as the split stages make it, before tagging adds themes and keywords. */
export type Untagged<M> = M extends unknown ? Omit<M, 'themes' | 'topKeywords'> : never;
export type SplitMeta = Untagged<DocMeta>;

export interface Doc<M extends SplitMeta = SplitMeta> {
  /** Path under content/, e.g. `forum/wang-kai.md`. */
  path: string;
  meta: M;
  blocks: Block[];
  notes: Footnote[];
}

export type TaggedDoc = Doc<DocMeta>;

/** What one source file becomes. */
export interface SplitResult {
  file: string;
  docs: Doc[];
  removals: Removal[];
  /** How many page-break splits were joined again. */
  joins: number;
}
