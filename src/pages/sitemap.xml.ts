/**
 * /sitemap.xml: every page of the site at its permanent address. The pages
 * are found from src/pages itself (src/lib/sitemap.ts), so a new page (or a
 * new essay) is listed without touching this file. Left out: the 404 page.
 */
import type { APIRoute } from 'astro';
import { sitemapPaths, sitemapXml, type PageModule } from '../lib/sitemap';
import { absolute } from '../lib/site';

export const GET: APIRoute = async () => {
  const paths = await sitemapPaths(import.meta.glob<PageModule>('./**/*.astro'));
  return new Response(sitemapXml(paths.map((p) => absolute(p))), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
