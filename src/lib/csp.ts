/**
 * The Content-Security-Policy of the site, in one place. Every page declares
 * it in a `<meta http-equiv>` (Base.astro); `public/_headers` sends it as a
 * header too, with `frame-ancestors`, which a `<meta>` cannot carry (a build
 * test keeps the two in step).
 *
 * Nothing is allowed inline: no inline `<script>` or `<style>`, no `style`
 * attributes, no event-handler attributes. Scripts and styles are files under
 * the site's own origin, and no web font is ever loaded (no `font-src`).
 * `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly, and the search
 * worker that runs it is a file of the site (`/_astro/worker-….js`), hence
 * `worker-src 'self'`.
 *
 * Trusted Types: the browser refuses a plain string to every sink that turns
 * text into markup or code (`innerHTML`, `insertAdjacentHTML`, a script's
 * `src`, `new Worker(url)`, …). The site's scripts build the DOM from nodes
 * and text. One policy may be made, once: SEARCH_WORKER_POLICY, with which
 * the search page vouches for its worker's address and for nothing else
 * (src/client/search/page.ts); any other policy is refused.
 */

/** The name of the one Trusted Types policy: the search page's, for its worker's address. */
export const SEARCH_WORKER_POLICY = 'search-worker';

export type Directives = Readonly<Record<string, readonly string[]>>;

/** The policy every page declares. */
export const CSP_DIRECTIVES: Directives = {
  'default-src': ["'none'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'require-trusted-types-for': ["'script'"],
  'trusted-types': [SEARCH_WORKER_POLICY],
};

/** Directives that only a header can set: browsers ignore them in a `<meta>`. */
export const HEADER_ONLY_DIRECTIVES: Directives = {
  'frame-ancestors': ["'none'"],
};

/** `a 'x' 'y'; b 'z'`: the text of a policy. */
export function serializePolicy(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** The policy as the pages' `<meta http-equiv="content-security-policy">` states it. */
export const CSP_META = serializePolicy(CSP_DIRECTIVES);

/** The policy as the `Content-Security-Policy` header states it (public/_headers). */
export const CSP_HEADER = serializePolicy({ ...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES });
