/**
 * /list/<doc>.json: what the reading list shows of one page, fetched only for
 * the pages a list draws on: where it is, how to cite it, and the plain text
 * of each paragraph (entry i is #p(i+1)).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { PageCitation } from '../../lib/cite';
import type { ListPage } from '../../lib/reading-list';
import { forBrowser, pageCitations } from '../../lib/citations';
import { passagesByDoc } from '../../lib/passages';
import { url } from '../../lib/site';

/** 王凯《题名》, 马雪松、柏然《题名》, or 《题名》 for the forum, whose editor's note has no named author. */
function sourceName(c: PageCitation, doc: string): string {
  return doc === 'forum' ? `《${c.work.title}》` : `${c.work.authors.map((a) => a.name).join('、')}《${c.work.title}》`;
}

export const getStaticPaths = (async () => {
  const citations = await pageCitations();
  return [...passagesByDoc()].map(([doc, passages]) => {
    const citation = citations.get(doc);
    if (!citation) throw new Error(`content/passages.json: no page for the document key “${doc}”`);
    const first = passages[0]!;
    return {
      params: { doc },
      props: {
        source: sourceName(citation, doc),
        citation: forBrowser(citation),
        href: url(first.url),
        paragraphs: passages.map((p) => p.text),
      } satisfies ListPage,
    };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<ListPage> = ({ props }) =>
  new Response(JSON.stringify(props), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
