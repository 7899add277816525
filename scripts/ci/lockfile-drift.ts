/**
 * node scripts/ci/lockfile-drift.ts <lockfile before npm install> <lockfile after>
 *
 * Tells a real change of the locked dependencies from the noise of the
 * registry. Machines see different sets of other platforms' optional
 * binaries (`@astrojs/compiler-binding-darwin-arm64`, `@pagefind/freebsd-x64`
 * …), so `npm install` may add or drop such entries on one machine and not on
 * another; those are accepted. A locked package whose version changes, or a
 * package added or removed that is not an optional platform binary, is drift:
 * the command lists each and exits 1.
 */
import { readFileSync } from 'node:fs';

/** An entry of `packages` in package-lock.json (lockfileVersion 2 or 3). */
export interface LockEntry {
  version?: string;
  integrity?: string;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface Lockfile {
  lockfileVersion?: number;
  packages?: Record<string, LockEntry>;
}

export interface Drift {
  /** Readable lines, one per real change; empty when the lockfile still holds. */
  problems: string[];
  /** Paths of optional platform entries that appeared or disappeared. */
  platformNoise: string[];
}

/** `node_modules/@scope/name` or `node_modules/a/node_modules/b` → the package name of the last segment. */
function packageName(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** The path of the package that bundles or nests this one, if any. */
function parentPath(path: string): string | undefined {
  const at = path.lastIndexOf('/node_modules/');
  return at < 0 ? undefined : path.slice(0, at);
}

/** Names that some entry present in both lockfiles declares as optional dependencies: its platform binaries. */
function declaredOptional(before: Record<string, LockEntry>, after: Record<string, LockEntry>): Set<string> {
  const names = new Set<string>();
  for (const [path, entry] of Object.entries(before)) {
    if (!(path in after)) continue;
    for (const name of Object.keys(entry.optionalDependencies ?? {})) names.add(name);
  }
  return names;
}

/**
 * An optional entry that exists for a platform: it names the os, cpu or libc
 * it runs on, or an unchanged package declares it among its optional
 * dependencies (napi-rs packages such as @tailwindcss/oxide-wasm32-wasi name
 * no cpu), or it is bundled inside such an entry.
 */
function isPlatformBinary(path: string, lock: Record<string, LockEntry>, declared: Set<string>): boolean {
  const entry = lock[path];
  if (!entry?.optional) return false;
  if (entry.os || entry.cpu || entry.libc || declared.has(packageName(path))) return true;
  const parent = parentPath(path);
  return parent !== undefined && parent in lock && isPlatformBinary(parent, lock, declared);
}

const dependencyFields = ['dependencies', 'devDependencies', 'optionalDependencies'] as const;

export function lockfileDrift(before: Lockfile, after: Lockfile): Drift {
  const problems: string[] = [];
  const platformNoise: string[] = [];
  if (before.lockfileVersion !== after.lockfileVersion) {
    problems.push(`lockfileVersion: ${before.lockfileVersion} → ${after.lockfileVersion}`);
  }
  const old = before.packages ?? {};
  const now = after.packages ?? {};
  const declared = declaredOptional(old, now);

  for (const field of dependencyFields) {
    if (JSON.stringify(old['']?.[field] ?? {}) !== JSON.stringify(now['']?.[field] ?? {})) {
      problems.push(`the project's ${field}: package.json and the lockfile disagree`);
    }
  }
  const paths = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter((p) => p !== '').sort();
  for (const path of paths) {
    const was = old[path];
    const is = now[path];
    if (was && is) {
      if (was.version !== is.version) problems.push(`${path}: version ${was.version} → ${is.version}`);
      else if (was.integrity && is.integrity && was.integrity !== is.integrity) problems.push(`${path}: ${is.version} has another integrity hash`);
    } else {
      const [lock, change] = is ? [now, 'added'] : [old, 'removed'];
      if (isPlatformBinary(path, lock, declared)) platformNoise.push(path);
      else problems.push(`${path}: ${change} ${lock[path]!.version ?? '(no version)'}, not an optional platform binary`);
    }
  }
  return { problems, platformNoise };
}

function main(args: string[]): number {
  if (args.length !== 2) {
    console.error('usage: node scripts/ci/lockfile-drift.ts <lockfile before> <lockfile after>');
    return 2;
  }
  const [before, after] = args.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Lockfile) as [Lockfile, Lockfile];
  const { problems, platformNoise } = lockfileDrift(before, after);
  if (platformNoise.length) {
    console.log(`lockfile: ${platformNoise.length} optional platform entries differ on this machine's registry (accepted)`);
  }
  if (problems.length) {
    console.error(`lockfile: npm install changed ${problems.length} locked ${problems.length === 1 ? 'entry' : 'entries'} of package-lock.json:`);
    for (const line of problems) console.error(`  ${line}`);
    console.error('Run npm install and commit the package-lock.json that matches package.json.');
    return 1;
  }
  console.log('lockfile: every locked package is unchanged');
  return 0;
}

if (import.meta.main) process.exitCode = main(process.argv.slice(2));
