/**
 * npm run ingest [-- --check] [--sources DIR] [--themes FILE] [--out DIR]
 * Generates content/forum, content/paper and content/passages.json from
 * content/sources and content/themes.yaml; with
 * --check, generates in memory and fails if content/ differs.
 */
import { parseArgs } from 'node:util';
import { IngestError } from './errors.ts';
import { ingest } from './pipeline.ts';
import { readSources, readText } from './read.ts';
import { jiebaSegmenter } from './segmenter.ts';
import { parseThemes } from './themes.ts';
import { diffContent, writeContent } from './write.ts';

function main(): number {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      sources: { type: 'string', default: 'content/sources' },
      out: { type: 'string', default: 'content' },
      themes: { type: 'string', default: 'content/themes.yaml' },
    },
  });
  const themes = parseThemes(values.themes, readText(values.themes, 'the list of themes'));
  const segmenter = jiebaSegmenter(themes.map((t) => t.theme));
  const result = ingest(readSources(values.sources), { file: values.themes, themes, segmenter });
  const facts = `${result.documents} documents, ${result.footnotes} footnotes, ${result.joins} page-break joins, ${result.removals} named removals, ${result.passages} passages tagged; fidelity holds`;
  if (values.check) {
    const problems = diffContent(values.out, result.files);
    if (problems.length) {
      console.error(`ingest --check: ${values.out}/ is not what ingest generates; run npm run ingest\n  ${problems.join('\n  ')}`);
      return 1;
    }
    console.log(`ingest --check: ${values.out}/ is up to date (${facts})`);
    return 0;
  }
  writeContent(values.out, result.files);
  console.log(`ingest: wrote ${result.files.size} files to ${values.out}/ (${facts})`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (!(error instanceof IngestError)) throw error;
  console.error(`ingest: ${error.message}`);
  process.exitCode = 1;
}
