/**
 * One page of every kind the site has: the accessibility tests, `npm run
 * audit` (Lighthouse) and `npm run bench` (bytes per page type) all go
 * through this list, so a new kind of page is one line here.
 */

export interface PageType {
  /** Short name, for the audit's and the benchmark's tables. */
  id: string;
  /** What the page is, as test names say it. */
  name: string;
  /** The address to open, without the site base. */
  path: string;
  /** The HTTP status the page answers with. */
  status: 200 | 404;
  /** A selector that shows the page is ready, for pages that build their content with JavaScript (search results). */
  ready?: string;
  /** The performance mark such a page sets when it shows its content; what it costs is counted up to there. */
  shownMark?: string;
  /** A selector that shows such a page has loaded everything it will (every search result). */
  settled?: string;
}

export const PAGE_TYPES: readonly PageType[] = [
  { id: 'home', name: 'the home page', path: '/', status: 200 },
  { id: 'forum', name: 'the forum page', path: '/forum/', status: 200 },
  { id: 'essay', name: 'the essay by 王凯', path: '/forum/wang-kai/', status: 200 },
  { id: 'paper', name: 'the paper’s front page', path: '/paper/', status: 200 },
  { id: 'section', name: 'section 2 of the paper', path: '/paper/2/', status: 200 },
  { id: 'search', name: 'the search page with results for 城市群', path: '/search/?q=城市群', status: 200, ready: '.result-link', shownMark: 'search:results', settled: '#search-status[data-kind="idle"]' },
  { id: 'concordance', name: 'the concordance of 城市群', path: '/concordance/?q=城市群', status: 200, ready: '.conc-line' },
  { id: 'list', name: 'a reading list of two paragraphs', path: '/list/?p=wang-kai:p5,paper-2:p3', status: 200, ready: '.list-item' },
  { id: 'themes', name: 'the theme index with its table', path: '/themes/', status: 200 },
  { id: 'theme', name: 'the theme page of 城市群与都市圈', path: '/themes/chengshiqun-dushiquan/', status: 200 },
  { id: 'compare', name: 'the essays of 王凯 and 赵燕菁 side by side', path: '/compare/wang-kai/zhao-yanjing/', status: 200 },
  { id: 'pairs', name: 'the index of every pair of essays to compare', path: '/compare/', status: 200 },
  { id: 'source', name: 'the forum’s source text, line by line', path: '/sources/forum/', status: 200 },
  { id: '404', name: 'the page-not-found page', path: '/no-such-page/', status: 404 },
];
