/**
 * Two essays side by side, aligned by theme (the /compare/<a>/<b>/ pages).
 * Pure functions over the tagged passages of content/passages.json, so that
 * they can be tested on the corpus without Astro.
 *
 * Every passage of the two essays is shown once, in full. A passage that
 * carries a theme both essays discuss is placed under the one of those
 * themes it is most about (see placeOf); the passages left, whose themes the
 * other essay never touches, follow as what only one of them discusses.
 */
import type { Passage } from './schema.ts';
import { anchors } from './registry.ts';

/** A passage's id on a compare page, for links between its rows: `wang-kai-p3` (not an address to cite: that is the paragraph's own, #p3). */
export const compareAnchor = (p: Pick<Passage, 'doc' | 'p'>) => `${p.doc}-${anchors.paragraph(p.p)}`;

/** Every pair of the given keys, each once, in the given order: [a, b] with a before b. */
export function pairsOf<T>(keys: readonly T[]): [T, T][] {
  return keys.flatMap((a, i) => keys.slice(i + 1).map((b): [T, T] => [a, b]));
}

/** Two keys in the given order (the forum's): the pair's page is /compare/<first>/<second>/. */
export function inOrder(a: string, b: string, order: readonly string[]): [string, string] {
  const [i, j] = [order.indexOf(a), order.indexOf(b)];
  if (i < 0 || j < 0) throw new Error(`no essay has the key “${i < 0 ? a : b}”`);
  return i <= j ? [a, b] : [b, a];
}

/**
 * The theme, of those given, that a passage is most about: the most matched
 * terms, each counted by the theme's weight; ties go to the theme listed
 * first in `order` (content/themes.yaml). None if it carries none of them.
 * The weights are the themes' inverse frequencies (related.ts): 新质生产力, the
 * forum's subject, is in most paragraphs and weighs little; 城市群 weighs much.
 */
export function placeOf(passage: Passage, among: ReadonlySet<string>, weights: ReadonlyMap<string, number>, order: readonly string[]): string | undefined {
  const score = (t: Passage['themes'][number]) => t.matches.length * (weights.get(t.id) ?? 0);
  return passage.themes
    .filter((t) => among.has(t.id))
    .sort((x, y) => score(y) - score(x) || order.indexOf(x.id) - order.indexOf(y.id))[0]?.id;
}

/** One theme both essays discuss: the passages placed under it, and the others on it, placed under another theme. */
export interface ThemeRow {
  theme: string;
  a: Passage[];
  b: Passage[];
  /** Passages of a (of b) that carry this theme but are placed, and shown, under another. */
  aElsewhere: Passage[];
  bElsewhere: Passage[];
}

export interface Alignment {
  /** The themes both discuss, in `order`. */
  shared: string[];
  /** A row for each shared theme that has a passage placed under it, in `order`. */
  rows: ThemeRow[];
  /** The passages of a (of b) on none of the shared themes, in reading order. */
  onlyA: Passage[];
  onlyB: Passage[];
  /** The themes only a (only b) discusses, in `order`. */
  onlyThemesA: string[];
  onlyThemesB: string[];
}

const themesOf = (passages: readonly Passage[]) => new Set(passages.flatMap((p) => p.themes.map((t) => t.id)));

/**
 * Aligns the passages of two essays (each in reading order) by the themes
 * they share. Each passage is first placed under the shared theme it is most
 * about. Then, while a shared theme lacks the passages of one essay (or of
 * both), a passage of that essay that also carries the theme moves there from
 * a theme where the essay keeps another passage: so that as many themes as
 * possible show the two essays facing each other, and none loses that.
 */
export function align(a: readonly Passage[], b: readonly Passage[], weights: ReadonlyMap<string, number>, order: readonly string[]): Alignment {
  const [themesA, themesB] = [themesOf(a), themesOf(b)];
  const shared = order.filter((t) => themesA.has(t) && themesB.has(t));
  const sharedSet = new Set(shared);
  const place = new Map([...a, ...b].map((p) => [p.id, placeOf(p, sharedSet, weights, order)]));
  const carries = (p: Passage, theme: string) => p.themes.some((t) => t.id === theme);
  const placed = (side: readonly Passage[], theme: string) => side.filter((p) => place.get(p.id) === theme);

  /** A passage of `side` that carries the theme and is placed under another one where `side` keeps a passage without it. */
  const spare = (side: readonly Passage[], theme: string) =>
    side.find((p) => {
      const from = place.get(p.id);
      return from !== undefined && from !== theme && carries(p, theme) && placed(side, from).length > 1;
    });
  for (let moved = true; moved; ) {
    moved = false;
    for (const theme of shared) {
      const [needA, needB] = [placed(a, theme).length === 0, placed(b, theme).length === 0];
      if (!needA && !needB) continue;
      const [fromA, fromB] = [needA ? spare(a, theme) : undefined, needB ? spare(b, theme) : undefined];
      if ((needA && !fromA) || (needB && !fromB)) continue;
      for (const p of [fromA, fromB]) if (p) place.set(p.id, theme);
      moved = true;
    }
  }

  const rows = shared
    .map((theme) => ({
      theme,
      a: placed(a, theme),
      b: placed(b, theme),
      aElsewhere: a.filter((p) => carries(p, theme) && place.get(p.id) !== theme),
      bElsewhere: b.filter((p) => carries(p, theme) && place.get(p.id) !== theme),
    }))
    .filter((row) => row.a.length + row.b.length > 0);
  return {
    shared,
    rows,
    onlyA: a.filter((p) => place.get(p.id) === undefined),
    onlyB: b.filter((p) => place.get(p.id) === undefined),
    onlyThemesA: order.filter((t) => themesA.has(t) && !themesB.has(t)),
    onlyThemesB: order.filter((t) => themesB.has(t) && !themesA.has(t)),
  };
}
