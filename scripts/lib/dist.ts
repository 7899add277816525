/** The built site on disk: its files, their addresses, and whether it was built at all. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { DIST } from './paths.ts';

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The address of a built file: `forum/index.html` → `/forum/`. */
export function urlOf(rel: string): string {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel}`;
}

export function assertBuilt(dist: string = DIST): void {
  if (!existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: build the site first (npm run build; npm test does it before vitest).`);
  }
}


/** Bytes (as files hold them, not disk blocks) and number of the files under a folder. */
export function onDisk(dir: string): { bytes: number; files: number } {
  const files = listFiles(dir);
  return { bytes: files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0), files: files.length };
}
