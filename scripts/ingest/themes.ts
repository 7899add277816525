/** Reads content/themes.yaml and checks it, naming the line of anything wrong. */
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { themeSchema, type Theme } from '../../src/lib/schema.ts';
import { IngestError } from './errors.ts';

export interface ThemeSource {
  theme: Theme;
  /** Line of the theme's entry, and of each term, for error messages. */
  line: number;
  termLines: Map<string, number>;
}

export function parseThemes(file: string, text: string): ThemeSource[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const lineAt = (offset: number | undefined) => lineCounter.linePos(offset ?? 0).line;
  if (doc.errors.length) throw new IngestError(file, lineAt(doc.errors[0]!.pos[0]), `not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  if (!isSeq(doc.contents)) throw new IngestError(file, 1, 'expected a list of themes');
  const seen = new Set<string>();
  return doc.contents.items.map((item) => {
    const line = lineAt(isMap(item) ? item.range?.[0] : undefined);
    const parsed = themeSchema.safeParse(isMap(item) ? item.toJSON() : item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new IngestError(file, line, `theme ${issue.path.join('.') || ''}: ${issue.message}; expected id (pinyin slug), name, description and terms (two or more characters each)`);
    }
    const theme = parsed.data;
    if (seen.has(theme.id)) throw new IngestError(file, line, `a second theme with id ${theme.id}; expected unique ids`);
    seen.add(theme.id);
    const termLines = new Map<string, number>();
    const terms = isMap(item) ? item.get('terms', true) : undefined;
    if (isSeq(terms)) {
      for (const node of terms.items) termLines.set(String((node as { value?: unknown }).value), lineAt((node as { range?: [number] }).range?.[0]));
    }
    for (const term of theme.terms) {
      if (theme.terms.indexOf(term) !== theme.terms.lastIndexOf(term)) {
        throw new IngestError(file, termLines.get(term) ?? line, `term ${term} is listed twice in theme ${theme.id}`);
      }
    }
    return { theme, line, termLines };
  });
}
