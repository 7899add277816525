/**
 * The concordance's word files, written at the end of every `astro build`
 * beside the search index, from the same records (site-records.ts): one
 * file per word of the index, `dist/concordance/words/<name>.json`
 * (src/lib/concordance.ts). The concordance page fetches the one file of the
 * word it shows, so what a reader loads grows with the word's places, not
 * with the corpus. Beside them, `vocabulary.json`: the index's words and the
 * traditional forms of the texts' characters, which the page fetches only
 * for a word the index does not hold.
 *
 * Any error (two words with one file name) fails the build, and nothing is
 * left half-written: the files go to a folder of their own that replaces
 * the old one only once all are written.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { AstroIntegration } from 'astro';
import * as OpenCC from 'opencc-js';
import { VOCABULARY_FILE, WORDS_DIR, type ConcordanceVocabulary } from '../lib/concordance.ts';
import { concordanceOf, traditionalPairs, wordFiles } from '../lib/concordance-index.ts';
import { packWords } from '../lib/search/words.ts';
import { records, vocabulary } from './site-records.ts';

/** Simplified characters to the traditional forms of OpenCC's standard, Taiwan's and Hong Kong's. */
const TO_TRADITIONAL = (['t', 'tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));

function vocabularyFile(): ConcordanceVocabulary {
  const { words, singles } = vocabulary();
  return { words: packWords(words), singles: singles.join(''), traditional: traditionalPairs([...words, ...singles], TO_TRADITIONAL) };
}

function writeWordFiles(dist: string): number {
  const files = wordFiles(concordanceOf(records()));
  const near = JSON.stringify(vocabularyFile());
  const target = path.join(dist, WORDS_DIR);
  const fresh = `${target}.new`;
  rmSync(fresh, { recursive: true, force: true });
  mkdirSync(fresh, { recursive: true });
  for (const [name, file] of files) writeFileSync(path.join(fresh, name), JSON.stringify(file));
  rmSync(target, { recursive: true, force: true });
  renameSync(fresh, target);
  writeFileSync(path.join(dist, VOCABULARY_FILE), near);
  return files.size;
}

export default function concordanceFiles(): AstroIntegration {
  return {
    name: 'concordance-files',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        try {
          const count = writeWordFiles(dist);
          logger.info(`wrote ${count} word files into ${path.relative(process.cwd(), path.join(dist, WORDS_DIR))}/`);
        } catch (error) {
          throw new Error(`concordance: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    },
  };
}
