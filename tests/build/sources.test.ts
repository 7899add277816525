/**
 * The source texts on the site, and the reading pages' 出处: /sources/forum/
 * and /sources/paper/ show their source file verbatim, every line numbered
 * and addressable (#L27); every reading page names its source text by its
 * title, never by its file name, and links the lines it was made from, whose
 * first line on the source page is where the page's text begins. The
 * paper's scraped tag line is labelled as what it is. Expectations are read
 * from content/sources/, not from the site.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectedEssays, FORUM_SOURCE, PAPER_SOURCE, pageOfDoc } from '../helpers/corpus.ts';
import { fold, loadPages, page } from '../helpers/pages.ts';
import { SOURCES } from '../../scripts/lib/paths.ts';

const manifest = JSON.parse(readFileSync(path.join(SOURCES, 'manifest.json'), 'utf8')) as Record<string, { kind: 'forum' | 'paper'; title: string }>;
const sourceLines = (file: string) => readFileSync(path.join(SOURCES, file), 'utf8').replace(/\n$/, '').split('\n');

describe.each([FORUM_SOURCE, PAPER_SOURCE])('the source page of %s', (file) => {
  const { kind, title } = manifest[file]!;
  const { $ } = page(`/sources/${kind}/`);
  const lines = sourceLines(file);

  test('shows every line of the file as it is, numbered, with its address #L<n>', () => {
    const shown = $('.source-lines > li')
      .map((_, li) => ({ id: $(li).attr('id'), n: $(li).find('.line-number').text(), href: $(li).find('.line-number').attr('href'), text: $(li).find('.line-text').text() }))
      .get();
    expect(shown).toEqual(lines.map((text, i) => ({ id: `L${i + 1}`, n: String(i + 1), href: `#L${i + 1}`, text })));
  });

  test('lists the pages made from it, each with its lines; none named as a part whose lines span others', () => {
    const listed = $('.toc li')
      .map((_, li) => ({ name: fold($(li).find('a').first().text()), lines: $(li).find('a').last().text() }))
      .get();
    expect(listed.length).toBeGreaterThan(0);
    const spans = listed.map(({ lines: l }) => /第(\d+)–(\d+)行/.exec(l)!.slice(1).map(Number) as [number, number]);
    spans.forEach(([from, to], i) => {
      const inside = spans.filter(([f, t], j) => j !== i && f >= from && t <= to);
      if (inside.length) expect(listed[i]!.name, `a page whose lines hold ${inside.length} others`).not.toMatch(/^主编按语$|^论文引言$/);
    });
  });

  test('is titled by the work, and names its file', () => {
    expect(fold($('h1').text())).toContain(fold(title));
    expect($('.doc-head').text()).toContain(file);
  });
});

describe('the 出处 of every reading page', () => {
  const readingPages = [...loadPages().values()].filter(({ $ }) => $('.source-note').length > 0);

  test('is on every reading page: the forum, the 11 essays, the paper and its 3 sections', () => {
    expect(readingPages.map((p) => p.url).sort()).toEqual(['forum', ...expectedEssays().map((e) => e.slug), 'paper', 'paper-1', 'paper-2', 'paper-3'].map(pageOfDoc).sort());
  });

  test.each(readingPages.map((p) => p.url))('%s names its source by title, not by file name, and links its lines', (url) => {
    const { $ } = page(url);
    const note = $('.source-note');
    expect(note.text()).not.toMatch(/\.txt/);
    const [file, { kind, title }] = Object.entries(manifest).find(([, m]) => url.startsWith(`/${m.kind}/`))!;
    expect(fold(note.find(`a[href="/sources/${kind}/"]`).text())).toContain(fold(title));
    const lines = note.find(`a[href^="/sources/${kind}/#L"]`);
    expect(lines.length, 'one link to the lines').toBe(1);
    const [, from, to] = /^第(\d+)–(\d+)行$/.exec(lines.text()) ?? [];
    expect(lines.attr('href')).toBe(`/sources/${kind}/#L${from}`);
    expect(Number(to)).toBeGreaterThanOrEqual(Number(from));
    // The page's text begins at that line: its title (the essay's, the paper's, the section's heading) is there.
    const first = sourceLines(file)[Number(from) - 1]!;
    expect(fold(first)).toBe(fold($('h1').text()));
  });
});

describe('the paper’s tag line', () => {
  const scraped = sourceLines(PAPER_SOURCE)
    .map((l) => /^关键词[:：](.+)$/.exec(l.trim()))
    .find(Boolean)![1]!;

  test('is shown on /paper/ as the scraped page’s tags, not as the authors’ keywords', () => {
    const { $ } = page('/paper/');
    const label = $('.doc-head dt').filter((_, dt) => $(dt).next('dd').text().startsWith(scraped));
    expect(label.text()).toBe('网页标签');
    expect(label.next('dd').text()).toContain('并非作者拟定的关键词');
  });

  test('is called 关键词 on no page', () => {
    const called = [...loadPages().values()].filter(({ $ }) => $('main').text().includes(`关键词：${scraped}`) || $('main dt').filter((_, dt) => $(dt).text() === '关键词').length > 0);
    expect(called.map((p) => p.url)).toEqual([]);
  });
});
