/**
 * /list/<doc>.json: what the reading list shows of one page, fetched only for
 * the pages a list draws on: where it is, how to cite it, and the plain text
 * of each paragraph (entry i is #p(i+1)).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { ListPage } from '../../lib/list-page';
import { forBrowser, pageCitations } from '../../lib/works';
import { getDocuments, getPassagesByDoc, type SiteDoc } from '../../lib/documents';

/** 王凯《题名》, 马雪松、柏然《题名》, or 《题名》 for the editor's note, which has no named author. */
function sourceName(doc: SiteDoc, workTitle: string): string {
  return `${doc.authors.join('、')}《${workTitle}》`;
}

export const getStaticPaths = (async () => {
  const citations = await pageCitations();
  const passages = await getPassagesByDoc();
  return (await getDocuments()).map((doc) => {
    const citation = citations.get(doc.key)!;
    return {
      params: { doc: doc.key },
      props: {
        source: sourceName(doc, citation.work.title),
        citation: forBrowser(citation),
        href: doc.href,
        paragraphs: (passages.get(doc.key) ?? []).map((p) => p.text),
      } satisfies ListPage,
    };
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<ListPage> = ({ props }) =>
  new Response(JSON.stringify(props), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
