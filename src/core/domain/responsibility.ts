/**
 * Who determines customer requirements (ISO 9001 5.1.2): one named person per requirement
 * category, plus one for obligatory requirements (who watches for new laws and standards) and one
 * for future needs. Auditors ask "who is responsible?"; usually it is marketing or sales.
 */
import type { IsoTimestamp, Person, PersonRef, WorkspaceId } from './shared.js';

export const RESPONSIBILITY_AREAS = [
  'product',
  'price',
  'delivery',
  'communication',
  'service',
  'support',
  'obligatory',
  'future',
] as const;
export type ResponsibilityArea = (typeof RESPONSIBILITY_AREAS)[number];

/** How an area reads in a sentence: "delivery", "obligatory requirements", "future needs". */
export function areaLabel(area: ResponsibilityArea): string {
  if (area === 'obligatory') return 'obligatory requirements';
  if (area === 'future') return 'future needs';
  return area;
}

export interface Responsibility {
  readonly workspaceId: WorkspaceId;
  readonly area: ResponsibilityArea;
  /** Always a platform user (a mention), so reminders and the audit can reach them. */
  readonly person: PersonRef & { readonly id: string };
  readonly setBy: Person;
  readonly setAt: IsoTimestamp;
}
