/**
 * Renders a document as Markdown: YAML frontmatter validated against the
 * site's schema, then the body. Source text is escaped so that nothing in it
 * can become markup; the only markup is what this stage writes.
 */
import { stringify } from 'yaml';
import { essaySchema, forumSchema, paperSchema, paperSectionSchema } from '../../src/lib/schema.ts';
import { IngestError } from './errors.ts';
import type { Block, DocMeta, Inline, TaggedDoc } from './model.ts';

const SCHEMAS = { forum: forumSchema, essay: essaySchema, paper: paperSchema, 'paper-section': paperSectionSchema };

/**
 * Backslash-escapes what Markdown or HTML would read as syntax, including
 * what GFM would turn into links by itself (http://…, www.…, name@host).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~&@]/g, (c) => `\\${c}`)
    .replace(/(?<=[a-z])(:)(?=\/\/)|(?<=www)(\.)/gi, (c) => `\\${c}`)
    .replace(/^(\s*)([#+\-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function renderInline(parts: Inline[]): string {
  return parts.map((p) => (typeof p === 'string' ? escapeMarkdown(p) : `[^${p.note}]`)).join('');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `## ${escapeMarkdown(block.text)}`;
    case 'caption':
      return `<figure class="missing-table"><figcaption>${escapeHtml(block.text)}</figcaption></figure>`;
    case 'paragraph':
      return renderInline(block.parts);
  }
}

/** The front matter; metadata the site's schema would reject stops the ingest at the document's first source line. */
export function renderFrontmatter(meta: DocMeta): string {
  const parsed = SCHEMAS[meta.kind].safeParse(meta);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    const value = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown>)?.[key], meta);
    throw new IngestError(meta.source.file, meta.source.from, `found ${field} ${JSON.stringify(value)} in the ${meta.kind}'s front matter; expected what src/lib/schema.ts allows (${issue.message})`);
  }
  return stringify(parsed.data, { lineWidth: 0 });
}

export function renderDoc(doc: TaggedDoc): string {
  const body = doc.blocks.map(renderBlock);
  const notes = doc.notes.map((n) => `[^${n.n}]: ${escapeMarkdown(n.text)}`);
  return `---\n${renderFrontmatter(doc.meta)}---\n\n${[...body, ...notes].join('\n\n')}\n`;
}
