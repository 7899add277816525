/** Paths the tools and the tests share. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root (the folder with package.json). */
export const ROOT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The built site; `npm test` builds it before vitest runs. TEST_DIST points the tests at another build. */
export const DIST = path.resolve(ROOT, process.env.TEST_DIST ?? 'dist');

/** The verbatim source texts. */
export const SOURCES = path.join(ROOT, 'content', 'sources');

/** Scratch output of the tests (screenshots); git ignores it. */
export const OUTPUT = path.join(ROOT, 'tests', '.output');
