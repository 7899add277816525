/**
 * Launches the system Chromium (Debian package `chromium`) through
 * playwright-core, for the browser tests, the audit and the benchmarks.
 * Playwright's own browser download cannot work here, and a missing browser
 * must fail, never skip.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
