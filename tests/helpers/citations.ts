/**
 * Readers of the citation formats, written for the tests from the formats'
 * descriptions (not from the site's code): a BibTeX parser that honours
 * nested braces, and an RIS reader that checks the line format.
 */

export interface BibEntry {
  type: string;
  key: string;
  fields: Record<string, string>;
}

/** Parses BibTeX entries `@type{key, name = {value} | "value" | 123, …}`; throws at the first thing it cannot read. */
export function parseBibtex(text: string): BibEntry[] {
  const entries: BibEntry[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new Error(`BibTeX, offset ${i}: expected ${what}, found “${text.slice(i, i + 20)}”`);
  };
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const take = (re: RegExp, what: string) => {
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m || m.index !== i) fail(what);
    i += m![0].length;
    return m![0];
  };
  const braced = () => {
    let depth = 0;
    const start = i;
    do {
      const c = text[i];
      if (c === undefined) fail('a closing brace');
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      i++;
    } while (depth > 0);
    return text.slice(start + 1, i - 1);
  };
  for (skip(); i < text.length; skip()) {
    take(/@/y, '@');
    const type = take(/[A-Za-z]+/y, 'an entry type').toLowerCase();
    skip();
    take(/\{/y, '{');
    skip();
    const key = take(/[^\s,{}]+/y, 'a key');
    skip();
    const fields: Record<string, string> = {};
    while (text[i] === ',') {
      i++;
      skip();
      if (text[i] === '}') break;
      const name = take(/[A-Za-z][\w-]*/y, 'a field name').toLowerCase();
      skip();
      take(/=/y, '=');
      skip();
      if (name in fields) fail(`field ${name} once`);
      fields[name] = text[i] === '{' ? braced() : text[i] === '"' ? take(/"[^"]*"/y, 'a quoted value').slice(1, -1) : take(/\d+/y, 'a value');
      skip();
    }
    take(/\}/y, '} closing the entry');
    entries.push({ type, key, fields });
  }
  return entries;
}

/** The names of a BibTeX author field: `{王凯} and {赵燕菁}` → the names as BibTeX sees them, braces kept. */
export function bibNames(field: string): string[] {
  return field.split(/\s+and\s+/);
}

export type RisRecord = [tag: string, value: string][];

/**
 * Reads RIS: every line `XX  - value` ending in CR LF, records from `TY` to
 * `ER`. Throws at the first line that breaks the format.
 */
export function parseRis(text: string): RisRecord[] {
  if (!text.endsWith('\r\n')) throw new Error('RIS: the last line does not end in CR LF');
  const lines = text.slice(0, -2).split('\r\n');
  const records: RisRecord[] = [];
  let current: RisRecord | undefined;
  lines.forEach((line, n) => {
    const m = /^([A-Z][A-Z0-9])  - (.*)$/.exec(line);
    if (!m || /[\r\n]/.test(line)) throw new Error(`RIS line ${n + 1}: not “XX  - value”: ${JSON.stringify(line)}`);
    const [, tag, value] = m as unknown as [string, string, string];
    if (tag === 'TY') {
      if (current) throw new Error(`RIS line ${n + 1}: TY before the ER of the previous record`);
      current = [];
    } else if (!current) {
      throw new Error(`RIS line ${n + 1}: ${tag} outside a record`);
    }
    current.push([tag, value]);
    if (tag === 'ER') {
      records.push(current);
      current = undefined;
    }
  });
  if (current) throw new Error('RIS: a record without ER');
  return records;
}

/** The values of a tag in a record. */
export const risValues = (record: RisRecord, tag: string) => record.filter(([t]) => t === tag).map(([, v]) => v);
