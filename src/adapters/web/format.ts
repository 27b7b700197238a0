/** Small formatting helpers shared by the web pages. */
export { localMinute, zoneMinute } from '../../core/domain/dates.js';
export { count, plural } from '../../core/wording.js';

/** `at_risk` → `at risk`. */
export const words = (value: string): string => value.replace(/_/g, ' ');

/** At most `max` characters, with an ellipsis when cut between whole characters. */
export { truncate as excerpt } from '../../core/truncate.js';
