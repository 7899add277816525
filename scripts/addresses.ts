/**
 * npm run addresses [dist]: adds the addresses and anchors of a build
 * (default dist/) to tests/addresses.txt, the committed list of the site's
 * permanent addresses. It never removes a line: a published address stays
 * (docs/architecture.md; to move one, make the old address redirect). Run it after
 * adding pages or anchors, and commit the list; a build test then fails
 * whenever a build drops one of them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADDRESS_LIST, collectAddresses, formatAddressList, parseAddressList } from './lib/addresses.ts';
import { assertBuilt } from './lib/dist.ts';
import { ROOT } from './lib/paths.ts';

const dist = path.resolve(ROOT, process.argv[2] ?? 'dist');
assertBuilt(dist);
const listed = existsSync(ADDRESS_LIST) ? parseAddressList(readFileSync(ADDRESS_LIST, 'utf8')) : [];
const built = collectAddresses(dist);
const all = [...new Set([...listed, ...built])];
writeFileSync(ADDRESS_LIST, formatAddressList(all));
console.log(`${path.relative(ROOT, ADDRESS_LIST)}: ${all.length - listed.length} added from ${path.relative(ROOT, dist) || '.'}/ (${all.length} in all)`);
