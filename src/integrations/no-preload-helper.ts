import type { Plugin } from 'vite';

/** The module Vite wraps every dynamic `import()` of the browser code with. */
const HELPER = '\0vite/preload-helper.js';

/**
 * The browser code without Vite's preload helper. The code a page loads
 * later (the paragraph tools, the marks of a search result) has no
 * stylesheet of its own and imports chunks the page has already loaded, so
 * there is nothing to preload; the helper would still cost every page about
 * 0.9 KB (gzip) of the weight that loading that code later saves. With
 * `modulePreload` off, Vite passes the helper no scripts to preload, and
 * this plugin makes the helper a plain call. A stylesheet that a later
 * import would need (Vite then names it in `__vite__mapDeps`) stops the
 * build, rather than being left unloaded.
 */
export default function noPreloadHelper(): Plugin {
  return {
    name: 'no-preload-helper',
    enforce: 'post',
    configEnvironment(name) {
      if (name === 'client') return { build: { modulePreload: false } };
    },
    transform(_code, id) {
      if (id === HELPER) return { code: 'export const __vitePreload = (load) => load();\n', map: null };
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.code.includes('__vite__mapDeps')) {
          this.error(`${chunk.fileName}: a module it imports later needs a stylesheet, which the page would not load; import that stylesheet where the page's own stylesheets are imported`);
        }
      }
    },
  };
}
