/**
 * Every built page is valid HTML (docs/architecture.md, “Quality bars”), checked by html-validate with
 * its recommended rules and the project's .htmlvalidate.json (which also
 * forbids every inline style, as the Content-Security-Policy does).
 */
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { expect, test } from 'vitest';
import { loadPages } from '../helpers/pages.ts';

const validator = new HtmlValidate(new FileSystemConfigLoader());
const pages = [...loadPages().values()];

test.each(pages.map((p) => [p.url, p] as const))('%s is valid HTML', async (_url, page) => {
  const report = await validator.validateString(page.html, page.file);
  const errors = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`));
  expect(errors).toEqual([]);
});
