/**
 * Launches the system Chromium (Debian package `chromium`) through
 * playwright-core. Playwright's own browser download cannot work here, and a
 * missing browser must fail the browser tests, never skip them.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM}, and it is missing. ` +
        'Install it and the CJK fonts with: apt-get install -y chromium fonts-noto-cjk',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * One browser for a test file, launched by the first test that asks for it.
 * If Chromium is missing, every test that needs it fails with the reason
 * (rather than the file's tests being reported as skipped after a failed hook).
 */
export function sharedBrowser(): { get(): Promise<Browser>; close(): Promise<void> } {
  let launching: Promise<Browser> | undefined;
  return {
    get: () => (launching ??= launchBrowser()),
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

/** Runs axe-core on the page as it is now and returns its violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
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
