/** /cite/<key>.bib: one work's BibTeX entry, to download from its cite panel. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { bibtex, type Work } from '../../lib/citation-styles';
import { works } from '../../lib/works';

export const getStaticPaths = (async () =>
  (await works()).map((work) => ({ params: { key: work.key }, props: { work } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ work: Work }> = ({ props }) =>
  new Response(bibtex(props.work), { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
