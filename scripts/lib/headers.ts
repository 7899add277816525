/**
 * Reads a `_headers` file (the format of Netlify and Cloudflare Pages) and
 * says which headers a path gets, so that the test server sends what those
 * hosts would send, the Content-Security-Policy above all.
 */

export interface HeaderRule {
  /** `/*`, `/_astro/*`, `/forum/`: `*` matches any rest of the path. */
  pattern: string;
  headers: [name: string, value: string][];
}

/** The rules of a `_headers` file: a path line, then indented `Name: value` lines; `#` starts a comment. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((line, i) => {
    if (/^\s*(#|$)/.test(line)) return;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [] });
      return;
    }
    const header = /^\s+([\w-]+):\s*(.*?)\s*$/.exec(line);
    const rule = rules.at(-1);
    if (!header || !rule) throw new Error(`_headers:${i + 1}: expected a path, or an indented “Name: value” under one`);
    rule.headers.push([header[1]!, header[2]!]);
  });
  return rules;
}

function matches(pattern: string, pathname: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(pathname);
}

/** The headers a path gets: those of every rule that matches it; a header set twice is joined with “, ”, as Netlify does. */
export function headersFor(rules: HeaderRule[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules.filter((r) => matches(r.pattern, pathname))) {
    for (const [name, value] of rule.headers) out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}
