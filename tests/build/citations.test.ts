/**
 * Citations, checked against strings written by hand from the standards
 * (GB/T 7714-2015, APA 7, BibTeX), not from the site's output: the cite
 * panels of 王凯's essay, the forum and the paper; paragraph citations made
 * from the record a page carries; and the .bib and .ris files, parsed back.
 * Only what the sources give: no volume, no pages, an issue for the paper only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { apa, bibtex, gbt7714, paragraphLocator, type PageCitation } from '../../src/lib/citation-styles.ts';
import type { ListPage } from '../../src/lib/list-page.ts';
import { bibNames, parseBibtex, parseRis, risValues } from '../helpers/citations.ts';
import { page } from '../helpers/pages.ts';
import { listFiles } from '../../scripts/lib/dist.ts';
import { DIST } from '../../scripts/lib/paths.ts';
import { SITE } from '../helpers/site.ts';

const FORUM = '“新质生产力与城乡规划”学术笔谈';
const PAPER = '优化国土空间发展格局视域下推进城市群一体化发展的空间逻辑';
const EXPERTS = ['王凯', '赵燕菁', '张京祥', '袁昕', '赵志荣', '王兴平', '于涛方', '王伟', '王富海', '王世福', '王兰'];

/** The three styles as the cite panel of a page shows them. */
function panel(url: string) {
  const { $ } = page(url);
  const style = (s: string) => $(`.cite-panel .cite-${s} .cite-text`).text();
  return { gbt: style('gbt'), apa: style('apa'), bibtex: style('bibtex') };
}

