/**
 * The experts' names in the editor's note become links to their essays
 * (src/plugins/rehype-expert-links.ts): which names, where, and what the
 * plugin says when an essay's front matter is not what the ingest writes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { linkNames, readExperts } from '../../src/plugins/rehype-expert-links.ts';
import { expectedEssays } from '../helpers/corpus.ts';

const CONTENT = join(import.meta.dirname, '../../content');
const text = (value: string): ElementContent => ({ type: 'text', value });
const href = (slug: string) => `${slug}/`;
/** The children as a reader would see them, links in [text](href) form. */
const show = (nodes: ElementContent[]): string =>
  nodes
    .map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? (n.tagName === 'a' ? `[${show(n.children)}](${String(n.properties.href)})` : show(n.children)) : ''))
    .join('');

describe('readExperts', () => {
  it('reads every essay’s expert and address from content/forum/, as the source names them', () => {
    const read = readExperts(join(CONTENT, 'forum'));
    expect(new Map(read.map((e) => [e.name, e.slug]))).toEqual(new Map(expectedEssays().map((e) => [e.name, e.slug])));
  });

  it('names the file of an essay whose front matter lacks its author', () => {
    const dir = mkdtempSync(join(tmpdir(), 'experts-'));
    try {
      writeFileSync(join(dir, 'wang-kai.md'), '---\nkind: essay\nslug: wang-kai\n---\n\ntext\n');
      expect(() => readExperts(dir)).toThrow(`${join(dir, 'wang-kai.md')}:1: expected front matter with an author and a slug`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('linkNames', () => {
  const experts = [
    { name: '王兴平', slug: 'wang-xingping' },
    { name: '王兴', slug: 'wang-xing' },
    { name: '王兰', slug: 'wang-lan' },
  ];

  it('links every name where the text has it, with the title that follows left as text', () => {
    expect(show(linkNames([text('王兰院长从双向作用出发，王兰认为')], experts, href))).toBe('[王兰](wang-lan/)院长从双向作用出发，[王兰](wang-lan/)认为');
  });

  it('takes the longer name where one name begins another', () => {
    expect(show(linkNames([text('王兴平教授立足城市运行逻辑')], experts, href))).toBe('[王兴平](wang-xingping/)教授立足城市运行逻辑');
  });

  it('leaves a link already there alone, and looks inside other elements', () => {
    const nodes: ElementContent[] = [
      { type: 'element', tagName: 'a', properties: { href: '#p1', className: ['pnum'] }, children: [text('1')] },
      { type: 'element', tagName: 'strong', properties: {}, children: [text('王兰')] },
    ];
    expect(show(linkNames(nodes, experts, href))).toBe('[1](#p1)[王兰](wang-lan/)');
  });

  it('returns text without names as it was', () => {
    const nodes = [text('新质生产力')];
    expect(linkNames(nodes, experts, href)).toEqual(nodes);
  });
});
