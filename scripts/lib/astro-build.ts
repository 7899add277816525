/** Runs `astro build` with extra flags in a child process: for tests that need a second build, and for `npm run bench:scale`. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './paths.ts';

const ASTRO = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');

/**
 * The environment of the test run without what Vitest adds to it: Vite reads
 * BASE_URL, MODE, DEV, PROD, SSR and NODE_ENV from the environment, so a
 * build started from a test would otherwise ignore `--base` and build in
 * test mode.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'VITEST']) delete env[key];
  for (const key of Object.keys(env)) if (key.startsWith('VITEST_')) delete env[key];
  return env;
}

/**
 * `astro build <flags>` in the project (or in `cwd`, a copy of it); `env` adds
 * variables such as CONTENT_DIR, SITE_URL and BASE_PATH (astro.config.mjs reads them).
 */
export function astroBuild(flags: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<{ code: number | null; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ASTRO, 'build', ...flags], {
      cwd,
      env: { ...buildEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, log }));
  });
}
