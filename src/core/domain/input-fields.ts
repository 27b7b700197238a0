/**
 * The named inputs the use cases accept, whichever way a person gave them: options of a chat
 * command, fields of a form, columns of an imported file. Values are raw text as typed; the use
 * cases validate and normalise them.
 */

export type RequirementField =
  'statement' | 'customer' | 'type' | 'reference' | 'category' | 'owner' | 'review' | 'source' | 'link' | 'horizon';
export type FeedbackField = 'customer' | 'kind' | 'sentiment' | 'link' | 'requirements' | 'received';
export type ListField = 'status' | 'type' | 'category' | 'owner' | 'customer' | 'due' | 'page';

/** Raw values as given; the use cases validate and normalise them. */
export type Fields<K extends string> = Partial<Record<K, string>>;
