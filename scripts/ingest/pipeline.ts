/** Composes the pure stages: normalize → split → render → fidelity. No disk access. */
import { checkFidelity } from './fidelity.ts';
import { IngestError } from './errors.ts';
import type { Source } from './read.ts';
import { normalize } from './normalize.ts';
import { renderDoc } from './render.ts';
import { splitForum } from './split-forum.ts';
import { splitPaper } from './split-paper.ts';
import type { ContentFiles } from './write.ts';

export interface IngestSummary {
  files: ContentFiles;
  documents: number;
  footnotes: number;
  joins: number;
  removals: number;
}

export function ingest(sources: Source[]): IngestSummary {
  const files: ContentFiles = new Map();
  const summary = { documents: 0, footnotes: 0, joins: 0, removals: 0 };
  for (const source of sources) {
    const lines = normalize(source.file, source.raw);
    const { manifest } = source;
    const split = manifest.kind === 'forum' ? splitForum(source.file, lines, manifest) : splitPaper(source.file, lines, manifest);
    const rendered = split.docs.map((doc) => ({ path: doc.path, meta: doc.meta, markdown: renderDoc(doc) }));
    checkFidelity(source.file, lines, split.removals, rendered);
    for (const doc of rendered) {
      if (files.has(doc.path)) throw new IngestError(source.file, 1, `a second source generates ${doc.path}`);
      files.set(doc.path, doc.markdown);
    }
    summary.documents += split.docs.length;
    summary.footnotes += split.docs.reduce((n, d) => n + d.notes.length, 0);
    summary.joins += split.joins;
    summary.removals += split.removals.length;
  }
  return { files, ...summary };
}
