/** The contract of /related/<doc>.json, which the build writes and the paragraph tools read when a reader asks. */
import type { Run } from './theme-views';

/** A paragraph related to one of the page's paragraphs, as the reader is shown it. */
export interface RelatedPassage {
  /** Who speaks: 王伟, 论文第二节. */
  who: string;
  /** The heading of its page: the essay's title, the section's. */
  title: string;
  /** Its paragraph number. */
  p: number;
  /** Its permanent address under the site base: /forum/wang-wei/#p8. */
  href: string;
  /** Its sentence that holds most of what the two share, the shared words marked. */
  excerpt: Run[];
  /** The names of the themes the two share. */
  themes: string[];
  /** The weightiest words they share. */
  words: string[];
}

/** /related/<doc>.json: entry i lists the related paragraphs of #p(i+1), best first (none, one, two or three). */
export interface RelatedPage {
  paragraphs: RelatedPassage[][];
}
