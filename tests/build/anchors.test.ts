/**
 * Addresses inside a page (docs/architecture.md): sections `#s1`…, body paragraphs
 * `#p1`… in reading order, each paragraph number shown in the margin as the
 * link to itself. Checked on every built page.
 */
import { describe, expect, test } from 'vitest';
import { SLUGS } from '../helpers/corpus.ts';
import { loadPages, page } from '../helpers/pages.ts';

const pages = [...loadPages().values()];

/** Pages whose body paragraphs must carry numbers: the reading pages. */
const READING = ['/forum/', ...Object.values(SLUGS).map((s) => `/forum/${s}/`), '/paper/', '/paper/1/', '/paper/2/', '/paper/3/'];

/** Where a paragraph number must never go. */
const NOT_BODY = [
  'h1, h2, h3, h4, h5, h6',
  'figcaption, caption, figure',
  'section[data-footnotes], .footnotes, [role="doc-endnotes"], [role="doc-footnote"]',
  'nav, header, footer',
].join(', ');

function paragraphs(url: string) {
  const { $ } = page(url);
  return $('[id]')
    .toArray()
    .filter((el) => /^p\d+$/.test($(el).attr('id') ?? ''))
    .map((el) => ({ el: $(el), id: $(el).attr('id')!, n: Number($(el).attr('id')!.slice(1)) }));
}

describe('every page', () => {
  test.each(pages.map((p) => p.url))('%s is a Chinese page (html lang="zh-CN") with one <main>', (url) => {
    const { $ } = page(url);
    expect($('html').attr('lang')).toBe('zh-CN');
    expect($('main').length).toBe(1);
  });

  test.each(pages.map((p) => p.url))('%s has no id twice', (url) => {
    const { $ } = page(url);
    const seen = new Map<string, number>();
    $('[id]').each((_, el) => {
      const id = $(el).attr('id')!;
      seen.set(id, (seen.get(id) ?? 0) + 1);
    });
    const twice = [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
    expect(twice).toEqual([]);
    const sections = [...seen.keys()].filter((id) => /^s\d+$/.test(id));
    expect(new Set(sections).size).toBe(sections.length);
  });

  test.each(pages.map((p) => p.url))('%s numbers its paragraphs #p1, #p2 … in reading order', (url) => {
    const ns = paragraphs(url).map((p) => p.n);
    expect(ns).toEqual(ns.map((_, i) => i + 1));
  });

  test.each(pages.map((p) => p.url))('%s shows each paragraph number in the margin as a link to its paragraph', (url) => {
    const { $ } = page(url);
    const missing = paragraphs(url).flatMap(({ id, n }) => {
      const links = $(`a[href="#${id}"]`).filter((_, a) => {
        const link = $(a);
        return (
          link.text().replace(/\D/g, '') === String(n) &&
          link.attr('hidden') === undefined &&
          link.attr('aria-hidden') !== 'true' &&
          link.closest('[hidden]').length === 0
        );
      });
      return links.length ? [] : [`#${id}`];
    });
    expect(missing, 'paragraphs without a visible a[href="#pN"] showing N').toEqual([]);
  });

  test.each(pages.map((p) => p.url))('%s puts paragraph numbers only on body paragraphs inside <main>', (url) => {
    const wrong = paragraphs(url).flatMap(({ el, id }) => {
      const problems: string[] = [];
      if (el.is(NOT_BODY) || el.closest(NOT_BODY).length) problems.push(`#${id} is on or in a heading, caption, footnote or page furniture: <${el.prop('tagName')?.toLowerCase()}>`);
      if (el.closest('main').length === 0) problems.push(`#${id} is outside <main>`);
      return problems;
    });
    expect(wrong).toEqual([]);
  });
});

describe('the reading pages', () => {
  test.each(READING)('%s has numbered paragraphs, its heading and its text inside <main>', (url) => {
    const { $ } = page(url);
    expect(paragraphs(url).length, 'numbered paragraphs').toBeGreaterThan(0);
    expect($('main h1').length, 'the page heading inside <main>').toBe(1);
    expect($('h1').length).toBe(1);
    const notes = $('section[data-footnotes], .footnotes, [role="doc-endnotes"]');
    expect(notes.filter((_, n) => $(n).closest('main').length === 0).length, 'footnotes inside <main>').toBe(0);
  });
});
