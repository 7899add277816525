import { describe, expect, it } from 'vitest';
import { markdownText } from '../../../scripts/ingest/fidelity.ts';
import type { TaggedDoc as Doc } from '../../../scripts/ingest/model.ts';
import { escapeMarkdown, renderDoc } from '../../../scripts/ingest/render.ts';
import { ingestError } from './helpers.ts';

const essay = (blocks: Doc['blocks'], notes: Doc['notes'] = []): Doc => ({
  path: 'forum/jia-yi.md',
  meta: {
    kind: 'essay', order: 1, title: '标题', author: '甲乙', pinyin: 'Jiǎ Yǐ', slug: 'jia-yi', affiliation: '某院',
    source: { file: 'f.txt', from: 1, to: 9 },
    themes: [{ id: 'cunliang-gengxin', count: 1 }],
    topKeywords: ['城市'],
  },
  blocks,
  notes,
});

describe('renderDoc', () => {
  it('writes frontmatter, ## headings, paragraphs and GFM footnotes with paper-wide labels', () => {
    const md = renderDoc(essay(
      [
        { kind: 'heading', text: '1. 小节', line: 3 },
        { kind: 'paragraph', parts: ['正文。', { note: 12 }, '继续。'], from: 5, to: 5 },
        { kind: 'caption', text: '表1 某表', line: 7 },
      ],
      [{ n: 12, text: '王五:《书》,第1 页。', line: 5 }],
    ));
    expect(md).toBe(`---
kind: essay
order: 1
title: 标题
author: 甲乙
pinyin: Jiǎ Yǐ
slug: jia-yi
affiliation: 某院
source:
  file: f.txt
  from: 1
  to: 9
themes:
  - id: cunliang-gengxin
    count: 1
topKeywords:
  - 城市
---

## 1\\. 小节

正文。[^12]继续。

<figure class="missing-table"><figcaption>表1 某表</figcaption></figure>

[^12]: 王五:《书》,第1 页。
`);
  });

  it('refuses metadata that the schema rejects, naming the source line, the field and its value', () => {
    const bad = essay([]);
    (bad.meta as { slug: string }).slug = '王凯';
    expect(ingestError(() => renderDoc(bad)).message).toMatch(/^f\.txt:1: found slug "王凯" in the essay's front matter; expected what src\/lib\/schema\.ts allows \(.+\)$/);
  });

  it.each([
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '{{ title }} 与 [^1] 与 [链接](http://example.com)',
    '---',
    '# 不是标题',
    '1. 不是列表',
    '2) 也不是列表',
    '- 不是列表项',
    '> 不是引用',
    '*强调* __粗体__ `代码` ~~删除~~ | 表格 |',
    '&amp; &lt; \\ 反斜杠',
    '见 http://example.com/a_b?c=1&d=2 与 www.example.com 与 editor@example.com。',
  ])('keeps %s as text: it reads back unchanged', (text) => {
    const md = renderDoc(essay([{ kind: 'paragraph', parts: [text], from: 2, to: 2 }]));
    expect(markdownText(md)).toBe(text);
  });

  it('escapes only what Markdown would read as syntax', () => {
    expect(escapeMarkdown('城市群(Manuel Castells)。')).toBe('城市群(Manuel Castells)。');
    expect(escapeMarkdown('1.空间升级效应。')).toBe('1\\.空间升级效应。');
  });
});
