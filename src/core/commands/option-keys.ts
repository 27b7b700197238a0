/**
 * The options each command understands, with the aliases people type (`cat:` for `category:`,
 * `ref:` for `reference:`). The grammar (grammar.ts) hands these tables to `splitOptions`.
 */
import type { FeedbackField, ListField, RequirementField } from '../domain/input-fields.js';

export type KnowledgeField = 'title' | 'kind' | 'date' | 'link' | 'file' | 'customers' | 'horizon' | 'owner' | 'requirements' | 'summary';

/** Option keys each command understands, with the aliases people type. */
export const REQUIREMENT_KEYS: Record<string, RequirementField> = {
  statement: 'statement',
  text: 'statement',
  customer: 'customer',
  cust: 'customer',
  for: 'customer',
  type: 'type',
  reference: 'reference',
  ref: 'reference',
  regulation: 'reference',
  category: 'category',
  cat: 'category',
  owner: 'owner',
  review: 'review',
  every: 'review',
  source: 'source',
  src: 'source',
  link: 'link',
  url: 'link',
  horizon: 'horizon',
};
/** `add` also takes `duplicate:ok`, the confirmation that a second record is meant. */
export const ADD_KEYS: Record<string, RequirementField | 'duplicate'> = { ...REQUIREMENT_KEYS, duplicate: 'duplicate' };
export const LIST_KEYS: Record<string, ListField> = {
  status: 'status',
  type: 'type',
  category: 'category',
  cat: 'category',
  owner: 'owner',
  customer: 'customer',
  due: 'due',
  page: 'page',
};
export const FEEDBACK_KEYS: Record<string, FeedbackField> = {
  customer: 'customer',
  cust: 'customer',
  from: 'customer',
  kind: 'kind',
  type: 'kind',
  sentiment: 'sentiment',
  mood: 'sentiment',
  link: 'link',
  url: 'link',
  source: 'link',
  req: 'requirements',
  reqs: 'requirements',
  requirement: 'requirements',
  requirements: 'requirements',
  received: 'received',
  date: 'received',
};
export const KNOWLEDGE_KEYS: Record<string, KnowledgeField> = {
  title: 'title',
  kind: 'kind',
  type: 'kind',
  date: 'date',
  on: 'date',
  link: 'link',
  url: 'link',
  file: 'file',
  customers: 'customers',
  customer: 'customers',
  segment: 'customers',
  segments: 'customers',
  for: 'customers',
  horizon: 'horizon',
  owner: 'owner',
  req: 'requirements',
  reqs: 'requirements',
  requirement: 'requirements',
  requirements: 'requirements',
  summary: 'summary',
  found: 'summary',
  findings: 'summary',
};
export const SETTINGS_KEYS: Record<string, 'timezone' | 'digest' | 'detection' | 'cap' | 'quiet' | 'retention'> = {
  timezone: 'timezone',
  tz: 'timezone',
  zone: 'timezone',
  digest: 'digest',
  detection: 'detection',
  cap: 'cap',
  quiet: 'quiet',
  retention: 'retention',
};
