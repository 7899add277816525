/**
 * Reading an address's fragment (src/lib/registry.ts, fragmentId): what the
 * paragraph tools and the search arrival ask of `location.hash`. Anyone can
 * type or cut off an address, so a fragment that is not valid
 * percent-encoding must name nothing rather than throw.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fragmentId, parseAnchor, PAGE_ANCHOR } from '../../src/lib/registry.ts';
import { ROOT } from '../../scripts/lib/paths.ts';

/** Every anchor the site publishes, from the list of its permanent addresses. */
const published = readFileSync(path.join(ROOT, 'tests', 'addresses.txt'), 'utf8')
  .split('\n')
  .flatMap((line) => /#(.+)$/.exec(line.trim())?.[1] ?? []);

describe('fragmentId', () => {
  it('reads every published anchor as itself, with or without its #, and percent-encoded', () => {
    expect(published.length).toBeGreaterThan(100);
    for (const id of published) {
      expect(PAGE_ANCHOR.test(id)).toBe(true);
      expect(fragmentId(`#${id}`)).toBe(id);
      expect(fragmentId(id)).toBe(id);
      const encoded = [...id].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
      expect(fragmentId(`#${encoded}`)).toBe(id);
    }
  });

  it('reads an empty fragment as empty', () => {
    expect(fragmentId('')).toBe('');
    expect(fragmentId('#')).toBe('');
  });

  it.each(['#%E4', '#%', '#p3%', '#%E4%B8', '#%zz', '#p%3', '#%C0%80', '#%ED%A0%80'])('reads the malformed %s as naming nothing, without throwing', (hash) => {
    expect(fragmentId(hash)).toBeUndefined();
  });

  it('decodes text that is not an anchor, which the tools then leave alone', () => {
    const id = fragmentId('#%E4%B8%AD<img src=x>');
    expect(id).toBe('中<img src=x>');
    expect(parseAnchor(id!)).toBeUndefined();
  });
});
