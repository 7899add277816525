/**
 * What the browser tests share: one Chromium per test file (scripts/lib/chromium.ts)
 * with the site's Content-Security-Policy watched in every context, the
 * viewports they look at, and axe-core.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { launchBrowser } from '../../scripts/lib/chromium.ts';

/**
 * Records every Content-Security-Policy violation in a context's pages and
 * workers: the pages' `securitypolicyviolation` events, and Chromium's console
 * reports (the only trace of a violation inside a worker). Returns the list it
 * fills, one readable line per violation.
 */
export async function recordPolicyViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('__reportPolicyViolation', ({ page }, line: string) => {
    violations.push(`${page?.url() ?? '?'}: ${line}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (globalThis as unknown as { __reportPolicyViolation(line: string): void }).__reportPolicyViolation;
      report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`);
    });
  });
  context.on('console', (message) => {
    if (/content security policy/i.test(message.text())) violations.push(`${message.location().url}: console: ${message.text()}`);
  });
  return violations;
}

/** Records every error a context's pages throw and do not catch, one readable line each. */
export function recordPageErrors(context: BrowserContext): string[] {
  const errors: string[] = [];
  context.on('page', (page) => page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.name}: ${error.message}`)));
  return errors;
}

/**
 * One browser for a test file, launched by the first test that asks for it.
 * If Chromium is missing, every test that needs it fails with the reason
 * (rather than the file's tests being reported as skipped after a failed hook).
 *
 * Open pages in `newContext()`: the site's Content-Security-Policy is
 * enforced there as in any browser, and a test fails after it ends if
 * anything broke the policy or a page threw an error it did not catch (a
 * script stopped halfway leaves a page that looks right but does not work).
 */
export function sharedBrowser(): {
  get(): Promise<Browser>;
  newContext(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
  close(): Promise<void>;
} {
  let launching: Promise<Browser> | undefined;
  const get = () => (launching ??= launchBrowser());
  let violations: string[][] = [];
  let errors: string[][] = [];
  afterEach(() => {
    const found = { violations: violations.flat(), errors: errors.flat() };
    violations = [];
    errors = [];
    expect(found.violations, 'Content-Security-Policy violations').toEqual([]);
    expect(found.errors, 'errors thrown in the pages and not caught').toEqual([]);
  });
  return {
    get,
    newContext: async (options) => {
      const context = await (await get()).newContext(options);
      violations.push(await recordPolicyViolations(context));
      errors.push(recordPageErrors(context));
      return context;
    },
    close: async () => {
      const browser = await launching?.catch(() => undefined);
      await browser?.close();
    },
  };
}

/** Phone and desktop widths the browser tests look at. */
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;

const require = createRequire(import.meta.url);
/** The axe-core script that the accessibility tests inject into a page. */
export const AXE_PATH = require.resolve('axe-core');

export interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/** axe-core's source, evaluated in the page rather than added as an inline `<script>`, which the policy forbids. */
let axeSource: string | undefined;

/** Runs axe-core on the page as it is now and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${(axeSource ??= readFileSync(AXE_PATH, 'utf8'))}\n;undefined`);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
}

/** A readable list of violations for a failure message. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `- ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}
