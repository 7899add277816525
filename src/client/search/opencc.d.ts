/** opencc-js ships no types for its dictionary modules: a dictionary group for ConverterFactory. */
declare module 'opencc-js/to/cn' {
  import type { DictGroup } from 'opencc-js/core';
  const dictionaries: DictGroup[];
  export default dictionaries;
}
