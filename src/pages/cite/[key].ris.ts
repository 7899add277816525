/** /cite/<key>.ris: one work's RIS record (EndNote, Zotero, Mendeley), to download from its cite panel. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { ris, type Work } from '../../lib/citation-styles';
import { works } from '../../lib/works';

export const getStaticPaths = (async () =>
  (await works()).map((work) => ({ params: { key: work.key }, props: { work } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ work: Work }> = ({ props }) =>
  new Response(ris(props.work), { headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' } });
