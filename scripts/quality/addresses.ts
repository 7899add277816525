/**
 * npm run addresses
 *
 * Adds every page and anchor of the built site (dist/) to the committed list
 * tests/addresses.txt. It only adds: an address once listed stays, and the
 * build tests fail if a build drops it.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ADDRESS_LIST, addressesOf, formatAddressList, readAddressList, sortAddresses } from '../../tests/helpers/addresses.ts';
import { loadPages } from '../../tests/helpers/pages.ts';

const listed = existsSync(ADDRESS_LIST) ? readAddressList() : [];
const built = addressesOf(loadPages().values());
const added = built.filter((a) => !listed.includes(a));
writeFileSync(ADDRESS_LIST, formatAddressList(sortAddresses([...listed, ...built])));
console.log(`addresses: ${added.length} added to ${path.relative(process.cwd(), ADDRESS_LIST)} (${listed.length + added.length} in all)`);
