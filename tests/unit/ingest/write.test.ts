/**
 * The write is safe: a failure at any step of it leaves content/ exactly as
 * it was, every file hashed. The write's file-system calls are injected: a
 * first run lists them, then each one in turn is made to fail.
 */
import * as nodeFs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeContent, WriteError, type ContentFiles, type WriteFs } from '../../../scripts/ingest/write.ts';
import { ROOT, thrown, treeHashes } from './helpers.ts';

const CONTENT = join(ROOT, 'content');
const GENERATED = /^(forum|paper)\/|^passages\.json$/;
const scratch = nodeFs.mkdtempSync(join(tmpdir(), 'ingest-write-'));
afterAll(() => nodeFs.rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
function contentCopy(): string {
  const dir = join(scratch, `content-${(copies += 1)}`);
  nodeFs.cpSync(CONTENT, dir, { recursive: true });
  return dir;
}

/** The committed output of the ingest, and a new one that differs in every way a run can: a changed, a dropped and an added file. */
const oldFiles: ContentFiles = new Map(
  Object.keys(treeHashes(CONTENT))
    .filter((path) => GENERATED.test(path))
    .map((path) => [path, nodeFs.readFileSync(join(CONTENT, path), 'utf8')]),
);
const newFiles: ContentFiles = new Map(oldFiles);
newFiles.set('forum/index.md', `${oldFiles.get('forum/index.md')}\n改动的一段。\n`);
newFiles.delete([...oldFiles.keys()].filter((path) => path.startsWith('paper/')).at(-1)!);
newFiles.set('paper/99.md', '新的一篇。\n');

/** content/ as a write of files should leave it: the same sources and themes, the generated part replaced. */
function treeAfterWriting(files: ContentFiles): Record<string, string> {
  const dir = contentCopy();
  for (const top of ['forum', 'paper', 'passages.json']) nodeFs.rmSync(join(dir, top), { recursive: true });
  for (const [path, text] of files) {
    nodeFs.mkdirSync(join(dir, path, '..'), { recursive: true });
    nodeFs.writeFileSync(join(dir, path), text);
  }
  return treeHashes(dir);
}

/** node:fs for the write, each call listed in steps, and the calls that fail(step number) says thrown instead of made. */
function faultyFs(outDir: string, fail: (step: number, op: string) => boolean, steps: string[] = []): WriteFs {
  const call =
    <A extends [string, ...unknown[]], R>(op: string, real: (...args: A) => R) =>
    (...args: A): R => {
      const step = steps.push(`${op} ${(relative(outDir, args[0]) || '.').replace(/(\.ingest-(new|old)-)\w+/, '$1*')}`) - 1;
      if (fail(step, op)) throw Object.assign(new Error(`EIO: i/o error (injected), ${op} '${args[0]}'`), { code: 'EIO' });
      return real(...args);
    };
  return {
    existsSync: call('exists', (path: string) => nodeFs.existsSync(path)),
    readdirSync: call('readdir', (path: string) => nodeFs.readdirSync(path)),
    mkdirSync: call('mkdir', (path: string, options: { recursive: true }) => nodeFs.mkdirSync(path, options)),
    mkdtempSync: call('mkdtemp', (prefix: string) => nodeFs.mkdtempSync(prefix)),
    writeFileSync: call('write', (path: string, text: string) => nodeFs.writeFileSync(path, text)),
    renameSync: call('rename', (from: string, to: string) => nodeFs.renameSync(from, to)),
    rmSync: call('rm', (path: string, options: { recursive: true; force: true }) => nodeFs.rmSync(path, options)),
  };
}

describe('writeContent', () => {
  const steps: string[] = [];
  const written = contentCopy();
  writeContent(written, newFiles, faultyFs(written, () => false, steps));
  /** The new tree is in place once the last swap is made; what follows is tidying up. */
  const swapped = steps.findLastIndex((s) => s.startsWith('rename'));

  it('writes the new tree in place of the old, leaving the sources and nothing else', () => {
    expect(treeHashes(written)).toEqual(treeAfterWriting(newFiles));
    expect(steps.filter((s) => s.startsWith('rename'))).toEqual([
      'rename forum', 'rename .ingest-new-*/forum', 'rename paper', 'rename .ingest-new-*/paper', 'rename passages.json', 'rename .ingest-new-*/passages.json',
    ]);
  });

  it.each(steps.slice(0, swapped + 1).map((step, i) => [i + 1, step, i] as const))(
    'a failure at step %i (%s) leaves content/ exactly as it was',
    (_, step, i) => {
      const out = contentCopy();
      const before = treeHashes(out);
      const error = thrown(() => writeContent(out, newFiles, faultyFs(out, (n) => n === i)), WriteError);
      expect(error.message.startsWith(`could not write ${out}/ (EIO: i/o error (injected), ${step.split(' ')[0]} '`), error.message).toBe(true);
      expect(error.message.endsWith('); the generated files in it are as they were')).toBe(true);
      expect(treeHashes(out)).toEqual(before);
    },
  );

  it.each(steps.slice(swapped + 1).map((step, i) => [step, swapped + 1 + i] as const))(
    'a failure at %s, after the last swap, leaves the new tree and names the folder left behind',
    (_, i) => {
      const out = contentCopy();
      const report = writeContent(out, newFiles, faultyFs(out, (n) => n === i));
      expect(report.left).toHaveLength(1);
      expect(nodeFs.existsSync(report.left[0]!)).toBe(true);
      nodeFs.rmSync(report.left[0]!, { recursive: true });
      expect(treeHashes(out)).toEqual(treeAfterWriting(newFiles));
    },
  );

  const firstSwap = steps.findIndex((s) => s.startsWith('rename'));
  it.each(steps.map((step, i) => [step, i] as const).filter(([step], i) => i > firstSwap && i <= swapped && step.startsWith('rename')))(
    'when %s fails and so does putting the old files back, no old file is lost: the message says where they are',
    (_, i) => {
      const out = contentCopy();
      const before = treeHashes(out);
      const error = thrown(() => writeContent(out, newFiles, faultyFs(out, (n, op) => n >= i && op === 'rename')), WriteError);
      const kept = /nor put the old files back .*; the old ones not yet back are in (\S+)\/: move them into/.exec(error.message)?.[1];
      expect(kept, error.message).toBeDefined();
      const [inContent, inKept] = [treeHashes(out), treeHashes(kept!)];
      for (const [path, hash] of Object.entries(before)) expect([inContent[path], inKept[path]], path).toContain(hash);
    },
  );
});
