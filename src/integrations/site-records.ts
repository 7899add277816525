/**
 * The search records of the content folder being built (src/lib/search/records.ts),
 * cut once per build and shared by what is made from them after the build:
 * the search index (pagefind-index.ts) and the concordance (concordance-files.ts),
 * and the index's vocabulary.
 */
import { CONTENT_DIR } from '../lib/content-dir.ts';
import { readDocumentFiles, readThemesFile } from '../lib/content-files.ts';
import { readPassagesFile } from '../lib/passages.ts';
import { wordCutter } from '../lib/segmenter.ts';
import { buildRecords, vocabularyOf, type SearchRecord } from '../lib/search/records.ts';

let cached: SearchRecord[] | undefined;
let cachedVocabulary: ReturnType<typeof vocabularyOf> | undefined;

export function records(): SearchRecord[] {
  cached ??= buildRecords(readDocumentFiles(CONTENT_DIR), readPassagesFile(CONTENT_DIR), wordCutter(readThemesFile(CONTENT_DIR)));
  return cached;
}

/** The index's words, of the same records: the browser's query cutter and the concordance's near words use them. */
export function vocabulary(): ReturnType<typeof vocabularyOf> {
  cachedVocabulary ??= vocabularyOf(records());
  return cachedVocabulary;
}
