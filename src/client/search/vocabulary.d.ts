/** The index's vocabulary, made by the build (src/integrations/pagefind-index.ts). */
declare module 'virtual:search-vocabulary' {
  /** Words of two characters or more, lowercased, packed by first character (src/lib/search/words.ts, packWords). */
  export const words: string;
  /** The single characters that are words, run together. */
  export const singles: string;
}
