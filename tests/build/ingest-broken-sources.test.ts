/**
 * The ingest run as npm run ingest runs it (in this process, so that jieba
 * loads once), on malformed copies of the real sources. Each must stop before
 * the write with one message naming the file and line, what was found and
 * what was expected, and leave content/ as it was; encoding trivia must give
 * the same content/ as the clean sources. That the write itself is safe when
 * the disk fails is shown in tests/unit/ingest/write.test.ts.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../scripts/ingest/cli.ts';
import type { WriteFs } from '../../scripts/ingest/write.ts';
import { FORUM_SOURCE, PAPER_SOURCE } from '../helpers/corpus.ts';
import { brokenSources, ENCODING_TRIVIA, FORUM, PAPER } from '../fixtures/ingest/broken-sources.ts';
import { ROOT, SOURCES, treeHashes } from '../unit/ingest/helpers.ts';

const CONTENT = join(ROOT, 'content');
const THEMES = join(CONTENT, 'themes.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'ingest-broken-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let runs = 0;

/** A copy of content/sources with some files replaced. */
function sourcesWith(replaced: Record<string, Uint8Array | string>): string {
  const dir = join(scratch, `sources-${(runs += 1)}`);
  cpSync(SOURCES, dir, { recursive: true });
  for (const [file, bytes] of Object.entries(replaced)) writeFileSync(join(dir, file), bytes);
  return dir;
}

/** A copy of the committed content/, as the run finds it. */
function contentCopy(): string {
  const dir = join(scratch, `content-${(runs += 1)}`);
  cpSync(CONTENT, dir, { recursive: true });
  return dir;
}

function ingest(args: string[], fs?: WriteFs) {
  const log: string[] = [];
  const error: string[] = [];
  const status = runIngest(['--themes', THEMES, ...args], { log: (l) => log.push(l), error: (l) => error.push(l) }, fs);
  return { status, log, error };
}

/** What the committed content/ holds of the ingest's output. */
function generatedPart(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([path]) => /^(forum|paper|passages\.json)/.test(path)));
}

describe('a malformed source', () => {
  it.each(brokenSources().map((c) => [c.name, c] as const))('%s: one message at the line, content/ untouched', (_, broken) => {
    const out = contentCopy();
    const before = treeHashes(out);
    const result = ingest(['--sources', sourcesWith({ [broken.file]: broken.bytes }), '--out', out]);
    expect(result.status).toBe(1);
    expect(result.log).toEqual([]);
    expect(result.error).toHaveLength(1);
    const [message] = result.error as [string];
    expect(message).not.toContain('\n');
    expect(message.startsWith(`ingest: ${broken.file}:${broken.line}: `), message).toBe(true);
    expect(message).toContain(broken.found);
    expect(message).toContain(broken.expected);
    expect(treeHashes(out)).toEqual(before);
  });
});

describe('encoding trivia', () => {
  const committed = generatedPart(treeHashes(CONTENT));

  it.each(ENCODING_TRIVIA.map((t) => [t.name, t] as const))('%s in both sources: repaired, said in one line each, content/ byte-identical', (_, trivia) => {
    const out = join(scratch, `repaired-${(runs += 1)}`);
    const sources = sourcesWith({ [FORUM_SOURCE]: trivia.edit(FORUM), [PAPER_SOURCE]: trivia.edit(PAPER) });
    const result = ingest(['--sources', sources, '--out', out]);
    expect(result.error).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.log.filter((l) => l.includes('in memory'))).toEqual(
      [FORUM_SOURCE, PAPER_SOURCE].map((file) => `ingest: ${file}: ${trivia.says} (in memory; the file is unchanged)`),
    );
    expect(treeHashes(out)).toEqual(committed);
  });
});

describe('content/ that cannot be written', () => {
  it('ends in one message naming the folder and the cause, and content/ as it was', () => {
    const out = contentCopy();
    const before = treeHashes(out);
    const denied = (syscall: string) => (path: string) => {
      throw Object.assign(new Error(`EACCES: permission denied, ${syscall} '${path}'`), { code: 'EACCES' });
    };
    const readOnly: WriteFs = {
      existsSync,
      readdirSync: (p) => readdirSync(p),
      mkdirSync: denied('mkdir'),
      mkdtempSync: denied('mkdtemp'),
      writeFileSync: denied('open'),
      renameSync: denied('rename'),
      rmSync: denied('rmdir'),
    };
    const result = ingest(['--out', out], readOnly);
    expect(result.status).toBe(1);
    expect(result.error).toEqual([`ingest: could not write ${out}/ (EACCES: permission denied, mkdir '${out}'); the generated files in it are as they were`]);
    expect(treeHashes(out)).toEqual(before);
  });
});

describe('leftovers of an ingest stopped mid-write', () => {
  /** content/ as a kill between two swaps leaves it: forum/ moved aside, and a half-written new tree. */
  function interrupted(): string {
    const out = contentCopy();
    mkdirSync(join(out, '.ingest-old-kill01'));
    renameSync(join(out, 'forum'), join(out, '.ingest-old-kill01/forum'));
    mkdirSync(join(out, '.ingest-new-kill02/paper'), { recursive: true });
    writeFileSync(join(out, '.ingest-new-kill02/paper/1.md'), '---\nkind: paper-sec');
    return out;
  }

  it('--check reports them', () => {
    const result = ingest(['--check', '--out', interrupted()]);
    expect(result.status).toBe(1);
    expect(result.error[0]).toContain('.ingest-new-kill02/: left by an ingest that was stopped mid-write');
    expect(result.error[0]).toContain('.ingest-old-kill01/: left by an ingest that was stopped mid-write');
  });

  it('a normal run removes them, says so, and writes the whole tree', () => {
    const out = interrupted();
    const result = ingest(['--out', out]);
    expect(result.status).toBe(0);
    expect(result.log[0]).toBe(`ingest: removed .ingest-new-kill02, .ingest-old-kill01 from ${out}/, left by an ingest that was stopped mid-write`);
    expect(treeHashes(out)).toEqual(treeHashes(CONTENT));
  });
});
