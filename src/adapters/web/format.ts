/** Small formatting helpers shared by the web pages. */
export { localMinute, zoneMinute } from '../../core/domain/dates.js';
export { count, plural } from '../../core/wording.js';

/** `at_risk` → `at risk`. */
export const words = (value: string): string => value.replace(/_/g, ' ');

/** At most `max` characters, with an ellipsis when cut. */
export const excerpt = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
