/**
 * Reading across experts in the built site: the editor's questions and who
 * answers them (read from the source text, not from the ingest's front
 * matter), the experts' names in the note as links, the 55 compare pages,
 * the choosers, and the related passages of every paragraph.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CheerioAPI } from 'cheerio';
import { expectedEssays, FORUM_SOURCE } from '../helpers/corpus.ts';
import { fold, loadPages, page } from '../helpers/pages.ts';
import { DIST, SOURCES } from '../../scripts/lib/paths.ts';

const essays = expectedEssays();
const source = readFileSync(path.join(SOURCES, FORUM_SOURCE), 'utf8').split('\n');
/** The editor's note: the source's lines from 【主编按语】 to the first essay's title. */
const noteLines = source.slice(
  source.findIndex((l) => l.trim().startsWith('【主编按语】')),
  essays[0]!.line - 2,
);
/** Where the note prints question n: the line `(n) …`. */
const questionLines = noteLines.flatMap((l, i) => (/^[(（]\d[)）]/.test(l.trim()) ? [i] : []));

/** For each question n (1-based), the essays whose expert the note names in its discussion, in the order named. */
const answering = questionLines.map((start, k) => {
  const block = noteLines.slice(start + 1, questionLines[k + 1] ?? noteLines.length).join('');
  return essays.filter((e) => block.includes(e.name)).sort((x, y) => block.indexOf(x.name) - block.indexOf(y.name));
});

/** A built paragraph's text without its margin number. */
function paragraphText($: CheerioAPI, el: Parameters<CheerioAPI>[0]): string {
  const p = $(el).clone();
  p.find('.pnum, sup').remove();
  return fold(p.text());
}
const paragraphsOf = (url: string) => {
  const { $ } = page(url);
  return $('.prose > p[id]')
    .toArray()
    .map((el) => ({ id: $(el).attr('id')!, text: paragraphText($, el) }));
};

describe('the editor’s three questions', () => {
  test('the source prints three questions, and each essay’s expert is named under one of them', () => {
    expect(questionLines.length).toBe(3);
    expect(answering.flat().map((e) => e.slug).sort()).toEqual(essays.map((e) => e.slug).sort());
  });

  test.each(essays)('the essay by $name says near its title which question it answers, linking to it on /forum/', (essay) => {
    const { $ } = page(`/forum/${essay.slug}/`);
    const answers = $('.doc-head .answers');
    expect(answers.length).toBe(1);
    const expected = answering.flatMap((list, k) => (list.includes(essay) ? [k + 1] : []));
    expect(answers.find('a').map((_, a) => $(a).attr('href')).get()).toEqual(expected.map((n) => `/forum/#q${n}`));
    const question = fold(noteLines[questionLines[expected[0]! - 1]!]!.replace(/^\s*[(（]\d[)）]\s*/, ''));
    expect(fold(answers.text()), 'the question’s words follow').toContain(question);
  });

  test('/forum/ shows the three questions with their experts before the note’s text', () => {
    const { $ } = page('/forum/');
    const order = $('[id]').map((_, el) => $(el).attr('id')).get();
    for (const [k, list] of answering.entries()) {
      const q = $(`#q${k + 1}`);
      expect(fold(q.find('.entry-title').text()), `#q${k + 1}`).toContain(fold(noteLines[questionLines[k]!]!).replace(/^\(\d\)/, ''));
      expect(q.find('ul a').map((_, a) => $(a).attr('href')).get()).toEqual(list.map((e) => `/forum/${e.slug}/`));
      expect(order.indexOf(`q${k + 1}`), `#q${k + 1} before the note's first paragraph`).toBeLessThan(order.indexOf('p1'));
    }
  });

  test('in the note, every name of an expert links to that expert’s essay', () => {
    const { $ } = page('/forum/');
    const noteText = noteLines.join('');
    for (const e of essays) {
      const links = $('.prose > p a')
        .toArray()
        .filter((a) => new URL($(a).attr('href')!, 'http://x/forum/').pathname === `/forum/${e.slug}/`);
      expect(links.length, `${e.name}: one link per mention in the note`).toBe(noteText.split(e.name).length - 1);
      expect(links.every((a) => $(a).text() === e.name)).toBe(true);
    }
  });
});

const slugs = essays.map((e) => e.slug);
const pairs = slugs.flatMap((a, i) => slugs.slice(i + 1).map((b) => [a, b] as const));

