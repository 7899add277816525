/**
 * Every page type (scripts/lib/page-types.ts) in Chromium, at phone and
 * desktop width, light and dark, with the site's Content-Security-Policy
 * enforced: axe-core finds no violations, and the page fits the screen.
 * Screenshots go to tests/.output/screenshots/ to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, formatViolations, VIEWPORTS } from '../helpers/browser.ts';
import { PAGE_TYPES } from '../../scripts/lib/page-types.ts';
import { OUTPUT } from '../../scripts/lib/paths.ts';
import { serveBuiltSite } from '../helpers/served-site.ts';

const SCHEMES = ['light', 'dark'] as const;
const SHOTS = path.join(OUTPUT, 'screenshots');

const site = serveBuiltSite();
const { browser } = site;

beforeAll(() => {
  mkdirSync(SHOTS, { recursive: true });
});

describe.each(PAGE_TYPES)('$name ($path)', (target) => {
  for (const [width, viewport] of Object.entries(VIEWPORTS)) {
    for (const colorScheme of SCHEMES) {
      test(`has no accessibility violations and fits the screen on a ${width} in ${colorScheme} mode`, async () => {
        const context = await browser.newContext({ viewport, colorScheme });
        try {
          const page = await context.newPage();
          const response = await page.goto(site.server.url + target.path, { waitUntil: 'load' });
          expect(response?.status()).toBe(target.status);
          if (target.ready) await page.waitForSelector(target.ready);
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          const shot = `${target.path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home'}-${width}-${colorScheme}.png`;
          await page.screenshot({ path: path.join(SHOTS, shot) });

          const violations = await axeViolations(page);
          expect(violations.length, `axe on ${target.path} (${width}, ${colorScheme}):\n${formatViolations(violations)}`).toBe(0);

          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, 'the page is wider than the screen (sideways scrolling)').toBeLessThanOrEqual(0);
        } finally {
          await context.close();
        }
      });
    }
  }
});
