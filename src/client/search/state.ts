/**
 * The state of the search page, all of it in the query string so that a
 * search can be shared, bookmarked and linked from coursework:
 * `/search/?q=城市群&doc=paper&author=马雪松&section=paper-2&theme=chengshiqun-dushiquan`.
 */

/** The filters, in the order the page shows them and the query string lists them. */
export const FILTER_KEYS = ['doc', 'author', 'section', 'theme'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

export interface SearchState {
  q: string;
  filters: Filters;
}

/** The state a query string (`?q=…&doc=…`) describes; empty values are no filter. */
export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return { q: (params.get('q') ?? '').trim(), filters };
}

/** The query string of a state, `?q=…` first, then the filters that are set. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The values each filter offers: the options of the page's selects. */
export type FilterOptions = Readonly<Record<FilterKey, ReadonlySet<string>>>;

/**
 * A state's filters split into those the page offers and those it does not
 * (a mistyped or outdated link: `&doc=xyz`). Searching with an unknown value
 * would find nothing while its select shows 全部, so the page leaves it out
 * and says so.
 */
export function splitFilters(filters: Filters, options: FilterOptions): { known: Filters; unknown: [FilterKey, string][] } {
  const known: Filters = {};
  const unknown: [FilterKey, string][] = [];
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined) continue;
    if (options[key].has(value)) known[key] = value;
    else unknown.push([key, value]);
  }
  return { known, unknown };
}
