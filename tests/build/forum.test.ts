/**
 * The forum's essays in the built site, checked against the source text
 * itself (content/sources/000_…txt), not against the generated Markdown.
 */
import { describe, expect, test } from 'vitest';
import { expectedEssays, SLUGS } from '../helpers/corpus.ts';
import { fold, loadPages, page } from '../helpers/pages.ts';

const essays = expectedEssays();

/** Drops a printed subsection number (`1. `) so the check does not depend on how headings render it. */
const bare = (line: string) => fold(line).replace(/^\d+\./, '');

describe('the forum', () => {
  test('the source lists the 11 experts that the essay addresses are made for', () => {
    expect(essays.map((e) => e.name)).toEqual(Object.keys(SLUGS));
  });

  test('there is one essay page per expert and no other page under /forum/', () => {
    const built = [...loadPages().keys()].filter((u) => /^\/forum\/[^/]+\/$/.test(u)).sort();
    expect(built).toEqual(essays.map((e) => `/forum/${e.slug}/`).sort());
  });

  test('the forum page links to every essay', () => {
    const { $ } = page('/forum/');
    const hrefs = new Set($('main a[href]').map((_, a) => $(a).attr('href')).get());
    for (const e of essays) expect(hrefs, `a link to /forum/${e.slug}/`).toContain(`/forum/${e.slug}/`);
  });
});

describe.each(essays)('the essay by $name at /forum/$slug/', (essay) => {
  const load = () => page(`/forum/${essay.slug}/`);

  test(`shows its title as the page heading: ${essay.title}`, () => {
    const { $ } = load();
    const h1 = $('h1');
    expect(h1.length, 'one h1 on the page').toBe(1);
    expect(fold(h1.text())).toBe(fold(essay.title));
    expect(fold($('title').text()), 'the document title names the essay').toContain(fold(essay.title));
  });

  test(`names the expert ${essay.name} together with the affiliation`, () => {
    const { $ } = load();
    const affiliation = fold(essay.affiliation);
    // The innermost element of <main> that holds the whole affiliation: the byline.
    const holders = $('main *').filter((_, el) => fold($(el).text()).includes(affiliation));
    const byline = holders.filter((_, el) => !$(el).children().toArray().some((c) => fold($(c).text()).includes(affiliation)));
    expect(byline.length, `an element in <main> with the affiliation “${essay.affiliation}”`).toBeGreaterThan(0);
    const around = fold(byline.first().parent().text());
    expect(around, 'the expert’s name next to the affiliation').toContain(essay.name);
  });

  test('holds the whole essay text, from its first to its last paragraph', () => {
    const { $ } = load();
    const text = fold($('main').text());
    expect(text, `the start of the essay (source line after ${essay.line})`).toContain(bare(essay.first).slice(0, 12));
    const paragraphs = $('main [id^="p"]').filter((_, el) => /^p\d+$/.test($(el).attr('id') ?? ''));
    expect(paragraphs.length, 'numbered paragraphs').toBeGreaterThan(0);
    expect(fold(paragraphs.last().text()), 'the last numbered paragraph ends the essay').toContain(fold(essay.last).slice(-10));
  });
});
