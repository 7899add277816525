/**
 * The concordance as built: its page (a form that works as a plain GET form,
 * the documents with their lengths), its word files in dist/ against the
 * built reading pages themselves (every paragraph and footnote as a reader
 * sees it, tests/helpers/passages.ts), and the links to it from the theme
 * pages and the search page.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { DIST, ROOT } from '../../scripts/lib/paths.ts';
import { unpackLine, wordFileName, type ConcordanceDoc, type WordFile } from '../../src/lib/concordance.ts';
import { builtPassages } from '../helpers/passages.ts';
import { page } from '../helpers/pages.ts';

const WORDS = path.join(DIST, 'concordance', 'words');
const wordFile = (word: string) => JSON.parse(readFileSync(path.join(WORDS, wordFileName(word)), 'utf8')) as WordFile;
const passages = builtPassages();
const themes = parse(readFileSync(path.join(ROOT, 'content', 'themes.yaml'), 'utf8')) as { id: string; terms: string[] }[];

function occurrences(text: string, word: string): number {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) n++;
  return n;
}

describe('the concordance page', () => {
  const { $ } = page('/concordance/');

  test('is a GET form to itself whose word is `q`, and says what it needs without JavaScript', () => {
    expect($('form#conc-form').attr('action')).toBe('/concordance/');
    expect($('form#conc-form').attr('method')).toBe('get');
    expect($('form#conc-form input[name="q"]').attr('id')).toBe('conc-q');
    expect($('label[for="conc-q"]').text()).toBe('词语');
    expect($('noscript').html()).toContain('<a href="/search/">');
  });

  test('carries every document in reading order, with its page and the characters of its paragraphs and footnotes as built', () => {
    const docs = JSON.parse($('#conc-app').attr('data-docs')!) as ConcordanceDoc[];
    const keys = [...new Set(passages.map((p) => p.doc))];
    expect(docs.map((d) => d.key)).toEqual(keys);
    for (const doc of docs) {
      expect(doc.chars, doc.key).toBe(passages.filter((p) => p.doc === doc.key).reduce((n, p) => n + p.text.length, 0));
      expect(doc.href).toBe(passages.find((p) => p.doc === doc.key)!.href.split('#')[0]);
    }
  });

  test('is small: its HTML under 8 KiB before compression', () => {
    expect(readFileSync(path.join(DIST, 'concordance', 'index.html')).length).toBeLessThan(8 * 1024);
  });
});

describe('the word files', () => {
  test('城市群: a line for every occurrence in the built paragraphs and footnotes, each the passage’s own text around it', () => {
    const file = wordFile('城市群');
    expect(file.word).toBe('城市群');
    const lines = file.lines.map((t) => unpackLine(t, file.word));
    expect(lines).toHaveLength(passages.reduce((n, p) => n + occurrences(p.text, '城市群'), 0));
    const byHref = new Map(passages.map((p) => [p.href, p.text]));
    const docs = JSON.parse(page('/concordance/').$('#conc-app').attr('data-docs')!) as ConcordanceDoc[];
    for (const line of lines) {
      const text = byHref.get(`${docs.find((d) => d.key === line.doc)!.href}#${line.anchor}`);
      expect(text, `${line.doc}#${line.anchor}`).toBeDefined();
      expect(text!.slice(line.at - line.left.length, line.at + line.form.length + line.right.length)).toBe(`${line.left}城市群${line.right}`);
    }
  });

  /**
   * Where the texts hold a theme term only across a boundary of the cut, so
   * that search does not find it there and the concordance does not count it:
   * the stretch around it, as jieba cuts it (国土空间|治理, 空间治理|体系, 创新|业态).
   */
  const ACROSS_THE_CUT: Record<string, string> = { 空间治理: '国土空间治理', 治理体系: '空间治理体系', 新业态: '创新业态' };

  test('every theme term has a file with a line for each time the built texts hold it, but across a boundary of the cut', () => {
    const wrong = themes.flatMap((t) =>
      t.terms.flatMap((term) => {
        const across = ACROSS_THE_CUT[term];
        const expected = passages.reduce((n, p) => n + occurrences(p.text, term) - (across ? occurrences(p.text, across) : 0), 0);
        const found = wordFile(term).lines.length;
        return found === expected ? [] : [`${term}: ${found} lines, ${expected} in the texts`];
      }),
    );
    expect(wrong).toEqual([]);
  });

  test('are named by their word’s hash and hold only that word', () => {
    const names = readdirSync(WORDS);
    expect(names.length).toBeGreaterThan(2000);
    for (const name of names.slice(0, 300)) expect(wordFileName((JSON.parse(readFileSync(path.join(WORDS, name), 'utf8')) as WordFile).word)).toBe(name);
  });
});

describe('links to the concordance', () => {
  test.each(themes.map((t) => [t.id, t.terms] as const))('the theme page of %s links each of its terms to its concordance', (id, terms) => {
    const { $ } = page(`/themes/${id}/`);
    const links = $('.terms a').toArray().map((a) => $(a).attr('href'));
    expect(links.sort()).toEqual(terms.map((term) => `/concordance/?q=${encodeURIComponent(term)}`).sort());
  });

  test('the search page knows where the concordance is, for its links under the results', () => {
    const { $ } = page('/search/');
    expect($('#search-app').attr('data-concordance')).toBe('/concordance/');
    expect($('#search-words').length).toBe(1);
  });
});