/** The citation record a page's scripts fetch when a paragraph is cited: the one its cite panel names. */
function record(url: string): PageCitation {
  const { $ } = page(url);
  const src = $('.cite-panel').attr('data-citation-src');
  if (!src) throw new Error(`${url}: the cite panel names no citation record`);
  return (JSON.parse(read(src.replace(/^\//, ''))) as ListPage).citation;
}

const read = (rel: string) => readFileSync(path.join(DIST, rel), 'utf8');

describe('the cite panel of 王凯’s essay', () => {
  const cited = panel('/forum/wang-kai/');

  test('gives the GB/T 7714 reference: the essay joined with // to the forum, which is printed in the journal', () => {
    expect(cited.gbt).toBe(`王凯. 新质生产力与城市规划改革[J]//王凯, 赵燕菁, 张京祥, 等. ${FORUM}. 城市规划学刊, 2024.`);
  });

  test('gives the APA 7 reference, the forum named in brackets after the title, no issue or pages', () => {
    expect(cited.apa).toBe(`王凯. (2024). 新质生产力与城市规划改革 [${FORUM}]. 城市规划学刊.`);
  });

  test('gives the BibTeX entry with the name protected as {王凯}', () => {
    expect(cited.bibtex).toBe(
      [
        '@article{wangkai2024,',
        '  author = {{王凯}},',
        '  title = {新质生产力与城市规划改革},',
        '  journal = {城市规划学刊},',
        '  year = {2024},',
        `  series = {${FORUM}},`,
        '  langid = {chinese},',
        `  url = {${SITE}/forum/wang-kai/}`,
        '}',
        '',
      ].join('\n'),
    );
  });

  test('offers the .bib and .ris files of the essay to download', () => {
    const { $ } = page('/forum/wang-kai/');
    const links = $('.cite-panel a[download]').map((_, a) => `${$(a).attr('href')} ${$(a).attr('download')}`).get();
    expect(links).toEqual(['/cite/wangkai2024.bib wangkai2024.bib', '/cite/wangkai2024.ris wangkai2024.ris']);
  });
});

describe('the cite panel of the paper, on its front page and on each section', () => {
  test.each(['/paper/', '/paper/1/', '/paper/2/', '/paper/3/'])('%s gives the paper’s references with its issue 2024(1) and no pages', (url) => {
    const cited = panel(url);
    expect(cited.gbt).toBe(`马雪松, 柏然. ${PAPER}[J]. 云南社会科学, 2024(1).`);
    expect(cited.apa).toBe(`马雪松, & 柏然. (2024). ${PAPER}. 云南社会科学, (1).`);
    expect(cited.bibtex).toBe(
      [
        '@article{maxuesong2024,',
        '  author = {{马雪松} and {柏然}},',
        `  title = {${PAPER}},`,
        '  journal = {云南社会科学},',
        '  year = {2024},',
        '  number = {1},',
        '  langid = {chinese},',
        `  url = {${SITE}/paper/}`,
        '}',
        '',
      ].join('\n'),
    );
  });
});

describe('the cite panel of the forum', () => {
  test('names the first three experts and 等 in GB/T 7714, all eleven in APA 7', () => {
    const cited = panel('/forum/');
    expect(cited.gbt).toBe(`王凯, 赵燕菁, 张京祥, 等. ${FORUM}[J]. 城市规划学刊, 2024.`);
    expect(cited.apa).toBe(`王凯, 赵燕菁, 张京祥, 袁昕, 赵志荣, 王兴平, 于涛方, 王伟, 王富海, 王世福, & 王兰. (2024). ${FORUM}. 城市规划学刊.`);
  });
});

describe('a paragraph citation', () => {
  const ACCESSED = '2025-03-01';

  test('of paragraph 5 of 王凯’s essay adds the paragraph, the access date and its address', () => {
    const page = record('/forum/wang-kai/');
    const at = paragraphLocator(page, 5, ACCESSED);
    const url = `${SITE}/forum/wang-kai/#p5`;
    expect(gbt7714(page.work, at)).toBe(`王凯. 新质生产力与城市规划改革[J/OL]//王凯, 赵燕菁, 张京祥, 等. ${FORUM}. 城市规划学刊, 2024: 第5段[2025-03-01]. ${url}.`);
    expect(apa(page.work, at)).toEqual({
      reference: `王凯. (2024). 新质生产力与城市规划改革 [${FORUM}]. 城市规划学刊. ${url}`,
      inText: '(王凯, 2024, 第5段)',
    });
    expect(bibtex(page.work, at)).toBe(
      [
        '@article{wangkai2024p5,',
        '  author = {{王凯}},',
        '  title = {新质生产力与城市规划改革},',
        '  journal = {城市规划学刊},',
        '  year = {2024},',
        `  series = {${FORUM}},`,
        '  langid = {chinese},',
        '  note = {第5段},',
        `  url = {${url}},`,
        '  urldate = {2025-03-01}',
        '}',
        '',
      ].join('\n'),
    );
  });

  test('of paragraph 3 of section 2 of the paper names the section and links to the section page', () => {
    const page = record('/paper/2/');
    const at = paragraphLocator(page, 3, ACCESSED);
    const url = `${SITE}/paper/2/#p3`;
    expect(gbt7714(page.work, at)).toBe(`马雪松, 柏然. ${PAPER}[J/OL]. 云南社会科学, 2024(1): 第二节第3段[2025-03-01]. ${url}.`);
    expect(apa(page.work, at)).toEqual({
      reference: `马雪松, & 柏然. (2024). ${PAPER}. 云南社会科学, (1). ${url}`,
      inText: '(马雪松 & 柏然, 2024, 第二节第3段)',
    });
    const entry = parseBibtex(bibtex(page.work, at))[0]!;
    expect(entry.key).toBe('maxuesong2024s2p3');
    expect(entry.fields).toMatchObject({ note: '第二节第3段', url, urldate: ACCESSED, number: '1' });
  });

  test('of the editor’s note names it, and cites the forum with the first expert and 等 in the text', () => {
    const page = record('/forum/');
    const at = paragraphLocator(page, 2, ACCESSED);
    expect(gbt7714(page.work, at)).toBe(`王凯, 赵燕菁, 张京祥, 等. ${FORUM}[J/OL]. 城市规划学刊, 2024: 主编按语第2段[2025-03-01]. ${SITE}/forum/#p2.`);
    expect(apa(page.work, at).inText).toBe('(王凯等, 2024, 主编按语第2段)');
  });
});

describe('the citation files', () => {
  const files = listFiles(path.join(DIST, 'cite'));

  test('there is a .bib and a .ris file for the forum, each essay and the paper', () => {
    const keys = [...new Set(files.map((f) => f.replace(/\.(bib|ris)$/, '')))].sort();
    expect(keys.length).toBe(13);
    expect(files).toEqual(keys.flatMap((k) => [`${k}.bib`, `${k}.ris`]));
    expect(keys).toContain('wangkai2024');
    expect(keys).toContain('wangkai2024forum');
    expect(keys).toContain('maxuesong2024');
  });

  test.each(files.filter((f) => f.endsWith('.bib')))('cite/%s parses as one BibTeX @article with its key, names in braces', (file) => {
    const entries = parseBibtex(read(`cite/${file}`));
    expect(entries.length).toBe(1);
    const [entry] = entries;
    expect(entry!.type).toBe('article');
    expect(`${entry!.key}.bib`).toBe(file);
    expect(entry!.key).toMatch(/^[a-z0-9]+$/);
    for (const name of bibNames(entry!.fields.author!)) expect(name, 'a Chinese name protected from splitting').toMatch(/^\{\p{Script=Han}{2,4}\}$/u);
    expect(Object.keys(entry!.fields)).not.toContain('pages');
    expect(Object.keys(entry!.fields)).not.toContain('volume');
  });

  test.each(files.filter((f) => f.endsWith('.ris')))('cite/%s parses as one RIS journal article, names as family, given', (file) => {
    const records = parseRis(read(`cite/${file}`));
    expect(records.length).toBe(1);
    const [record] = records;
    expect(record![0]).toEqual(['TY', 'JOUR']);
    for (const name of risValues(record!, 'AU')) expect(name).toMatch(/^\p{Script=Han}, \p{Script=Han}{1,3}$/u);
    for (const tag of ['SP', 'EP', 'VL', 'DO']) expect(risValues(record!, tag), `${tag}: not in the sources`).toEqual([]);
  });

  test('the .bib of the forum lists the eleven experts in order; its .ris splits each name after the family name', () => {
    const bib = parseBibtex(read('cite/wangkai2024forum.bib'))[0]!;
    expect(bibNames(bib.fields.author!)).toEqual(EXPERTS.map((n) => `{${n}}`));
    expect(bib.fields).not.toHaveProperty('number');
    const ris = parseRis(read('cite/wangkai2024forum.ris'))[0]!;
    expect(risValues(ris, 'AU').slice(0, 3)).toEqual(['王, 凯', '赵, 燕菁', '张, 京祥']);
  });

  test('the .ris of 王凯’s essay names the journal and the forum, and no issue', () => {
    const ris = parseRis(read('cite/wangkai2024.ris'))[0]!;
    expect(ris).toEqual([
      ['TY', 'JOUR'],
      ['AU', '王, 凯'],
      ['TI', '新质生产力与城市规划改革'],
      ['T2', '城市规划学刊'],
      ['T3', FORUM],
      ['PY', '2024'],
      ['LA', 'zh'],
      ['UR', `${SITE}/forum/wang-kai/`],
      ['ER', ''],
    ]);
  });

  test('the .ris of the paper gives both authors and issue 1', () => {
    const ris = parseRis(read('cite/maxuesong2024.ris'))[0]!;
    expect(risValues(ris, 'AU')).toEqual(['马, 雪松', '柏, 然']);
    expect(risValues(ris, 'T2')).toEqual(['云南社会科学']);
    expect(risValues(ris, 'IS')).toEqual(['1']);
    expect(risValues(ris, 'TI')).toEqual([PAPER]);
  });
});
