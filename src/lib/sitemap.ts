/**
 * The addresses /sitemap.xml lists, found from the page files themselves: each
 * .astro page gives its route, and a page with parameters gives one address
 * per path its getStaticPaths returns. Pure, so that it can be tested without
 * a build; src/pages/sitemap.xml.ts hands it the pages.
 */

/** What the sitemap needs of a page module. */
export interface PageModule {
  getStaticPaths?: () => Promise<{ params: Record<string, string | number | undefined> }[]>;
}

/** Page files as `import.meta.glob('./**\/*.astro')` in src/pages gives them: path → loader. */
export type PageFiles = Record<string, () => Promise<PageModule>>;

/** `./forum/[slug].astro` → `/forum/[slug]/`; `./index.astro` → `/`. */
export function routeOf(file: string): string {
  const route = file.replace(/^\./, '').replace(/\.astro$/, '').replace(/(^|\/)index$/, '');
  return route.endsWith('/') ? route : `${route}/`;
}

/** The addresses a page file stands for, its parameters filled in from getStaticPaths. */
export async function addressesOf(file: string, load: () => Promise<PageModule>): Promise<string[]> {
  const route = routeOf(file);
  if (!route.includes('[')) return [route];
  const { getStaticPaths } = await load();
  if (!getStaticPaths) throw new Error(`${file}: a page with parameters and no getStaticPaths`);
  return (await getStaticPaths()).map(({ params }) =>
    route.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => String(params[name] ?? '')).replace(/\/{2,}/g, '/'),
  );
}

/** Pages that are not addresses to list. */
const UNLISTED = new Set(['./404.astro']);

/** Every address of the pages but the 404 page, sorted. */
export async function sitemapPaths(pages: PageFiles): Promise<string[]> {
  const lists = await Promise.all(
    Object.entries(pages)
      .filter(([file]) => !UNLISTED.has(file))
      .map(([file, load]) => addressesOf(file, load)),
  );
  return lists.flat().sort();
}

/** The sitemap document for absolute page addresses. */
export function sitemapXml(locations: string[]): string {
  const urls = locations.map((loc) => `  <url><loc>${loc}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
