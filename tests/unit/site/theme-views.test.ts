import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../src/lib/schema.ts';
import { countByDoc, excerpt, heatLevel, relatedThemes, sentences, topDocs } from '../../../src/lib/theme-views.ts';

const passages = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../content/passages.json'), 'utf8')) as Passage[];
const byId = (id: string) => passages.find((p) => p.id === id)!;

describe('excerpt', () => {
  it('shows 王凯’s sentence on 存量更新 with the term marked and …… where text is left out', () => {
    const p = byId('wang-kai:p4');
    const runs = excerpt(p.text, p.themes.find((t) => t.id === 'cunliang-gengxin')!.matches);
    expect(runs.filter((r) => r.kind === 'term').map((r) => r.text)).toEqual(['存量更新']);
    expect(runs[0]).toEqual({ kind: 'gap', text: '……' });
    const shown = runs.map((r) => r.text).join('');
    expect(shown).toContain('从“扩张发展”到“存量更新”是中国城市发展的基本判断');
    expect(shown.replace(/……/g, '').length).toBeLessThan(p.text.length);
  });

  it('shows, between its gaps, only unbroken stretches of the paragraph, and marks every match', () => {
    for (const p of passages) {
      for (const tag of p.themes) {
        const runs = excerpt(p.text, tag.matches);
        const stretches = runs.map((r) => (r.kind === 'gap' ? '\u0000' : r.text)).join('').split('\u0000').filter(Boolean);
        const broken = stretches.filter((s) => !p.text.includes(s));
        expect(broken, `${p.id} ${tag.id}`).toEqual([]);
        expect(runs.filter((r) => r.kind === 'term').length, `${p.id} ${tag.id}`).toBe(tag.matches.length);
      }
    }
  });

  it('refuses a match that is not where it says it is', () => {
    expect(() => excerpt('城市群一体化。', [{ term: '存量', at: 0 }])).toThrow(/run npm run ingest/);
  });
});

describe('sentences', () => {
  it('cover a paragraph exactly, each ending after its full stop and closing quote', () => {
    const text = '他说：“好。”我们走吧！还有半句';
    expect(sentences(text).map(([a, b]) => text.slice(a, b))).toEqual(['他说：“好。”', '我们走吧！', '还有半句']);
  });
});

describe('counts on the real passages', () => {
  it('puts 王伟 first among those who speak on 存量更新与城市更新, and counts each document once per paragraph', () => {
    const counts = countByDoc(passages, 'cunliang-gengxin');
    expect(topDocs(counts, [...new Set(passages.map((p) => p.doc))])[0]).toEqual({ doc: 'wang-wei', count: 10 });
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(passages.filter((p) => p.themes.some((t) => t.id === 'cunliang-gengxin')).length);
  });

  it('ranks related themes by the paragraphs they share, never the theme itself', () => {
    const related = relatedThemes(passages, 'chengshiqun-dushiquan', []);
    expect(related.map((r) => r.id)).not.toContain('chengshiqun-dushiquan');
    expect(related[0]!.id).toBe('guotu-kongjian-zhili');
    expect(related.map((r) => r.shared)).toEqual([...related.map((r) => r.shared)].sort((a, b) => b - a));
  });

  it('shades table cells by count: empty, 1, 2, 3–4, 5 or more', () => {
    expect([0, 1, 2, 3, 4, 5, 11].map(heatLevel)).toEqual([0, 1, 2, 3, 3, 4, 4]);
  });
});
