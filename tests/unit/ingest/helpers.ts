import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { IngestError } from '../../../scripts/ingest/errors.ts';

export const ROOT = join(import.meta.dirname, '../../..');
export const FIXTURES = join(import.meta.dirname, '../../fixtures/ingest');
export const SOURCES = join(ROOT, 'content/sources');

export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
export const corpus = (name: string) => readFileSync(join(SOURCES, name), 'utf8');

/** Runs fn and returns the error of the given class it throws, failing the test if it throws nothing or something else. */
export function thrown<E extends Error>(fn: () => unknown, type: new (...args: never[]) => E): E {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}

export const ingestError = (fn: () => unknown) => thrown(fn, IngestError);

/** Every folder and file under dir, hidden ones included: a folder as `dir`, a file as the SHA-256 of its bytes. */
export function treeHashes(dir: string): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    tree[path.slice(dir.length + 1)] = entry.isDirectory() ? 'dir' : createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return tree;
}
