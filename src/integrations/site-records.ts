/**
 * The search records of the content folder being built (src/lib/search/records.ts),
 * cut once per build and shared by what is made from them after the build:
 * the search index (pagefind-index.ts) and the concordance (concordance-files.ts).
 */
import { CONTENT_DIR } from '../lib/content-dir.ts';
import { readDocumentFiles, readThemesFile } from '../lib/content-files.ts';
import { readPassagesFile } from '../lib/passages.ts';
import { wordCutter } from '../lib/segmenter.ts';
import { buildRecords, type SearchRecord } from '../lib/search/records.ts';

let cached: SearchRecord[] | undefined;

export function records(): SearchRecord[] {
  cached ??= buildRecords(readDocumentFiles(CONTENT_DIR), readPassagesFile(CONTENT_DIR), wordCutter(readThemesFile(CONTENT_DIR)));
  return cached;
}
