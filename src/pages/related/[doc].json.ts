/**
 * /related/<doc>.json: for every paragraph of a page, the paragraphs of other
 * experts and of the paper that discuss the same thing (src/lib/related.ts),
 * fetched only when a reader asks for them in the paragraph tools. The
 * editor's note is not offered as related: it sums the essays up.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { RelatedPage } from '../../lib/related-page';
import { corpusWeights, relatedExcerpt, relatedTo } from '../../lib/related';
import { getDocuments, getPassages, getPassagesByDoc, getThemes } from '../../lib/documents';
import { anchors } from '../../lib/registry';

export const getStaticPaths = (async () => {
  const docs = new Map((await getDocuments()).map((d) => [d.key, d]));
  const themeName = new Map((await getThemes()).map((t) => [t.id, t.name]));
  const passages = await getPassages();
  const byId = new Map(passages.map((p) => [p.id, p]));
  const weights = corpusWeights(passages);
  const speakerOf = (key: string) => docs.get(key)!.speaker;
  const candidates = passages.filter((p) => docs.get(p.doc)!.kind !== 'forum');
  return [...(await getPassagesByDoc())].map(([key, own]) => ({
    params: { doc: key },
    props: {
      paragraphs: own.map((x) =>
        relatedTo(x, candidates, speakerOf, weights).map((r) => {
          const y = byId.get(r.id)!;
          const doc = docs.get(y.doc)!;
          return {
            who: doc.who,
            title: doc.partTitle,
            p: y.p,
            href: `${doc.href}#${anchors.paragraph(y.p)}`,
            excerpt: relatedExcerpt(y, r, weights),
            themes: r.themes.map((id) => themeName.get(id)!),
            words: r.words,
          };
        }),
      ),
    } satisfies RelatedPage,
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<RelatedPage> = ({ props }) =>
  new Response(JSON.stringify(props), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
