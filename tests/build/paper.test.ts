/**
 * The paper in the built site: its four pages and its 32 footnotes, counted
 * from the source text (content/sources/003_…txt), where each citation is
 * inlined after a circled marker whose numbering restarts on every printed page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectedFootnotes, PAPER_SOURCE } from '../helpers/corpus.ts';
import { fold, loadPages, page, type BuiltPage } from '../helpers/pages.ts';
import { SOURCES } from '../../scripts/lib/paths.ts';

const PAPER_PAGES = ['/paper/', '/paper/1/', '/paper/2/', '/paper/3/'];
const source = readFileSync(path.join(SOURCES, PAPER_SOURCE), 'utf8').split('\n').map((l) => l.trim());
const expected = expectedFootnotes();

interface Footnote {
  page: string;
  /** The number the reader sees on the reference. */
  refNumber: number;
  /** The number the reader sees on the note (its list ordinal). */
  noteNumber: number;
  refId: string;
  noteId: string;
  noteText: string;
  backLinked: boolean;
}

const byId = (p: BuiltPage, id: string) => p.$('[id]').filter((_, el) => p.$(el).attr('id') === id);

/** The number a note shows: a list item's value or its place in an <ol start>, else its leading number. */
function ordinal(p: BuiltPage, id: string): number {
  const note = byId(p, id).first();
  if (!note.length) return NaN;
  if (note.is('li')) {
    const value = note.attr('value');
    if (value) return Number(value);
    const ol = note.parent();
    return Number(ol.attr('start') ?? 1) + ol.children('li').index(note);
  }
  const lead = /^\D*(\d+)/.exec(note.text());
  return lead ? Number(lead[1]) : NaN;
}

function footnotesOf(url: string): Footnote[] {
  const p = page(url);
  const { $ } = p;
  return $('a[data-footnote-ref], a[role="doc-noteref"]')
    .toArray()
    .map((a) => {
      const ref = $(a);
      const href = ref.attr('href') ?? '';
      const refId = ref.attr('id') ?? ref.parent().attr('id') ?? '';
      const noteId = href.startsWith('#') ? decodeURIComponent(href.slice(1)) : '';
      const note = noteId ? byId(p, noteId).first() : $([]);
      return {
        page: url,
        refNumber: Number(ref.text().replace(/\D/g, '')),
        noteNumber: note.length ? ordinal(p, noteId) : NaN,
        refId,
        noteId: note.length ? noteId : `(no element with id “${noteId}” for href “${href}”)`,
        noteText: fold(note.text()),
        backLinked: refId !== '' && note.find('a[href]').toArray().some((b) => $(b).attr('href') === `#${refId}`),
      };
    });
}

describe('the paper', () => {
  test('has a front page and one page per section, /paper/1/ to /paper/3/', () => {
    const built = [...loadPages().keys()].filter((u) => u.startsWith('/paper/')).sort();
    expect(built).toEqual(PAPER_PAGES);
  });

  test('its front page shows the title and both authors', () => {
    const { $ } = page('/paper/');
    expect(fold($('h1').text())).toContain(fold(source[0]!));
    // The byline is typeset `马雪松 柏 然`: two authors, the second name spaced out.
    const authors = ['马雪松', '柏然'];
    expect(source[6]!.replace(/\s+/g, '')).toBe(authors.join(''));
    const main = fold($('main').text());
    for (const author of authors) expect(main, `author ${author}`).toContain(author);
  });

  const sections = source.flatMap((line, i) => {
    const m = /^([一二三])、(.+)$/.exec(line);
    return m ? [{ n: '一二三'.indexOf(m[1]!) + 1, title: m[2]!, line: i + 1 }] : [];
  });

  test('the source has the three sections the pages are made for', () => {
    expect(sections.map((s) => s.n)).toEqual([1, 2, 3]);
  });

  test.each(sections)('section $n shows its title “$title” as its heading', ({ n, title }) => {
    const { $ } = page(`/paper/${n}/`);
    expect($('h1').length).toBe(1);
    expect(fold($('h1').text())).toContain(fold(title));
  });

  test('section 2 shows its three subsections as headings', () => {
    const { $ } = page('/paper/2/');
    const headings = fold($('main h2, main h3').text());
    for (const sub of source.filter((l) => /^[(（][一二三][)）]/.test(l))) {
      expect(headings).toContain(fold(sub).replace(/^\([一二三]\)/, ''));
    }
  });
});

describe('the paper’s footnotes', () => {
  test(`the source inlines ${expected.length} citations, which the site must turn into footnotes`, () => {
    expect(expected.length).toBe(32);
  });

  const all = () => PAPER_PAGES.flatMap(footnotesOf);

  test('the paper’s pages together show the footnotes 1 to 32, each once, in reading order', () => {
    const notes = all();
    expect(notes.map((f) => f.refNumber), 'numbers on the footnote references, /paper/ to /paper/3/').toEqual(
      expected.map((e) => e.n),
    );
    expect(notes.map((f) => f.noteNumber), 'numbers on the notes').toEqual(expected.map((e) => e.n));
  });

  test('every footnote reference links to its note on the same page', () => {
    const broken = all().filter((f) => f.noteId.startsWith('(') || f.noteNumber !== f.refNumber);
    expect(broken.map((f) => `${f.page} ref ${f.refNumber} → ${f.noteId} (note shows ${f.noteNumber})`)).toEqual([]);
  });

  test('every note links back to its reference', () => {
    const missing = all().filter((f) => !f.backLinked);
    expect(missing.map((f) => `${f.page} note ${f.noteId} → #${f.refId || '(reference has no id)'}`)).toEqual([]);
  });

  test('each note holds the citation that followed its marker in the source', () => {
    const notes = all();
    const wrong = expected.flatMap((e) => {
      const got = notes.find((f) => f.refNumber === e.n);
      const want = fold(e.start);
      return got?.noteText.includes(want) ? [] : [`${e.n} (${PAPER_SOURCE}:${e.line} ${e.marker}) should start “${e.start}”, got “${got?.noteText.slice(0, 30) ?? 'no note'}”`];
    });
    expect(wrong).toEqual([]);
  });

  test('no footnote marker ①…⑦ is left in the text', () => {
    const left = PAPER_PAGES.filter((u) => /[①②③④⑤⑥⑦⑧⑨⑩]/.test(page(u).$('main').text()));
    expect(left).toEqual([]);
  });
});
