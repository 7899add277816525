/** The contract of /list/<doc>.json, which the build writes and the reading list page reads. */
import type { PageCitation } from './citation-styles';

/** /list/<doc>.json: what the reading list shows of one page. */
export interface ListPage {
  /** How the list names the page: 王凯《新质生产力与城市规划改革》. */
  source: string;
  citation: PageCitation;
  /** The page's address under the site base, for links. */
  href: string;
  /** The plain text of each paragraph: entry i is #p(i+1). */
  paragraphs: string[];
}
