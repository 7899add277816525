/**
 * CI runs `npm install` and then asks whether the lockfile drifted. The
 * registry of another machine lists another set of other platforms'
 * optional binaries, which npm adds to or drops from package-lock.json:
 * that is accepted. A locked version that changes, or a package that
 * appears or disappears and is not an optional platform binary, is drift.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { lockfileDrift, type Lockfile } from '../../../scripts/ci/lockfile-drift.ts';
import { ROOT } from '../../../scripts/lib/paths.ts';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'lockfile');
const read = (file: string): Lockfile => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8'));
const locked = read('locked.json');
const elsewhere = read('installed-elsewhere.json');

/** A copy of a lockfile with its packages changed by `edit`. */
function edited(lock: Lockfile, edit: (packages: NonNullable<Lockfile['packages']>) => void): Lockfile {
  const copy = structuredClone(lock);
  edit(copy.packages!);
  return copy;
}

describe('optional platform entries are accepted', () => {
  test('entries another registry adds (darwin, a wasm32 binary with no cpu field, what it bundles) or drops (freebsd) are not drift', () => {
    const { problems, platformNoise } = lockfileDrift(locked, elsewhere);
    expect(problems).toEqual([]);
    expect(platformNoise).toEqual([
      'node_modules/@astrojs/compiler-binding-darwin-arm64',
      'node_modules/@pagefind/freebsd-x64',
      'node_modules/@tailwindcss/oxide-wasm32-wasi',
      'node_modules/@tailwindcss/oxide-wasm32-wasi/node_modules/tslib',
    ]);
  });

  test('the same entries the other way round are not drift either', () => {
    expect(lockfileDrift(elsewhere, locked).problems).toEqual([]);
    expect(lockfileDrift(elsewhere, locked).platformNoise).toHaveLength(lockfileDrift(locked, elsewhere).platformNoise.length);
  });

  test("the project's own lockfile holds against itself", () => {
    const own = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;
    expect(lockfileDrift(own, own)).toEqual({ problems: [], platformNoise: [] });
  });
});

describe('real drift fails, each change on a line of its own', () => {
  test('a locked package whose version changes', () => {
    const bumped = edited(elsewhere, (p) => (p['node_modules/pagefind']!.version = '1.6.1'));
    expect(lockfileDrift(locked, bumped).problems).toEqual(['node_modules/pagefind: version 1.6.0 → 1.6.1']);
  });

  test('an optional platform binary whose version changes', () => {
    const bumped = edited(elsewhere, (p) => (p['node_modules/@pagefind/linux-x64']!.version = '1.7.0'));
    expect(lockfileDrift(locked, bumped).problems).toEqual(['node_modules/@pagefind/linux-x64: version 1.6.0 → 1.7.0']);
  });

  test('a package added that is not optional, or optional but not a platform binary', () => {
    const added = edited(elsewhere, (p) => {
      p['node_modules/left-pad'] = { version: '1.3.0', integrity: 'sha512-left-pad' };
      p['node_modules/is-even'] = { version: '1.0.0', integrity: 'sha512-is-even', optional: true };
    });
    expect(lockfileDrift(locked, added).problems).toEqual([
      'node_modules/is-even: added 1.0.0, not an optional platform binary',
      'node_modules/left-pad: added 1.3.0, not an optional platform binary',
    ]);
  });

  test('a locked package removed, or a dependency of the project changed', () => {
    const changed = edited(elsewhere, (p) => {
      delete p['node_modules/@astrojs/compiler-binding'];
      p['']!.devDependencies = { pagefind: '^1.7.0' };
    });
    expect(lockfileDrift(locked, changed).problems).toEqual([
      "the project's devDependencies: package.json and the lockfile disagree",
      'node_modules/@astrojs/compiler-binding: removed 0.5.1, not an optional platform binary',
    ]);
  });
});

describe('the command', () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'lockfile-drift-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const run = (before: string, after: string) =>
    spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'ci', 'lockfile-drift.ts'), before, after], { encoding: 'utf8' });

  test('exits 0 and says what it accepted when only platform entries differ', () => {
    const { status, stdout, stderr } = run(path.join(FIXTURES, 'locked.json'), path.join(FIXTURES, 'installed-elsewhere.json'));
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toContain('4 optional platform entries differ');
  });

  test('exits 1 with the list of changes on real drift', () => {
    const drifted = path.join(tmp, 'drifted.json');
    writeFileSync(drifted, JSON.stringify(edited(elsewhere, (p) => (p['node_modules/pagefind']!.version = '1.6.1'))));
    const { status, stderr } = run(path.join(FIXTURES, 'locked.json'), drifted);
    expect(status).toBe(1);
    expect(stderr).toContain('npm install changed 1 locked entry of package-lock.json:\n  node_modules/pagefind: version 1.6.0 → 1.6.1\n');
  });
});
