/**
 * Internal links of a built site: every local address a page points to must be
 * a built file, and every #fragment must exist on the page it points to.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type BuiltPage } from './pages.ts';
import { urlOf } from '../../scripts/lib/dist.ts';

const ORIGIN = 'http://site.invalid';

export interface Link {
  /** The page the link is on (address without the base). */
  from: string;
  /** `<a href>`, `<script src>` … */
  where: string;
  value: string;
}

/** Every link-bearing attribute of a page. */
export function linksOf(page: BuiltPage): Link[] {
  const { $ } = page;
  const out: Link[] = [];
  const take = (selector: string, attr: string) =>
    $(selector).each((_, el) => {
      const value = $(el).attr(attr);
      if (value !== undefined) out.push({ from: page.url, where: `<${$(el).prop('tagName')?.toLowerCase()} ${attr}>`, value });
    });
  take('a[href], area[href]', 'href');
  take('link[href]', 'href');
  take('script[src], img[src], source[src], iframe[src], audio[src], video[src]', 'src');
  take('form[action]', 'action');
  return out;
}

/**
 * A checker for the site built in `dist` and served under `base` (`/` or
 * `/reader/`). `problem(link)` says what is wrong with a link, or null.
 */
export function linkChecker(pages: Map<string, BuiltPage>, dist: string, base = '/') {
  const ids = new Map<string, Set<string>>();
  const idsOf = (url: string) => {
    let found = ids.get(url);
    if (!found) {
      const { $ } = pages.get(url)!;
      found = new Set([...$('[id]').map((_, el) => $(el).attr('id')).get(), ...$('a[name]').map((_, el) => $(el).attr('name')).get()]);
      ids.set(url, found);
    }
    return found;
  };

  /** The built file a pathname is served from, as static hosts resolve it. */
  const fileFor = (pathname: string): string | null => {
    const target = path.join(dist, decodeURIComponent(pathname));
    if (target !== dist && !target.startsWith(dist + path.sep)) return null;
    if (existsSync(target) && statSync(target).isFile()) return target;
    const index = path.join(target, 'index.html');
    return existsSync(index) ? index : null;
  };

  return function problem(link: Link): string | null {
    const { value } = link;
    if (/^(mailto|tel|javascript|data|blob):/i.test(value)) return null;
    let target: URL;
    try {
      target = new URL(value, new URL(base.replace(/\/$/, '') + link.from, ORIGIN));
    } catch {
      return 'not a URL';
    }
    if (target.origin !== ORIGIN) return null; // another site
    if (!target.pathname.startsWith(base)) return `${target.pathname} is outside the base ${base}`;
    const file = fileFor(target.pathname.slice(base.length - 1));
    if (!file) return `no built file for ${target.pathname}`;
    const fragment = target.hash.slice(1);
    if (!fragment || !file.endsWith('.html')) return null;
    const onPage = urlOf(path.relative(dist, file).split(path.sep).join('/'));
    if (!pages.has(onPage)) return `no built page ${onPage}`;
    const id = decodeURIComponent(fragment);
    return idsOf(onPage).has(id) ? null : `no id="${id}" on ${onPage}`;
  };
}

/** The broken links of one page, as readable lines. */
export function brokenLinks(page: BuiltPage, problem: (link: Link) => string | null): string[] {
  return linksOf(page).flatMap((l) => {
    const why = problem(l);
    return why ? [`${l.where}="${l.value}": ${why}`] : [];
  });
}
