/**
 * The folder the site is built from: `./content`, or the folder named by the
 * CONTENT_DIR environment variable, so that a test can build the site from
 * other generated documents (a hostile fixture) without touching content/.
 * Read at build time only (Node), never in the browser.
 */
export const CONTENT_DIR = process.env.CONTENT_DIR ?? './content';
