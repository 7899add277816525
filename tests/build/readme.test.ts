/**
 * The README stays true to package.json: its quick start shows the two
 * commands CI runs, and its table lists every npm script.
 */
import { readFileSync } from 'node:fs';
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
