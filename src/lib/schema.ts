/**
 * The frontmatter of every generated document. One schema per kind of
 * document; the ingest validates what it writes against these, and
 * `src/content.config.ts` validates what Astro reads.
 */
import { z } from 'astro/zod';
import { PASSAGE_ID } from './registry.ts';

/** Where a document's text stands in its source file (1-based, inclusive). */
export const sourceRangeSchema = z.object({
  /** File name under `content/sources/`. */
  file: z.string(),
  /** First line of the document in the source. */
  from: z.number().int().positive(),
  /** Last line of the document in the source. */
  to: z.number().int().positive(),
});

/** A URL slug: lowercase ASCII words joined by hyphens (`wang-kai`). */
const slugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

/** How many of a document's paragraphs carry a theme. */
export const themeCountSchema = z.object({
  /** Theme id from content/themes.yaml. */
  id: slugSchema,
  /** Number of paragraphs of the document tagged with it. */
  count: z.number().int().positive(),
});

/** What the ingest adds to every document from tagging. */
const taggedFields = {
  /** Themes of the document, most paragraphs first. */
  themes: z.array(themeCountSchema),
  /** The document's top TF-IDF keywords (jieba), stop words and single characters removed. */
  topKeywords: z.array(z.string()),
};

/** One of the editor's three questions and the experts it names. */
export const questionSchema = z.object({
  /** 1, 2 or 3, as printed `(1)`. */
  n: z.number().int().positive(),
  /** The question as printed, without its `(n)` label. */
  text: z.string(),
  /** Slugs of the experts that the discussion under this question names, in the order named. */
  experts: z.array(slugSchema),
});

/** `content/forum/index.md`: the forum as a whole and its editor's note (the body). */
export const forumSchema = z.object({
  kind: z.literal('forum'),
  /** The forum's title as printed: “新质生产力与城乡规划”学术笔谈. */
  title: z.string(),
  /** The journal, from the source manifest. */
  journal: z.string(),
  /** Year of publication, from the source manifest. */
  year: z.number().int(),
  /** The expert names in the order the source lists them (its line 5). */
  experts: z.array(z.string()),
  /** The editor's three questions. */
  questions: z.array(questionSchema),
  /** The closing remark as printed: (排名不分先后,限于篇幅略有删减). */
  remark: z.string(),
  /** The revision date as printed after 修回: (2024-07). */
  revised: z.string(),
  source: sourceRangeSchema,
  ...taggedFields,
});

/** `content/forum/<slug>.md`: one expert's essay. */
export const essaySchema = z.object({
  kind: z.literal('essay'),
  /** Position in the source, 1 to 11. */
  order: z.number().int().positive(),
  /** The essay's title as printed. */
  title: z.string(),
  /** The expert's name in Chinese: 王凯. */
  author: z.string(),
  /** The name in pinyin with tone marks, family name first: Wáng Kǎi. */
  pinyin: z.string(),
  /** Address of the essay: /forum/<slug>/. */
  slug: slugSchema,
  /** The affiliation as printed inside the brackets of the author line. */
  affiliation: z.string(),
  source: sourceRangeSchema,
  ...taggedFields,
});

/** `content/paper/index.md`: the paper's front matter; the body is its introduction. */
export const paperSchema = z.object({
  kind: z.literal('paper'),
  title: z.string(),
  /** Authors in printed order, names without typesetting spaces: 马雪松, 柏然. */
  authors: z.array(z.string()),
  /** The authors' names in pinyin, in the same order, as ASCII slugs: ma-xuesong, bai-ran (for citation keys). */
  authorSlugs: z.array(slugSchema),
  journal: z.string(),
  year: z.number().int(),
  /** The issue number where the source gives it. */
  issue: z.number().int().optional(),
  /**
   * The scraped web page's tag line as printed after 关键词: (国土城市群规划).
   * The page that the source was scraped from printed it; it is not the
   * authors' list of keywords, and the site labels it 网页标签.
   */
  keywords: z.string(),
  /** Number of footnotes across all sections. */
  footnoteCount: z.number().int().nonnegative(),
  source: sourceRangeSchema,
  ...taggedFields,
});

/** `content/paper/<n>.md`: one top-level section; its subsections are `##` headings. */
export const paperSectionSchema = z.object({
  kind: z.literal('paper-section'),
  /** 1, 2 or 3: address /paper/<n>/. */
  n: z.number().int().positive(),
  /** The Chinese ordinal as printed: 一, 二, 三. */
  numeral: z.string(),
  /** The heading text after the ordinal. */
  title: z.string(),
  /** The paper-wide numbers of the first and last footnote in this section (none if it has none). */
  footnotes: z.object({ first: z.number().int(), last: z.number().int() }).optional(),
  source: sourceRangeSchema,
  ...taggedFields,
});

/** A theme in content/themes.yaml. */
export const themeSchema = z.object({
  /** Address of the theme page: /themes/<id>/ (pinyin, lowercase, hyphenated). */
  id: slugSchema,
  /** Chinese name. */
  name: z.string().min(1),
  /** One line saying what the theme gathers. */
  description: z.string().min(1),
  /** Words whose presence tags a paragraph: synonyms and narrower terms. Each must occur in the corpus. */
  terms: z.array(z.string().min(2)).min(1),
});

/** Where a theme term matched in a paragraph. */
export const termMatchSchema = z.object({
  term: z.string(),
  /** Offset (in characters) of the match in the paragraph's plain text. */
  at: z.number().int().nonnegative(),
});

/** One body paragraph (#pN) in content/passages.json. */
export const passageSchema = z.object({
  /** `<doc>:p<n>`, as used by reading lists: wang-kai:p5, paper-2:p3 (src/lib/registry.ts). */
  id: z.string().regex(PASSAGE_ID),
  /** The document key: an expert slug, `forum` (the editor's note), `paper` (the introduction) or `paper-<n>`. */
  doc: slugSchema,
  /** The paragraph number: its anchor is #p<n>. */
  p: z.number().int().positive(),
  /** Source lines it comes from. */
  from: z.number().int().positive(),
  to: z.number().int().positive(),
  /** Plain text, footnote references left out. */
  text: z.string(),
  /** Themes whose terms it contains, with every match. */
  themes: z.array(z.object({ id: slugSchema, matches: z.array(termMatchSchema).min(1) })),
  /** Its keyword candidates (the nouns that the documents' keywords are chosen from), each once, in order of first use: what related passages are matched on. */
  words: z.array(z.string()),
});

export type SourceRange = z.infer<typeof sourceRangeSchema>;
export type Question = z.infer<typeof questionSchema>;
export type ForumMeta = z.infer<typeof forumSchema>;
export type EssayMeta = z.infer<typeof essaySchema>;
export type PaperMeta = z.infer<typeof paperSchema>;
export type PaperSectionMeta = z.infer<typeof paperSectionSchema>;
export type ThemeCount = z.infer<typeof themeCountSchema>;
export type Theme = z.infer<typeof themeSchema>;
export type Passage = z.infer<typeof passageSchema>;
