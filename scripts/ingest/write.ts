/**
 * Writes what the ingest generates under content/ so that a failure at any
 * step leaves content/ exactly as it was. The new tree is written beside the
 * old one (`.ingest-new-*`), then each generated folder or file is swapped in,
 * the old one moved aside (`.ingest-old-*`). If any step fails, the swaps
 * done so far are undone and the old tree is back; only if that fails too is
 * the old copy kept where it is, and the error says where.
 */
import * as nodeFs from 'node:fs';
import { dirname, join } from 'node:path';

/** Relative path under content/ → file content. */
export type ContentFiles = Map<string, string>;

/** The file-system calls the write makes: tests pass their own to fail any one of them. */
export interface WriteFs {
  existsSync(path: string): boolean;
  mkdirSync(path: string, options: { recursive: true }): unknown;
  mkdtempSync(prefix: string): string;
  writeFileSync(path: string, text: string): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { recursive: true; force: true }): void;
  readdirSync(path: string): string[];
}

/** A write that failed, with what became of content/. */
export class WriteError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'WriteError';
  }
}

const STAGING = '.ingest-new-';
const RETIRED = '.ingest-old-';

/** Folders a run leaves only when it is killed mid-write. */
export function leftovers(outDir: string, fs: Pick<WriteFs, 'existsSync' | 'readdirSync'> = nodeFs): string[] {
  if (!fs.existsSync(outDir)) return [];
  return fs
    .readdirSync(outDir)
    .filter((name) => name.startsWith(STAGING) || name.startsWith(RETIRED))
    .sort();
}

/** The top-level folders and files under content/ that ingest owns. */
function topEntries(files: ContentFiles): string[] {
  return [...new Set([...files.keys()].map((p) => p.split('/')[0]!))].sort();
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Removes folders of this run; returns those it could not, which the next run removes. */
function tidy(paths: string[], fs: WriteFs): string[] {
  return paths.filter((path) => {
    try {
      fs.rmSync(path, { recursive: true, force: true });
      return false;
    } catch {
      return true;
    }
  });
}

function unchanged(outDir: string, error: unknown, left: string[]): WriteError {
  const note = left.length ? `; ${left.join(', ')} could not be removed, and the next run removes it` : '';
  return new WriteError(`could not write ${outDir}/ (${reason(error)}); the generated files in it are as they were${note}`, { cause: error });
}

interface Swap {
  top: string;
  /** content/top was moved into the retired folder. */
  retired: boolean;
  /** The new top was moved into content/. */
  placed: boolean;
}

/** Undoes the swaps, last first: the new entry back to staging, the old one back into content/. */
function undo(outDir: string, staging: string, retired: string, swaps: Swap[], fs: WriteFs): void {
  for (const swap of [...swaps].reverse()) {
    if (swap.placed) fs.renameSync(join(outDir, swap.top), join(staging, swap.top));
    if (swap.retired) fs.renameSync(join(retired, swap.top), join(outDir, swap.top));
  }
}

export interface WriteReport {
  /** Leftovers of an earlier run, removed before writing. */
  removed: string[];
  /** Folders of this run that could not be removed after a successful write. */
  left: string[];
}

/**
 * Replaces the generated entries of outDir with files. Leftovers of a run
 * that was killed mid-write hold generated output only, which this run
 * writes afresh: they are removed first, and named in the report.
 */
export function writeContent(outDir: string, files: ContentFiles, fs: WriteFs = nodeFs): WriteReport {
  let removed: string[] = [];
  const made: string[] = [];
  try {
    removed = leftovers(outDir, fs);
    for (const name of removed) fs.rmSync(join(outDir, name), { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });
    made.push(fs.mkdtempSync(join(outDir, STAGING)));
    for (const [path, text] of files) {
      fs.mkdirSync(dirname(join(made[0]!, path)), { recursive: true });
      fs.writeFileSync(join(made[0]!, path), text);
    }
    made.push(fs.mkdtempSync(join(outDir, RETIRED)));
  } catch (error) {
    throw unchanged(outDir, error, tidy(made, fs));
  }

  const [staging, retired] = made as [string, string];
  const swaps: Swap[] = [];
  try {
    for (const top of topEntries(files)) {
      const swap: Swap = { top, retired: false, placed: false };
      swaps.push(swap);
      if (fs.existsSync(join(outDir, top))) {
        fs.renameSync(join(outDir, top), join(retired, top));
        swap.retired = true;
      }
      fs.renameSync(join(staging, top), join(outDir, top));
      swap.placed = true;
    }
  } catch (error) {
    try {
      undo(outDir, staging, retired, swaps, fs);
    } catch (undoError) {
      throw new WriteError(
        `could not write ${outDir}/ (${reason(error)}), nor put the old files back (${reason(undoError)}); the old ones not yet back are in ${retired}/: move them into ${outDir}/ by hand, in place of the new ones`,
        { cause: error },
      );
    }
    throw unchanged(outDir, error, tidy(made, fs));
  }
  return { removed, left: tidy([retired, staging], fs) };
}

/** Files under outDir/top (a folder or a single file), as paths relative to outDir. */
function listFiles(outDir: string, top: string): string[] {
  const path = join(outDir, top);
  if (!nodeFs.existsSync(path)) return [];
  if (!nodeFs.statSync(path).isDirectory()) return [top];
  return nodeFs.readdirSync(path).flatMap((name) => listFiles(outDir, `${top}/${name}`));
}

/** What differs between the files on disk and the ones a run would write; empty when up to date. */
export function diffContent(outDir: string, files: ContentFiles): string[] {
  const problems: string[] = [];
  const onDisk = new Set(topEntries(files).flatMap((top) => listFiles(outDir, top)));
  for (const [path, text] of files) {
    if (!onDisk.has(path)) {
      problems.push(`${path}: missing`);
      continue;
    }
    const current = nodeFs.readFileSync(join(outDir, path), 'utf8');
    if (current !== text) {
      const a = current.split('\n');
      const b = text.split('\n');
      let line = 0;
      while (a[line] === b[line]) line += 1;
      problems.push(`${path}:${line + 1}: differs from what ingest generates`);
    }
  }
  for (const path of onDisk) if (!files.has(path)) problems.push(`${path}: not generated by ingest (stale)`);
  for (const name of leftovers(outDir)) problems.push(`${name}/: left by an ingest that was stopped mid-write (npm run ingest removes it)`);
  return problems.sort();
}
