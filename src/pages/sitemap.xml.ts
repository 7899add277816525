/**
 * /sitemap.xml: every page of the site at its permanent address. The pages
 * are found from src/pages itself, so a new page (or a new essay) is listed
 * without touching this file: each .astro page gives its address, and a page
 * with parameters gives one address per path its getStaticPaths returns.
 * Left out: the 404 page.
 */
import type { APIRoute } from 'astro';
import { absolute } from '../lib/site';

interface PageModule {
  getStaticPaths?: () => Promise<{ params: Record<string, string | number | undefined> }[]>;
}

const modules = import.meta.glob<PageModule>('./**/*.astro');

/** Pages that are not addresses to list. */
const UNLISTED = new Set(['./404.astro']);

/** `./forum/[slug].astro` → `/forum/[slug]/`; `./index.astro` → `/`. */
function routeOf(file: string): string {
  const route = file.replace(/^\./, '').replace(/\.astro$/, '').replace(/(^|\/)index$/, '');
  return route.endsWith('/') ? route : `${route}/`;
}

/** The addresses a route stands for, its parameters filled in from getStaticPaths. */
async function addressesOf(file: string, load: () => Promise<PageModule>): Promise<string[]> {
  const route = routeOf(file);
  if (!route.includes('[')) return [route];
  const { getStaticPaths } = await load();
  if (!getStaticPaths) throw new Error(`${file}: a page with parameters and no getStaticPaths`);
  return (await getStaticPaths()).map(({ params }) =>
    route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => String(params[name] ?? '')).replace(/\/{2,}/g, '/'),
  );
}

export const GET: APIRoute = async () => {
  const lists = await Promise.all(
    Object.entries(modules)
      .filter(([file]) => !UNLISTED.has(file))
      .map(([file, load]) => addressesOf(file, load)),
  );
  const urls = lists.flat().sort().map((path) => `  <url><loc>${absolute(path)}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
