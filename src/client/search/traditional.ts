/**
 * Traditional characters to simplified, with opencc-js, loaded only when a
 * query needs it (its dictionaries are the largest part of search's code).
 * The `to/cn` dictionaries (phrases, then characters) alone convert Taiwan,
 * Hong Kong and OpenCC-standard traditional forms: 城市羣 → 城市群.
 */
let converter: Promise<(text: string) => string> | undefined;

async function loadConverter(): Promise<(text: string) => string> {
  const [core, cn] = await Promise.all([import('opencc-js/core'), import('opencc-js/to/cn')]);
  return core.ConverterFactory(cn.default);
}

export async function toSimplified(text: string): Promise<string> {
  converter ??= loadConverter();
  try {
    return (await converter)(text);
  } catch (error) {
    converter = undefined; // a failed load is tried again next time
    throw error;
  }
}
