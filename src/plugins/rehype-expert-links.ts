import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { CONTENT_DIR } from '../lib/content-dir.ts';
import { docPath } from '../lib/registry.ts';

export interface Options {
  /** The folder the site is built from; the essays are its `forum/*.md`. */
  contentDir?: string;
}

/** An expert as the essays' front matter names them. */
export interface Expert {
  name: string;
  slug: string;
}

/**
 * Links the experts' names in the editor's note to their essays. The note
 * names each expert as the essay's front matter prints the name (王凯院长,
 * 赵燕菁教授 …); every occurrence in a body paragraph becomes a link to
 * `/forum/<slug>/`. Only the note (front matter `kind: forum`) is touched.
 *
 * The links are relative to the note's page (`wang-kai/` from `/forum/`), so
 * they hold under any base the site is built for, however it is given.
 */
export default function rehypeExpertLinks({ contentDir = CONTENT_DIR }: Options = {}) {
  let experts: Expert[] | undefined;
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: { kind?: unknown } } }).astro?.frontmatter;
    if (frontmatter?.kind !== 'forum') return;
    experts ??= readExperts(path.join(contentDir, 'forum'));
    const href = (slug: string) => `${path.posix.relative(docPath({ kind: 'forum' }), docPath({ kind: 'essay', slug }))}/`;
    for (const node of tree.children) {
      if (node.type === 'element' && node.tagName === 'p') node.children = linkNames(node.children, experts, href);
    }
  };
}

/** The experts of the essays in `folder` (every `*.md` but index.md), from their front matter's `author` and `slug`. */
export function readExperts(folder: string): Expert[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.md') && f !== 'index.md')
    .sort()
    .map((f) => {
      const file = path.join(folder, f);
      const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))?.[1];
      const data = (front === undefined ? undefined : parseYaml(front)) as { author?: unknown; slug?: unknown } | undefined;
      if (typeof data?.author !== 'string' || typeof data.slug !== 'string') {
        throw new Error(`${file}:1: expected front matter with an author and a slug (an essay written by npm run ingest)`);
      }
      return { name: data.author, slug: data.slug };
    });
}

/** The children with every expert's name in their text made a link; text inside links is left alone. */
export function linkNames(children: ElementContent[], experts: readonly Expert[], href: (slug: string) => string): ElementContent[] {
  // Longest names first, so that no name is found inside a longer one.
  const names = [...experts].sort((a, b) => b.name.length - a.name.length);
  if (names.length === 0) return children;
  const pattern = new RegExp(names.map((e) => e.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const slugOf = new Map(experts.map((e) => [e.name, e.slug]));
  return children.flatMap((child): ElementContent[] => {
    if (child.type === 'text') return splitText(child, pattern, (name) => link(name, href(slugOf.get(name)!)));
    if (child.type === 'element' && child.tagName !== 'a') return [{ ...child, children: linkNames(child.children, experts, href) }];
    return [child];
  });
}

function splitText(node: Text, pattern: RegExp, linkTo: (name: string) => Element): ElementContent[] {
  const out: ElementContent[] = [];
  let at = 0;
  for (const m of node.value.matchAll(pattern)) {
    if (m.index > at) out.push({ type: 'text', value: node.value.slice(at, m.index) });
    out.push(linkTo(m[0]));
    at = m.index + m[0].length;
  }
  if (at === 0) return [node];
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}

function link(name: string, href: string): Element {
  return { type: 'element', tagName: 'a', properties: { href, className: ['expert-link'] }, children: [{ type: 'text', value: name }] };
}
