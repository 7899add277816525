/**
 * The README stays true to package.json and stays a front door: its quick
 * start shows the two commands CI runs, its table lists every npm script,
 * it is short, and every file it and docs/ link to exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../../scripts/lib/paths.ts';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const scripts = Object.keys((JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

test('the README’s quick start shows the command to run the site and the command to test it', () => {
  expect(readme).toContain('source scripts/env.sh && npm install && npm start');
  const ci = readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
  const testCommand = /^TEST_COMMAND='([^']+)'$/m.exec(ci)?.[1];
  expect(testCommand, '.ci/run names the test command it runs').toBe('source scripts/env.sh && npm install && npm test');
  expect(readme, 'the README shows the test command that .ci/run runs').toContain(`\n${testCommand}\n`);
});

test('the README’s table of commands lists every npm script', () => {
  const rows = readme.split('\n').filter((l) => l.startsWith('| `npm '));
  const listed = new Set(rows.map((r) => /^\| `npm (?:run )?([\w:-]+)/.exec(r)?.[1]));
  expect(scripts.filter((s) => !listed.has(s))).toEqual([]);
});

test('the README is a front door: under 150 lines, with the rest in docs/', () => {
  expect(readme.split('\n').length).toBeLessThan(150);
  for (const doc of ['architecture', 'features', 'quality', 'benchmarks', 'deploy']) expect(readme).toContain(`](docs/${doc}.md)`);
});

test('every file the README and docs/ link to exists', () => {
  const pages = [['README.md', readme], ...['architecture', 'features', 'quality', 'benchmarks', 'deploy'].map((d) => [`docs/${d}.md`, readFileSync(path.join(ROOT, 'docs', `${d}.md`), 'utf8')])];
  for (const [file, text] of pages) {
    for (const [, target] of text!.matchAll(/\]\(([^)#:\s]+)(?:#[^)]*)?\)/g)) {
      expect(existsSync(path.join(ROOT, path.dirname(file!), target!)), `${file} links ${target}`).toBe(true);
    }
  }
});
