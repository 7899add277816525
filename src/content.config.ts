import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import { CONTENT_DIR } from './lib/content-dir';
import { readPassagesFile } from './lib/passages';
import { essaySchema, forumSchema, paperSchema, paperSectionSchema, passageSchema, themeSchema } from './lib/schema';

/** The forum as a whole: `content/forum/index.md`, the editor's note. */
const forum = defineCollection({
  loader: glob({ pattern: 'index.md', base: `${CONTENT_DIR}/forum` }),
  schema: forumSchema,
});

/** The 11 essays: every other file in `content/forum/`; the id is the slug. */
const essays = defineCollection({
  loader: glob({ pattern: ['*.md', '!index.md'], base: `${CONTENT_DIR}/forum` }),
  schema: essaySchema,
});

/** The paper's front matter and introduction: `content/paper/index.md`. */
const paper = defineCollection({
  loader: glob({ pattern: 'index.md', base: `${CONTENT_DIR}/paper` }),
  schema: paperSchema,
});

/** The paper's sections: `content/paper/1.md` … ; the id is the section number. */
const sections = defineCollection({
  loader: glob({ pattern: ['*.md', '!index.md'], base: `${CONTENT_DIR}/paper` }),
  schema: paperSectionSchema,
});

/**
 * The themes of themes.yaml; the id is the theme's slug. Entries come back
 * sorted by id, so each keeps its place in the file as `order`.
 */
const themes = defineCollection({
  loader: file(`${CONTENT_DIR}/themes.yaml`, {
    parser: (text) => (parseYaml(text) as Record<string, unknown>[]).map((theme, i) => ({ ...theme, order: i + 1 })),
  }),
  schema: themeSchema.extend({
    /** Place in themes.yaml, from 1. */
    order: z.number().int().positive(),
  }),
});

/** Every body paragraph with its themes and matched terms (written by the ingest); the id is `<doc>:p<n>`. */
const passages = defineCollection({
  loader: () => readPassagesFile(CONTENT_DIR),
  schema: passageSchema,
});

export const collections = { forum, essays, paper, sections, themes, passages };
