/**
 * The stylesheet depends on src/ alone. Tailwind's automatic source detection
 * honours .gitignore only inside a git repository, so a tree without .git (a
 * downloaded tarball, `git archive`) would also scan dist/ and every other
 * folder, and compile whatever class names it found there. The sources are
 * declared in src/styles/global.css instead; this builds a copy of the project
 * without .git, beside a dist/ and a notes file full of stray class names, and
 * expects the same stylesheet as the build in dist/.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { astroBuild } from '../../scripts/lib/astro-build.ts';
import { assertBuilt } from '../../scripts/lib/dist.ts';
import { DIST, ROOT } from '../../scripts/lib/paths.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'reader-no-git-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Class names that no file of src/ uses, each of which Tailwind would compile if it saw it. */
const STRAY = 'bg-lime-300 grid-cols-11 skew-y-12 decoration-wavy columns-7 backdrop-blur-xl';

function stylesheets(dist: string): Map<string, string> {
  const dir = path.join(dist, '_astro');
  return new Map(readdirSync(dir).filter((f) => f.endsWith('.css')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

test('a copy of the project without .git, beside folders full of stray class names, builds the same stylesheet', { timeout: 10 * 60_000 }, async () => {
  assertBuilt();
  const copy = path.join(tmp, 'project');
  // The tree as a tarball has it: no .git, and nothing that git ignores.
  const left = new Set(['.git', 'node_modules', 'dist', '.astro', '.tools', path.join('tests', '.output')].map((p) => path.join(ROOT, p)));
  cpSync(ROOT, copy, { recursive: true, filter: (from) => !left.has(from) });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  mkdirSync(path.join(copy, 'dist'));
  writeFileSync(path.join(copy, 'dist', 'stray.html'), `<div class="${STRAY}"></div>\n`);
  writeFileSync(path.join(copy, 'notes.md'), `Classes: ${STRAY}\n`);

  const out = path.join(copy, 'built');
  const { code, log } = await astroBuild(['--outDir', out], {}, copy);
  expect(code, `astro build in ${copy} failed:\n${log.slice(-4000)}`).toBe(0);

  const built = stylesheets(out);
  const compiled = STRAY.split(' ').filter((name) => [...built.values()].some((css) => css.includes(`.${name}{`)));
  expect(compiled, 'stray class names compiled into the stylesheet').toEqual([]);
  expect([...built.keys()]).toEqual([...stylesheets(DIST).keys()]);
  expect([...built.values()]).toEqual([...stylesheets(DIST).values()]);
});
