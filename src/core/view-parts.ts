/** Small pieces the view modules share. */
import type { PersonRef } from './domain/shared.js';
import type { Inline } from './messages.js';

export const person = (ref: PersonRef | undefined): Inline[] => (ref ? [{ person: ref }] : ['nobody yet']);
/** An enum value as words: `at_risk` → `at risk`. */
export const words = (value: string): string => value.replace(/_/g, ' ');
