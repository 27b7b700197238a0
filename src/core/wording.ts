/**
 * Counts as people write them: "1 requirement", "2 requirements", "1,204 entries". The one helper
 * every message, page and command line uses, so a plural never disagrees with its number.
 */
const NUMBER = new Intl.NumberFormat('en-US');

/** 1204 → "1,204". */
export const count = (n: number): string => NUMBER.format(n);

/** The word alone that agrees with `n`: `noun(1, 'entry', 'entries')` → "entry". */
export const noun = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many);

/** The number and the word that agrees with it: `plural(2, 'seal')` → "2 seals". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${noun(n, one, many)}`;
