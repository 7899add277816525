/** Where this browser keeps the reading list: one list per site base, as several sites may share an origin. */
export const listKey = (base: string) => `reading-list:${base}`;
