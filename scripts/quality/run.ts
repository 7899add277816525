/** Runs a command of the project, for the audit and the benchmark. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../lib/paths.ts';

/** Runs a command in the project and returns how long it took, in ms; throws with its output if it fails. */
function timed(command: string, args: string[]): number {
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed (${result.status}):\n${(result.stdout + result.stderr).slice(-4000)}`);
  }
  return ms;
}

/** `npm run <script>`; returns the time it took, in ms. */
export const npmRun = (script: string) => timed('npm', ['run', '--silent', script]);

/** A program of node_modules/.bin (`astro`, `pagefind`); returns the time it took, in ms. */
export const runBin = (name: string, args: string[]) => timed(path.join(ROOT, 'node_modules', '.bin', name), args);

/** `12.3 s`, `850 ms`. */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** `14.2 KiB` (1 KiB = 1024 bytes, the one unit of every benchmark and of docs/benchmarks.md). */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} B`;
}

/** A Markdown table, so the output can be pasted into docs/benchmarks.md. */
export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
