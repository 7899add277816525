/**
 * The Content-Security-Policy in Chromium. Every browser test runs with it
 * enforced (the pages' <meta>, and the header the test server sends from
 * _headers) and fails if anything breaks it (tests/helpers/browser.ts): so
 * every page's scripts, Pagefind's search with its WebAssembly and the
 * opencc-js conversion run under Trusted Types there. Here: that a breach is
 * really reported, that Trusted Types are enforced from the pages' own
 * <meta>, and that what search needs (compiling WebAssembly) is allowed.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CSP_HEADER, CSP_META } from '../../src/lib/csp.ts';
import { recordPolicyViolations, sharedBrowser } from '../helpers/browser.ts';
import { assertBuilt } from '../../scripts/lib/dist.ts';
import { DIST } from '../../scripts/lib/paths.ts';
import { startServer, type StaticServer } from '../../scripts/lib/server.ts';

/** The smallest WebAssembly module: the magic number and version. */
const EMPTY_WASM = [0, 97, 115, 109, 1, 0, 0, 0];

/** A page under the site's policy, with whatever body a test gives it. */
const pageWith = (body: string) =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${CSP_META}"><title>test</title></head><body>${body}</body></html>`;

const browser = sharedBrowser();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'reader-policy-'));
let server: StaticServer;

beforeAll(async () => {
  assertBuilt();
  copyFileSync(path.join(DIST, '_headers'), path.join(tmp, '_headers'));
  writeFileSync(
    path.join(tmp, 'breach.html'),
    pageWith(`<p style="color: red">x</p><img src="http://example.invalid/x.png" alt=""><script>document.title = 'ran'</script><script src="fetch.js"></script>`),
  );
  writeFileSync(path.join(tmp, 'fetch.js'), `fetch('http://example.invalid/data.json').catch(() => {});`);
  writeFileSync(path.join(tmp, 'search.html'), pageWith('<script src="compile.js"></script>'));
  writeFileSync(
    path.join(tmp, 'compile.js'),
    `WebAssembly.compile(new Uint8Array(${JSON.stringify(EMPTY_WASM)})).then(() => { document.title = 'compiled'; }, (e) => { document.title = 'refused: ' + e; });`,
  );
  writeFileSync(path.join(tmp, 'sinks.html'), pageWith('<p id="target">text</p><script src="sinks.js"></script>'));
  // Each sink given a string, as a script would that had not built its DOM from nodes; the page's title says what got through.
  writeFileSync(
    path.join(tmp, 'sinks.js'),
    `const through = [];
const attempt = (name, f) => { try { f(); through.push(name); } catch {} };
attempt('innerHTML', () => { document.getElementById('target').innerHTML = '<b>markup</b>'; });
attempt('insertAdjacentHTML', () => document.body.insertAdjacentHTML('beforeend', '<i>markup</i>'));
attempt('script src', () => { document.createElement('script').src = 'x.js'; });
attempt('Worker', () => new Worker('worker.js'));
attempt('createPolicy', () => trustedTypes.createPolicy('anything', { createHTML: (s) => s }));
attempt('search-worker policy twice', () => { trustedTypes.createPolicy('search-worker', {}); trustedTypes.createPolicy('search-worker', {}); });
document.title = 'through: ' + (through.join(', ') || 'nothing');`,
  );
  writeFileSync(path.join(tmp, 'worker.js'), '');
  server = await startServer(tmp);
});

afterAll(async () => {
  await browser.close();
  await server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

test('a page that breaks the policy is caught: inline script, style attribute, another site’s image and data', async () => {
  // A context of its own: the breach is what this test expects to see.
  const context = await (await browser.get()).newContext();
  try {
    const violations = await recordPolicyViolations(context);
    const page = await context.newPage();
    const response = await page.goto(`${server.url}/breach.html`);
    expect(response?.headers()['content-security-policy'], 'the policy header from _headers').toBe(CSP_HEADER);
    await page.waitForLoadState('networkidle');
    await expect(page.title(), 'the inline script did not run').resolves.toBe('test');
    const blocked = violations.join('\n');
    for (const directive of ['script-src-elem', 'style-src-attr', 'img-src', 'connect-src']) {
      expect(blocked, `a ${directive} violation reported`).toContain(directive);
    }
  } finally {
    await context.close();
  }
});

test('a page may compile WebAssembly under the policy, as Pagefind does in the search worker', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/search.html`);
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe('compiled');
  } finally {
    await context.close();
  }
});

test('Trusted Types, from the page’s <meta> alone: no string becomes markup, a script or a worker, no policy but the search worker’s can be made, and that one only once', async () => {
  const context = await (await browser.get()).newContext();
  try {
    const violations = await recordPolicyViolations(context);
    const page = await context.newPage();
    // The page's own policy only: the file is served without the header, as by a host that sends none.
    await page.route('**/sinks.html', async (route) => route.fulfill({ response: await route.fetch(), headers: { 'content-type': 'text/html; charset=utf-8' } }));
    await page.goto(`${server.url}/sinks.html`);
    await expect.poll(() => page.title()).toMatch(/^through: /);
    await expect(page.title(), 'what got through').resolves.toBe('through: nothing');
    await expect(page.locator('b, i').count()).resolves.toBe(0);
    const reported = violations.join('\n');
    for (const sink of ['Element innerHTML', 'Element insertAdjacentHTML', 'HTMLScriptElement src', 'Worker constructor']) {
      expect(reported, `${sink} reported`).toMatch(new RegExp(`require-trusted-types-for blocked trusted-types-sink .*${sink}`));
    }
    expect(reported, 'the policy refused').toMatch(/trusted-types blocked trusted-types-policy .*anything/);
    expect(reported, 'the search worker’s policy made a second time refused').toMatch(/trusted-types blocked trusted-types-policy .*search-worker/);
  } finally {
    await context.close();
  }
});
