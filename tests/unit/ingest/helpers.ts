import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { IngestError } from '../../../scripts/ingest/errors.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/ingest');
export const SOURCES = join(import.meta.dirname, '../../../content/sources');

export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
export const corpus = (name: string) => readFileSync(join(SOURCES, name), 'utf8');

/** Runs fn and returns the IngestError it throws, failing the test if it throws nothing or something else. */
export function ingestError(fn: () => unknown): IngestError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error('expected an IngestError, but nothing was thrown');
}
