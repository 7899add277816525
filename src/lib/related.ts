/**
 * Related passages: for each body paragraph, up to three paragraphs of other
 * speakers (another expert, or the paper) that discuss the same thing.
 * Computed at build time from content/passages.json, where the ingest keeps
 * each paragraph's themes and its words (the nouns jieba finds in it, the
 * same candidates the documents' keywords are chosen from).
 *
 * A paragraph is described by its themes and its words together, each
 * weighted by its inverse frequency across all paragraphs: a word or theme
 * that few paragraphs have counts much when two share it, one that is
 * everywhere (新质生产力, 城市, 发展) little. Themes count THEME_BOOST times
 * their weight, because sharing one means sharing a subject, not only a word.
 * Two paragraphs are as related as the cosine of their two descriptions.
 * Pure functions, so that they can be tested on the corpus without Astro.
 */
import type { Passage } from './schema.ts';
import { excerpt, sentences, type Run } from './theme-views.ts';

/** How many times its inverse frequency a theme weighs, against a word's. */
export const THEME_BOOST = 2;
/** Below this score a paragraph is not offered as related (docs/features.md, “Related passages”, says how it was chosen). */
export const MIN_SCORE = 0.1;
/** At most this many related paragraphs per paragraph. */
export const MAX_RELATED = 3;
/** How many of the shared words a related paragraph names, weightiest first. */
const SHOWN_WORDS = 4;

/** For each key, log(number of sets / number of sets holding it). */
export function inverseFrequencies(sets: readonly (readonly string[])[]): Map<string, number> {
  const holding = new Map<string, number>();
  for (const set of sets) for (const key of new Set(set)) holding.set(key, (holding.get(key) ?? 0) + 1);
  return new Map([...holding].map(([key, n]) => [key, Math.log(sets.length / n)]));
}

/** The weighted cosine of two sets, and what they share, weightiest first (ties in code-point order). */
export function weightedCosine(x: readonly string[], y: readonly string[], weight: ReadonlyMap<string, number>): { score: number; shared: string[] } {
  const w = (k: string) => weight.get(k) ?? 0;
  const [setX, setY] = [new Set(x), new Set(y)];
  const length = (set: Set<string>) => Math.sqrt([...set].reduce((sum, k) => sum + w(k) ** 2, 0));
  const shared = [...setX].filter((k) => setY.has(k)).sort((a, b) => w(b) - w(a) || (a < b ? -1 : 1));
  const norm = length(setX) * length(setY);
  return { score: norm === 0 ? 0 : shared.reduce((sum, k) => sum + w(k) ** 2, 0) / norm, shared };
}

/** Theme ids are kept apart from words in a description by this prefix, which no word has. */
const THEME = '#';

/** The weight of every theme (boosted) and word of the corpus, keyed as descriptions hold them. */
export function corpusWeights(passages: readonly Passage[]): Map<string, number> {
  const themes = inverseFrequencies(passages.map((p) => p.themes.map((t) => t.id)));
  const words = inverseFrequencies(passages.map((p) => p.words));
  return new Map([...[...themes].map(([id, w]): [string, number] => [THEME + id, THEME_BOOST * w]), ...words]);
}

const describe = (p: Passage) => [...p.themes.map((t) => THEME + t.id), ...p.words];

/** A paragraph related to another, and why: the themes and the weightiest words they share. */
export interface Relation {
  id: string;
  score: number;
  /** Shared theme ids, weightiest first. */
  themes: string[];
  /** Up to SHOWN_WORDS shared words, weightiest first. */
  words: string[];
}

/** How related paragraph y is to x, and what they share. */
export function relation(x: Passage, y: Passage, weights: ReadonlyMap<string, number>): Relation {
  const { score, shared } = weightedCosine(describe(x), describe(y), weights);
  return {
    id: y.id,
    score,
    themes: shared.filter((k) => k.startsWith(THEME)).map((k) => k.slice(THEME.length)),
    words: shared.filter((k) => !k.startsWith(THEME)).slice(0, SHOWN_WORDS),
  };
}

/**
 * The paragraphs related to `x`: of the candidates whose speaker is not x's,
 * the best-scoring one of each speaker, best first, at most MAX_RELATED,
 * none under MIN_SCORE. Ties go to the candidate given first (reading order).
 */
export function relatedTo(x: Passage, candidates: readonly Passage[], speakerOf: (doc: string) => string, weights: ReadonlyMap<string, number>): Relation[] {
  const own = speakerOf(x.doc);
  const scored = candidates
    .filter((y) => speakerOf(y.doc) !== own)
    .map((y, i) => ({ speaker: speakerOf(y.doc), r: relation(x, y, weights), i }))
    .filter(({ r }) => r.score >= MIN_SCORE)
    .sort((p, q) => q.r.score - p.r.score || p.i - q.i);
  const speakers = new Set<string>();
  const out: Relation[] = [];
  for (const { speaker, r } of scored) {
    if (out.length === MAX_RELATED) break;
    if (speakers.has(speaker)) continue;
    speakers.add(speaker);
    out.push(r);
  }
  return out;
}

/** Every place in text where one of the words occurs, longer words first where two start together. */
function occurrences(text: string, words: readonly string[]): { term: string; at: number }[] {
  const found: { term: string; at: number }[] = [];
  for (const term of [...words].sort((a, b) => b.length - a.length)) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) found.push({ term, at });
  }
  return found;
}

/**
 * What a reader is shown of a related paragraph: the sentence that holds the
 * most of what the two share (its theme terms and shared words, by weight;
 * the first such sentence on a tie), with those marked, and …… for the rest.
 */
export function relatedExcerpt(y: Passage, r: Relation, weights: ReadonlyMap<string, number>): Run[] {
  const terms = [...new Set([...y.themes.filter((t) => r.themes.includes(t.id)).flatMap((t) => t.matches.map((m) => m.term)), ...r.words])];
  const found = occurrences(y.text, terms);
  const worth = ([start, end]: [number, number]) => found.filter((m) => m.at >= start && m.at < end).reduce((sum, m) => sum + (weights.get(m.term) ?? 1), 0);
  const all = sentences(y.text);
  const best = all.reduce((b, s) => (worth(s) > worth(b) ? s : b), all[0] ?? [0, y.text.length]);
  return excerpt(y.text, found.filter((m) => m.at >= best[0] && m.at < best[1]));
}
