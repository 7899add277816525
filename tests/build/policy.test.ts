/**
 * The Content-Security-Policy in the built site: every page declares it, no
 * page holds code that it would block, and the `_headers` file and the
 * server snippets of docs/deploy.md send it, with the security headers.
 *
 * The policy is written out below as it must be, directive by directive, and
 * every place that states it is read and compared with that: not with
 * src/lib/csp.ts, which makes it, so that a change there (a directive
 * dropped, a source added) fails here until this table is changed too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { headersFor, parseHeadersFile } from '../../scripts/lib/headers.ts';
import { eventHandlers, loadPages } from '../helpers/pages.ts';
import { listFiles } from '../../scripts/lib/dist.ts';
import { DIST, ROOT } from '../../scripts/lib/paths.ts';

/** The policy every page must declare. */
const PAGE_POLICY: Readonly<Record<string, readonly string[]>> = {
  // Nothing that is not named below: no fonts, frames, media or plugins.
  'default-src': ["'none'"],
  // The site's own files; WebAssembly compiled, for Pagefind; no eval, no inline code, no other host.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // The site's own stylesheets; no <style>, no style="".
  'style-src': ["'self'"],
  // The favicon, and the small images CSS may hold as data: URLs.
  'img-src': ["'self'", 'data:'],
  // Pagefind's index and the reading list's /list/<doc>.json, from the site.
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  // No <base> may move the site's relative links elsewhere.
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  // Trusted Types: no string reaches innerHTML, a script's src or eval; the one policy a script may make is the search page's, for its worker's address.
  'require-trusted-types-for': ["'script'"],
  'trusted-types': ['search-worker'],
};

/** The policy a header must send: the pages' and what only a header can carry. */
const HEADER_POLICY = { ...PAGE_POLICY, 'frame-ancestors': ["'none'"] };

/** A policy's directives, name → sources; a directive stated twice, which browsers would ignore, is an error. */
function directives(policy: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';').map((d) => d.trim()).filter(Boolean)) {
    const [first, ...sources] = part.split(/\s+/);
    const name = first!.toLowerCase();
    if (name in out) throw new Error(`${name} stated twice in: ${policy}`);
    out[name] = sources;
  }
  return out;
}

const pages = [...loadPages().values()];
const urls = pages.map((p) => p.url);
const byUrl = new Map(pages.map((p) => [p.url, p]));

describe('every page', () => {
  test.each(urls)('%s declares the site’s policy before it loads anything', (url) => {
    const { $ } = byUrl.get(url)!;
    const head = $('head').children().toArray();
    const policy = head.findIndex((el) => $(el).attr('http-equiv')?.toLowerCase() === 'content-security-policy');
    expect(policy, 'a <meta http-equiv="content-security-policy"> in <head>').toBeGreaterThanOrEqual(0);
    expect(directives($(head[policy]).attr('content')!)).toEqual(PAGE_POLICY);
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

test('the stylesheets load no web font', () => {
  const css = listFiles(DIST).filter((f) => f.endsWith('.css'));
  expect(css.length).toBeGreaterThan(0);
  const fonts = css.filter((f) => /@font-face|\.(woff2?|ttf|otf)\b/i.test(readFileSync(path.join(DIST, f), 'utf8')));
  expect(fonts).toEqual([]);
});

describe.each([
  ['public/_headers', path.join(ROOT, 'public', '_headers')],
  ['dist/_headers', path.join(DIST, '_headers')],
])('%s', (_, file) => {
  const rules = parseHeadersFile(readFileSync(file, 'utf8'));

  test.each(['/', '/forum/wang-kai/', '/list/', '/404.html', '/_astro/page.css', '/pagefind/pagefind-worker.js'])(
    'sends %s with the site’s policy, frame-ancestors included, and the security headers',
    (pathname) => {
      const headers = headersFor(rules, pathname);
      expect(directives(headers['Content-Security-Policy'] ?? '')).toEqual(HEADER_POLICY);
      expect(headers).toMatchObject({
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
      });
      expect(headers['Permissions-Policy']).toMatch(/camera=\(\)/);
    },
  );

  test('lets browsers keep Astro’s hashed files for a year', () => {
    expect(headersFor(rules, '/_astro/Base.abc123.css')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersFor(rules, '/forum/')['Cache-Control']).toBeUndefined();
  });
});

describe('the docs', () => {
  /** Every policy a pattern finds in a file of docs/: there must be exactly one. */
  const stated = (file: string, pattern: RegExp) => [...readFileSync(path.join(ROOT, 'docs', file), 'utf8').matchAll(pattern)].map((m) => m[1]!);

  test.each([
    ['deploy.md', 'nginx snippet', /^add_header Content-Security-Policy "([^"]*)" always;$/gm],
    ['deploy.md', 'Apache snippet', /^Header always set Content-Security-Policy "([^"]*)"$/gm],
    ['quality.md', 'policy as stated', /\*\*Content-Security-Policy\*\* \(`src\/lib\/csp\.ts`\):\n\n```\n(.*)\n```/g],
  ])('%s: its %s is the site’s policy, frame-ancestors included', (file, _, pattern) => {
    const found = stated(file, pattern);
    expect(found).toHaveLength(1);
    expect(directives(found[0]!)).toEqual(HEADER_POLICY);
  });
});
