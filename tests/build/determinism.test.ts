/**
 * Output is deterministic (DESIGN §2): a second build from the same sources,
 * into another folder, gives byte-identical files to dist/.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { assertBuilt, listFiles } from '../helpers/pages.ts';
import { DIST, ROOT } from '../helpers/paths.ts';

const ASTRO = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reader-build-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function hashes(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, createHash('sha256').update(readFileSync(path.join(dir, f))).digest('hex')]));
}

function build(outDir: string): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO, 'build', '--force', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, log }));
  });
}

test('building the site twice gives byte-identical files', { timeout: 15 * 60_000 }, async () => {
  assertBuilt();
  const out = path.join(tmp, 'dist');
  const { code, log } = await build(out);
  expect(code, `astro build --outDir ${out} failed:\n${log.slice(-4000)}`).toBe(0);

  const first = hashes(DIST);
  const second = hashes(out);
  const onlyFirst = [...first.keys()].filter((f) => !second.has(f));
  const onlySecond = [...second.keys()].filter((f) => !first.has(f));
  const differ = [...first].filter(([f, h]) => second.has(f) && second.get(f) !== h).map(([f]) => f);
  expect({ onlyInDist: onlyFirst, onlyInSecondBuild: onlySecond, differ }).toEqual({
    onlyInDist: [],
    onlyInSecondBuild: [],
    differ: [],
  });
});
