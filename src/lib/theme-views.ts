/**
 * What the theme views show, computed from the passages the ingest tagged
 * (content/passages.json): excerpts with the matched terms marked, counts per
 * document, related themes and the experts who say most. Pure functions, so
 * that they can be tested on the corpus without Astro.
 */
import type { Passage } from './schema';

type TermMatch = Passage['themes'][number]['matches'][number];

/** A run of an excerpt: plain text, a matched theme term, or the mark of left-out text (……). */
export interface Run {
  kind: 'text' | 'term' | 'gap';
  text: string;
}

/** A sentence ends after 。！？； (or their half-width forms) and any closing quotes or brackets. */
const SENTENCE = /[^。！？；!?;]+(?:[。！？；!?;]+[”’」』）)》]*)?|[。！？；!?;]+[”’」』）)》]*/g;

/** The sentences of a text as [start, end) offsets; together they cover it exactly. */
export function sentences(text: string): [number, number][] {
  return [...text.matchAll(SENTENCE)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * The sentences of a paragraph that hold a match, with every match marked.
 * Sentences next to each other stay together; text left out is shown as ……,
 * so a reader sees each term in its sentence and where the excerpt skips.
 */
export function excerpt(text: string, matches: TermMatch[]): Run[] {
  for (const { term, at } of matches) {
    if (text.slice(at, at + term.length) !== term) {
      throw new Error(`term ${term} is not at offset ${at} of the passage “${text.slice(0, 24)}…”; run npm run ingest`);
    }
  }
  const kept = sentences(text).filter(([start, end]) => matches.some((m) => m.at >= start && m.at < end));
  const spans: [number, number][] = [];
  for (const [start, end] of kept) {
    const last = spans.at(-1);
    if (last && last[1] === start) last[1] = end;
    else spans.push([start, end]);
  }
  const runs: Run[] = [];
  let shown = 0;
  for (const [start, end] of spans) {
    if (start > shown) runs.push({ kind: 'gap', text: '……' });
    runs.push(...marked(text, start, end, matches));
    shown = end;
  }
  if (shown < text.length) runs.push({ kind: 'gap', text: '……' });
  return runs;
}

/** text[start, end) as runs, the matches inside it marked. */
export function marked(text: string, start: number, end: number, matches: TermMatch[]): Run[] {
  const inside = matches.filter((m) => m.at >= start && m.at < end).sort((a, b) => a.at - b.at);
  const runs: Run[] = [];
  let at = start;
  for (const m of inside) {
    if (m.at < at) continue; // overlaps the previous match (jieba's tokens never do)
    if (m.at > at) runs.push({ kind: 'text', text: text.slice(at, m.at) });
    runs.push({ kind: 'term', text: m.term });
    at = m.at + m.term.length;
  }
  if (end > at) runs.push({ kind: 'text', text: text.slice(at, end) });
  return runs;
}

/** The matches of one theme in a passage; none if the passage does not carry it. */
export function matchesOf(passage: Passage, themeId: string): TermMatch[] {
  return passage.themes.find((t) => t.id === themeId)?.matches ?? [];
}

/** The passages that carry a theme, in the order given. */
export function passagesOf(passages: Passage[], themeId: string): Passage[] {
  return passages.filter((p) => p.themes.some((t) => t.id === themeId));
}

/** How many paragraphs of each document carry the theme (documents without any are left out). */
export function countByDoc(passages: Passage[], themeId: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of passagesOf(passages, themeId)) counts.set(p.doc, (counts.get(p.doc) ?? 0) + 1);
  return counts;
}

/** How often each term of the theme matched, most first (ties in the theme's own order). */
export function termCounts(passages: Passage[], themeId: string, terms: string[]): { term: string; count: number }[] {
  const counts = new Map(terms.map((t) => [t, 0]));
  for (const p of passages) for (const m of matchesOf(p, themeId)) counts.set(m.term, (counts.get(m.term) ?? 0) + 1);
  return [...counts].map(([term, count]) => ({ term, count })).sort((a, b) => b.count - a.count || terms.indexOf(a.term) - terms.indexOf(b.term));
}

/**
 * The themes that share most paragraphs with this one, most first; ties in
 * the order of `themeIds` (the order of content/themes.yaml).
 */
export function relatedThemes(passages: Passage[], themeId: string, themeIds: string[]): { id: string; shared: number }[] {
  const shared = new Map<string, number>();
  for (const p of passagesOf(passages, themeId)) {
    for (const t of p.themes) if (t.id !== themeId) shared.set(t.id, (shared.get(t.id) ?? 0) + 1);
  }
  const order = (id: string) => themeIds.indexOf(id);
  return [...shared].map(([id, n]) => ({ id, shared: n })).sort((a, b) => b.shared - a.shared || order(a.id) - order(b.id));
}

/**
 * The documents (of those given, in reading order) with the most paragraphs
 * on the theme, most first; ties keep reading order.
 */
export function topDocs(counts: Map<string, number>, docsInOrder: string[]): { doc: string; count: number }[] {
  return docsInOrder
    .filter((doc) => counts.has(doc))
    .map((doc) => ({ doc, count: counts.get(doc)! }))
    .sort((a, b) => b.count - a.count);
}

/** The shade of a table cell: 0 (empty), 1, 2, 3 (3–4 paragraphs) or 4 (5 or more). */
export function heatLevel(count: number): 0 | 1 | 2 | 3 | 4 {
  if (count <= 0) return 0;
  if (count <= 2) return count as 1 | 2;
  return count <= 4 ? 3 : 4;
}

/** The counts each shade stands for, for the table's legend. */
export const HEAT_LEGEND = [
  { level: 1, label: '1段' },
  { level: 2, label: '2段' },
  { level: 3, label: '3–4段' },
  { level: 4, label: '5段以上' },
] as const;
