/**
 * npm run ingest [-- --check] [--sources DIR] [--themes FILE] [--out DIR]
 * Generates content/forum, content/paper and content/passages.json from
 * content/sources and content/themes.yaml; with --check, generates in memory
 * and fails if content/ differs. A malformed input or a failed write ends in
 * one line that names the file and what was wrong, and exit status 1.
 */
import * as nodeFs from 'node:fs';
import { parseArgs } from 'node:util';
import { IngestError } from './errors.ts';
import { ingest } from './pipeline.ts';
import { readSources, readText } from './read.ts';
import { jiebaSegmenter } from '../../src/lib/segmenter.ts';
import { parseThemes } from './themes.ts';
import { diffContent, writeContent, WriteError, type WriteFs } from './write.ts';

/** Where the run reports: the console, or a test's collector. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

function run(args: string[], output: Output, fs: WriteFs): number {
  const { values } = parseArgs({
    args,
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
  for (const { file, repairs } of result.repairs) output.log(`ingest: ${file}: ${repairs.join(', ')} (in memory; the file is unchanged)`);
  const facts = `${result.documents} documents, ${result.footnotes} footnotes, ${result.joins} page-break joins, ${result.removals} named removals, ${result.punctuation} ASCII punctuation marks in Chinese text set full-width, ${result.passages} passages tagged; fidelity holds`;
  if (values.check) {
    const problems = diffContent(values.out, result.files);
    if (problems.length) {
      output.error(`ingest --check: ${values.out}/ is not what ingest generates; run npm run ingest\n  ${problems.join('\n  ')}`);
      return 1;
    }
    output.log(`ingest --check: ${values.out}/ is up to date (${facts})`);
    return 0;
  }
  const { removed, left } = writeContent(values.out, result.files, fs);
  if (removed.length) output.log(`ingest: removed ${removed.join(', ')} from ${values.out}/, left by an ingest that was stopped mid-write`);
  output.log(`ingest: wrote ${result.files.size} files to ${values.out}/ (${facts})`);
  if (left.length) output.log(`ingest: could not remove ${left.join(', ')}; the next run removes it`);
  return 0;
}

/** Runs the ingest and returns its exit status; input and write problems are reported, not thrown. */
export function runIngest(args: string[], output: Output = console, fs: WriteFs = nodeFs): number {
  try {
    return run(args, output, fs);
  } catch (error) {
    if (!(error instanceof IngestError || error instanceof WriteError)) throw error;
    output.error(`ingest: ${error.message}`);
    return 1;
  }
}

// Run as the command, not when a test imports runIngest.
if (import.meta.main) process.exitCode = runIngest(process.argv.slice(2));
