/**
 * The Content-Security-Policy (src/lib/csp.ts) in the built site: every page
 * declares it, no page holds code that it would block, and the `_headers`
 * file sends it, with the security headers, to hosts that read that file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CSP_HEADER, CSP_META } from '../../src/lib/csp.ts';
import { headersFor, parseHeadersFile } from '../../scripts/lib/headers.ts';
import { eventHandlers, loadPages } from '../helpers/pages.ts';
import { listFiles } from '../../scripts/lib/dist.ts';
import { DIST, ROOT } from '../../scripts/lib/paths.ts';

const pages = [...loadPages().values()];
const urls = pages.map((p) => p.url);
const byUrl = new Map(pages.map((p) => [p.url, p]));

/** Directives that browsers ignore, with a console warning, when a `<meta>` states them. */
const NOT_IN_META = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

describe('every page', () => {
  test.each(urls)('%s declares the site’s policy before it loads anything', (url) => {
    const { $ } = byUrl.get(url)!;
    const head = $('head').children().toArray();
    const policy = head.findIndex((el) => $(el).attr('http-equiv')?.toLowerCase() === 'content-security-policy');
    expect(policy, 'a <meta http-equiv="content-security-policy"> in <head>').toBeGreaterThanOrEqual(0);
    expect($(head[policy]).attr('content')).toBe(CSP_META);
    const loadsBefore = head.slice(0, policy).filter((el) => $(el).is('link, script, style, base'));
    expect(loadsBefore.map((el) => $.html(el)), 'nothing loaded before the policy').toEqual([]);
  });

  test.each(urls)('%s has no inline script, inline style or event-handler attribute', (url) => {
    const { $ } = byUrl.get(url)!;
    const inline = [
      ...$('script:not([src])').toArray().map((el) => `inline <script>: ${$(el).text().slice(0, 80)}`),
      ...$('style').toArray().map((el) => `<style>: ${$(el).text().slice(0, 80)}`),
      ...$('[style]').toArray().map((el) => `style="${$(el).attr('style')}" on <${el.tagName}>`),
      ...eventHandlers($),
      ...$('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]')
        .toArray()
        .map((el) => `javascript: URL on <${el.tagName}>`),
    ];
    expect(inline).toEqual([]);
  });

  test.each(urls)('%s loads its scripts and stylesheets from the site itself', (url) => {
    const { $ } = byUrl.get(url)!;
    const remote = [...$('script[src]').map((_, el) => $(el).attr('src')), ...$('link[href]:not([rel="canonical"])').map((_, el) => $(el).attr('href'))]
      .filter((href) => /^([a-z]+:)?\/\//i.test(href));
    expect(remote).toEqual([]);
  });
});

describe('the policy', () => {
  test('the pages’ policy holds no directive that a <meta> cannot carry', () => {
    const names = CSP_META.split(';').map((d) => d.trim().split(/\s+/)[0]);
    expect(names.filter((n) => NOT_IN_META.includes(n!))).toEqual([]);
  });

  test('allows no inline code and no eval: no unsafe-inline, unsafe-eval or unsafe-hashes', () => {
    expect(CSP_HEADER).not.toMatch(/'unsafe-(inline|eval|hashes)'/);
    expect(CSP_HEADER).toMatch(/(^|; )object-src 'none'/);
    expect(CSP_HEADER).toMatch(/(^|; )base-uri 'self'/);
    expect(CSP_HEADER).toMatch(/(^|; )frame-ancestors 'none'/);
  });

  test('the stylesheets load no web font', () => {
    const css = listFiles(DIST).filter((f) => f.endsWith('.css'));
    expect(css.length).toBeGreaterThan(0);
    const fonts = css.filter((f) => /@font-face|\.(woff2?|ttf|otf)\b/i.test(readFileSync(path.join(DIST, f), 'utf8')));
    expect(fonts).toEqual([]);
  });
});

describe('the _headers file', () => {
  const rules = parseHeadersFile(readFileSync(path.join(DIST, '_headers'), 'utf8'));

  test.each(['/', '/forum/wang-kai/', '/404.html', '/_astro/page.css', '/pagefind/pagefind-worker.js'])(
    'sends %s with the site’s policy, frame-ancestors included, and the security headers',
    (pathname) => {
      const headers = headersFor(rules, pathname);
      expect(headers['Content-Security-Policy']).toBe(CSP_HEADER);
      expect(headers).toMatchObject({
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
      });
      expect(headers['Permissions-Policy']).toMatch(/camera=\(\)/);
    },
  );

  test('the README’s nginx and Apache snippets send the same policy', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(`add_header Content-Security-Policy "${CSP_HEADER}" always;`);
    expect(readme).toContain(`Header always set Content-Security-Policy "${CSP_HEADER}"`);
  });

  test('lets browsers keep Astro’s hashed files for a year', () => {
    expect(headersFor(rules, '/_astro/Base.abc123.css')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/forum/')['Cache-Control']).toBeUndefined();
  });
});
