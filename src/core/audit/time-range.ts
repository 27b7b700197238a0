import type { TimeRange } from '../ports.js';

/** Every instant a store can hold: from 1970 to the year 275760 (the range of a JavaScript Date). */
export const EVERYTHING_RANGE: TimeRange = { from: new Date(0), to: new Date(8.64e15) };
