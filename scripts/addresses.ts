/**
 * npm run addresses [dist]: writes tests/addresses.txt, the committed list of
 * the site's permanent addresses and anchors, from a build (default dist/).
 * Run it after adding pages or anchors, and commit the list; a build test
 * then fails whenever a build drops one of them.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADDRESS_LIST, collectAddresses, formatAddressList } from '../tests/helpers/addresses.ts';
import { assertBuilt } from '../tests/helpers/pages.ts';
import { ROOT } from '../tests/helpers/paths.ts';

const dist = path.resolve(ROOT, process.argv[2] ?? 'dist');
assertBuilt(dist);
const addresses = collectAddresses(dist);
writeFileSync(ADDRESS_LIST, formatAddressList(addresses));
console.log(`${path.relative(ROOT, ADDRESS_LIST)}: ${addresses.length} addresses from ${path.relative(ROOT, dist) || '.'}/`);
