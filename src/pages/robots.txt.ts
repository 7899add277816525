/**
 * /robots.txt: every page may be crawled; the sitemap is named by its full
 * address. (Crawlers read robots.txt only at the root of a host: under a
 * sub-path, copy this file to the host's root or add its Sitemap line there.)
 */
import type { APIRoute } from 'astro';
import { absolute } from '../lib/site';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absolute('/sitemap.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
