/**
 * Site-wide constants and the one helper that builds internal links, so that
 * every link respects `import.meta.env.BASE_URL` (the site may be served
 * under a sub-path).
 */
import { anchors, COMPARE_INDEX, comparePath, relatedPath } from './registry';

/** The site's name, shown in the header and in every `<title>`. */
export const SITE_NAME = '新质读本';

/** One line on what the site is, for the home page's meta description. */
export const SITE_DESCRIPTION =
  '《城市规划学刊》“新质生产力与城乡规划”学术笔谈与《云南社会科学》城市群一体化论文的在线读本：按专家、按章节阅读，每节每段都有可引用的地址。';

/** The language of every page. */
export const SITE_LANG = 'zh-CN';

/** Main navigation, in the header. Only pages that exist. */
export const NAV = [
  { path: '/forum/', label: '笔谈' },
  { path: '/paper/', label: '论文' },
  { path: '/themes/', label: '主题' },
  { path: '/list/', label: '清单' },
] as const;

/**
 * The address of a page of this site, under the configured base.
 * `url('/forum/wang-kai/')` → `/forum/wang-kai/` (or `/sub/forum/wang-kai/`).
 */
export function url(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return base + path.replace(/^\//, '');
}

/**
 * The permanent, absolute address of a page: the configured `site` origin
 * and base. `absolute('/forum/wang-kai/')` → `https://example.org/forum/wang-kai/`.
 */
export function absolute(path: string): string {
  return new URL(url(path), import.meta.env.SITE).href;
}

/**
 * A search query as an address writes it: letters and digits, Chinese ones
 * too, as they are (a valid URL may hold them, and the browser encodes them
 * when it follows the link), everything else percent-encoded. A page's
 * keyword links cost a third of what %E6%B6%88… costs.
 */
const queryValue = (query: string) => query.replace(/[^\p{L}\p{N}]/gu, (c) => encodeURIComponent(c));

/** Addresses of the documents, in one place. */
export const paths = {
  home: () => url('/'),
  forum: () => url('/forum/'),
  essay: (slug: string) => url(`/forum/${slug}/`),
  paper: () => url('/paper/'),
  section: (n: number) => url(`/paper/${n}/`),
  /** The search page, with a query if given: `/search/?q=存量更新`. */
  search: (query?: string) => url('/search/') + (query ? `?q=${queryValue(query)}` : ''),
  list: () => url('/list/'),
  /** What the reading list and the paragraph tools fetch of a page: its citation and paragraphs (/list/wang-kai.json). */
  listData: (doc: string) => url(`/list/${doc}.json`),
  /** The concordance of a word: `/concordance/?q=城市群`. */
  concordance: (word?: string) => url('/concordance/') + (word ? `?q=${encodeURIComponent(word)}` : ''),
  /** A work's citation file: /cite/wangkai2024.bib, /cite/wangkai2024.ris. */
  citeFile: (key: string, ext: 'bib' | 'ris') => url(`/cite/${key}.${ext}`),
  themes: () => url('/themes/'),
  theme: (id: string) => url(`/themes/${id}/`),
  /** One of the editor's questions on the forum page: /forum/#q2. */
  question: (n: number) => `${url('/forum/')}#${anchors.question(n)}`,
  /** Two essays side by side; `first` is the one the forum prints first. */
  compare: (first: string, second: string) => url(comparePath(first, second)),
  compareIndex: () => url(COMPARE_INDEX),
  /** The related passages of a document's paragraphs (JSON). */
  related: (doc: string) => url(relatedPath(doc)),
  /** The page of a source text, at a line if given: /sources/forum/#L27. */
  source: (text: 'forum' | 'paper', line?: number) => url(`/sources/${text}/`) + (line === undefined ? '' : `#${anchors.line(line)}`),
};
