/**
 * No broken internal link or anchor anywhere in dist/: every local address a
 * built page points to is a built file, and every #fragment exists on the
 * page it points to.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPages } from '../helpers/pages.ts';
import { DIST } from '../helpers/paths.ts';

const pages = loadPages();
const ORIGIN = 'http://site.invalid';

/** The built file a local pathname is served from, as the static server and hosts resolve it. */
function fileFor(pathname: string): string | null {
  const target = path.join(DIST, decodeURIComponent(pathname));
  if (!target.startsWith(DIST)) return null;
  if (existsSync(target) && statSync(target).isFile()) return target;
  const index = path.join(target, 'index.html');
  if (existsSync(index)) return index;
  return null;
}

/** The address key of a page in `pages` for a built file. */
function urlForFile(file: string): string {
  const rel = path.relative(DIST, file).split(path.sep).join('/');
  if (rel === 'index.html') return '/';
  return rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

const ids = new Map<string, Set<string>>();
function idsOf(url: string): Set<string> {
  let found = ids.get(url);
  if (!found) {
    const { $ } = pages.get(url)!;
    found = new Set([...$('[id]').map((_, el) => $(el).attr('id')).get(), ...$('a[name]').map((_, el) => $(el).attr('name')).get()]);
    ids.set(url, found);
  }
  return found;
}

interface Link {
  from: string;
  attr: string;
  value: string;
}

function linksOf(url: string): Link[] {
  const { $ } = pages.get(url)!;
  const out: Link[] = [];
  const take = (selector: string, attr: string) =>
    $(selector).each((_, el) => {
      const value = $(el).attr(attr);
      if (value !== undefined) out.push({ from: url, attr: `<${$(el).prop('tagName')?.toLowerCase()} ${attr}>`, value });
    });
  take('a[href], area[href]', 'href');
  take('link[href]', 'href');
  take('script[src], img[src], source[src], iframe[src], audio[src], video[src]', 'src');
  take('form[action]', 'action');
  return out;
}

/** What is wrong with one link, or null if it resolves. */
function problem(link: Link): string | null {
  const { value } = link;
  if (/^(mailto|tel|javascript|data|blob):/i.test(value)) return null;
  const base = new URL(link.from, ORIGIN);
  let target: URL;
  try {
    target = new URL(value, base);
  } catch {
    return 'not a URL';
  }
  if (target.origin !== ORIGIN) return null; // another site
  const file = fileFor(target.pathname);
  if (!file) return `no built file for ${target.pathname}`;
  const fragment = target.hash.slice(1);
  if (!fragment || !file.endsWith('.html')) return null;
  const id = decodeURIComponent(fragment);
  const onPage = urlForFile(file);
  if (!pages.has(onPage)) return `no built page ${onPage}`;
  return idsOf(onPage).has(id) ? null : `no id="${id}" on ${onPage}`;
}

describe('links', () => {
  test('the site has pages to check', () => {
    expect(pages.size).toBeGreaterThan(15);
  });

  test.each([...pages.keys()])('every link and anchor on %s leads somewhere', (url) => {
    const broken = linksOf(url).flatMap((l) => {
      const why = problem(l);
      return why ? [`${l.attr}="${l.value}": ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });
});
