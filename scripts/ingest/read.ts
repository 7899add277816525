/** Reads the manifest and the source texts it names. The only stage besides write that touches the disk. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IngestError } from './errors.ts';
import type { ForumManifest } from './split-forum.ts';
import type { PaperManifest } from './split-paper.ts';

export type ManifestEntry = ({ kind: 'forum' } & ForumManifest) | ({ kind: 'paper' } & PaperManifest);

export interface Source {
  file: string;
  /** The file's bytes: normalize decides how to read them. */
  raw: Uint8Array;
  manifest: ManifestEntry;
}

export const MANIFEST = 'manifest.json';

export function readText(path: string, what: string): string {
  if (!existsSync(path)) throw new IngestError(path, 1, `missing; expected ${what}`);
  return readFileSync(path, 'utf8');
}

export function readSources(dir: string): Source[] {
  const manifestPath = join(dir, MANIFEST);
  if (!existsSync(manifestPath)) throw new IngestError(manifestPath, 1, 'missing; expected a manifest of the source texts');
  let manifest: Record<string, ManifestEntry>;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new IngestError(manifestPath, 1, `not valid JSON (${(error as Error).message})`);
  }
  const texts = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  for (const file of texts) {
    if (!(file in manifest)) throw new IngestError(join(dir, file), 1, `not in ${MANIFEST}; expected every source to be described there`);
  }
  return Object.entries(manifest).map(([file, entry]) => {
    const path = join(dir, file);
    if (!existsSync(path)) throw new IngestError(manifestPath, 1, `names ${file}, which does not exist`);
    if (entry.kind !== 'forum' && entry.kind !== 'paper') {
      throw new IngestError(manifestPath, 1, `${file}: kind must be "forum" or "paper"`);
    }
    return { file, raw: readFileSync(path), manifest: entry };
  });
}