describe('two experts side by side', () => {
  test('there is a page /compare/<a>/<b>/ for each of the 55 pairs, the essay printed first on the left, and no other', () => {
    expect(pairs.length).toBe(55);
    const built = [...loadPages().keys()].filter((u) => /^\/compare\/[^/]+\/[^/]+\/$/.test(u)).sort();
    expect(built).toEqual(pairs.map(([a, b]) => `/compare/${a}/${b}/`).sort());
  });

  test.each(pairs)('/compare/%s/%s/ shows every paragraph of both essays in full once, each linking to its address, under its speaker', (a, b) => {
    const { $ } = page(`/compare/${a}/${b}/`);
    const [ea, eb] = [a, b].map((s) => essays.find((e) => e.slug === s)!);
    expect(fold($('h1').text())).toBe(fold(`${ea!.name}与${eb!.name}`));
    for (const [side, essay] of [
      ['a', ea!],
      ['b', eb!],
    ] as const) {
      const full = $(`.side-${side} .cmp-passage:not(.cmp-excerpt)`);
      const shown = full.toArray().map((li) => ({ href: $(li).find('a.passage-link').attr('href'), who: $(li).find('a.passage-link').text(), text: fold($(li).find('.cmp-text').text()) }));
      const own = paragraphsOf(`/forum/${essay.slug}/`);
      expect(shown.map((s) => s.href).sort(), `${essay.name}: each paragraph once`).toEqual(own.map((p) => `/forum/${essay.slug}/#${p.id}`).sort());
      for (const p of own) expect(shown.find((s) => s.href!.endsWith(`#${p.id}`))!.text, `${essay.name} ${p.id}`).toBe(p.text);
      expect(shown.every((s) => s.who.startsWith(essay.name)), 'each passage names its speaker').toBe(true);
      expect($(`.side-${side} .compare-speaker`).map((_, h) => $(h).text()).get().every((t) => t === essay.name)).toBe(true);
    }
  });

  test.each(pairs)('/compare/%s/%s/ can be cited: canonical address, description and both essays’ references', (a, b) => {
    const { $ } = page(`/compare/${a}/${b}/`);
    expect($('link[rel="canonical"]').attr('href')).toMatch(new RegExp(`/compare/${a}/${b}/$`));
    expect($('meta[name="description"]').attr('content')).toBeTruthy();
    const cited = $('.cite-panel .cite-gbt .cite-text').map((_, t) => $(t).text()).get();
    const expected = [a, b].map((s) => page(`/forum/${s}/`).$('.cite-panel .cite-gbt .cite-text').first().text());
    expect(cited).toEqual(expected);
  });

  test.each(essays)('the essay by $name offers the 10 pages that set it beside another expert’s', (essay) => {
    const { $ } = page(`/forum/${essay.slug}/`);
    const hrefs = $('#compare a').map((_, a) => $(a).attr('href')).get();
    expect(hrefs.sort()).toEqual(pairs.filter((p) => p.includes(essay.slug)).map(([x, y]) => `/compare/${x}/${y}/`).sort());
  });

  test('/forum/ and /compare/ have the chooser: a form to /compare/ with the 11 experts in two lists; /compare/ links every pair', () => {
    for (const url of ['/forum/', '/compare/']) {
      const { $ } = page(url);
      const form = $('form[data-compare-chooser]');
      expect(form.attr('action'), url).toBe('/compare/');
      expect(form.attr('method')).toBe('get');
      for (const name of ['a', 'b']) expect(form.find(`select[name="${name}"] option`).map((_, o) => $(o).attr('value')).get()).toEqual(slugs);
    }
    const { $ } = page('/compare/');
    const linked = new Set($('main a[href^="/compare/"]').map((_, a) => $(a).attr('href')).get());
    expect([...linked].sort()).toEqual(pairs.map(([a, b]) => `/compare/${a}/${b}/`).sort());
  });
});

describe('related passages', () => {
  interface Related {
    who: string;
    p: number;
    href: string;
    excerpt: { kind: string; text: string }[];
  }
  const reading = [...loadPages().keys()].filter((u) => /^\/(forum|paper)\/(?:[^/]+\/)?$/.test(u));
  const docOf = (url: string) => (url === '/forum/' ? 'forum' : url === '/paper/' ? 'paper' : url.startsWith('/paper/') ? `paper-${url.split('/')[2]}` : url.split('/')[2]!);
  const speaker = (url: string) => (url.startsWith('/paper/') ? 'paper' : url);

  test.each(reading)('%s: /related/<doc>.json lists up to 3 paragraphs of other speakers for each of its paragraphs, each there to be read', (url) => {
    const own = paragraphsOf(url);
    const file = path.join(DIST, 'related', `${docOf(url)}.json`);
    const { paragraphs } = JSON.parse(readFileSync(file, 'utf8')) as { paragraphs: Related[][] };
    expect(paragraphs.length, 'one entry per paragraph').toBe(own.length);
    expect(paragraphs.flat().length, 'most paragraphs have some').toBeGreaterThan(own.length);
    for (const list of paragraphs) {
      expect(list.length).toBeLessThanOrEqual(3);
      const targets = list.map((r) => new URL(r.href, 'http://x').pathname);
      expect(new Set(targets.map(speaker)).size, 'one per speaker').toBe(targets.length);
      for (const [i, r] of list.entries()) {
        const target = targets[i]!;
        expect(speaker(target), 'another speaker').not.toBe(speaker(url));
        expect(target, 'never the editor’s note').not.toBe('/forum/');
        const paragraph = paragraphsOf(target).find((p) => `#${p.id}` === new URL(r.href, 'http://x').hash);
        expect(paragraph, r.href).toBeDefined();
        const shown = fold(r.excerpt.filter((run) => run.kind !== 'gap').map((run) => run.text).join(''));
        expect(paragraph!.text, `${r.href}: the excerpt is its text`).toContain(shown);
      }
    }
  });
});
