/**
 * The customer-knowledge form, and its prefill from a chat message (the *Save customer knowledge*
 * shortcut): a link in the message is the document; otherwise the message itself is the source.
 */
import { HORIZONS } from '../domain/requirement.js';
import { KNOWLEDGE_KINDS } from '../domain/knowledge.js';
import { MAX_SHORT_TEXT_LENGTH, MAX_TEXT_LENGTH } from '../domain/text.js';
import type { Form } from './form.js';

export interface KnowledgePrefill {
  /** The message text: becomes the summary, and its first link the record's link. */
  readonly summary?: string;
  /** Where the message is (its permalink), used when the text holds no link of its own. */
  readonly link?: string;
  readonly title?: string;
  /** A file shared with the message. */
  readonly fileName?: string;
}

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value.replace(/-/g, ' ') }));

/** The first web link in a message, as Slack (`<https://…|label>`) or Teams/plain text writes it. */
export function firstLinkIn(text: string): { url: string; label?: string } | undefined {
  const slack = /<(https?:\/\/[^>|\s]+)(?:\|([^>]*))?>/i.exec(text);
  if (slack?.[1]) return { url: slack[1], ...(slack[2]?.trim() ? { label: slack[2].trim() } : {}) };
  const bare = /\bhttps?:\/\/[^\s<>"')\]]+/i.exec(text);
  return bare ? { url: bare[0] } : undefined;
}

/** Slack's link markup as a person reads it: `<https://x|label>` → `label (https://x)`. */
const readable = (text: string): string =>
  text.replace(/<(https?:\/\/[^>|\s]+)(?:\|([^>]*))?>/gi, (_, url: string, label?: string) => (label ? `${label} (${url})` : url));

/** The first line of a message, short enough to be a title. */
function titleFrom(text: string): string | undefined {
  const line = text
    .replace(/<(https?:\/\/[^>|\s]+)(?:\|([^>]*))?>/gi, (_, url: string, label?: string) => label ?? url)
    .split('\n')
    .map((part) => part.trim())
    .find(Boolean);
  if (!line) return undefined;
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

export function knowledgeForm(prefill: KnowledgePrefill = {}): Form {
  const found = prefill.summary ? firstLinkIn(prefill.summary) : undefined;
  const link = found?.url ?? prefill.link;
  const title = prefill.title ?? found?.label ?? prefill.fileName ?? (prefill.summary ? titleFrom(prefill.summary) : undefined);
  return {
    kind: 'knowledge.record',
    title: 'Customer knowledge',
    submitLabel: 'Record',
    context: {},
    intro: 'A source you learned customer needs from: research, a survey, a design brief, a trade-press article, a regulation watch…',
    fields: [
      { id: 'title', label: 'Title', kind: 'text', required: true, maxLength: MAX_SHORT_TEXT_LENGTH, ...(title ? { initial: title } : {}) },
      { id: 'kind', label: 'Kind', kind: 'select', required: true, options: options(KNOWLEDGE_KINDS) },
      { id: 'date', label: 'Date finished or published', kind: 'date', required: false, hint: 'Today when left empty.' },
      {
        id: 'link',
        label: 'Link',
        kind: 'text',
        required: false,
        placeholder: 'https://…',
        ...(link ? { initial: link } : {}),
      },
      {
        id: 'file',
        label: 'File name (when there is no link)',
        kind: 'text',
        required: false,
        maxLength: MAX_SHORT_TEXT_LENGTH,
        ...(prefill.fileName ? { initial: prefill.fileName } : {}),
      },
      {
        id: 'customers',
        label: 'Customers or segments it is about',
        kind: 'text',
        required: false,
        maxLength: MAX_SHORT_TEXT_LENGTH * 2,
      },
      { id: 'horizon', label: 'Horizon', kind: 'select', required: true, options: options(HORIZONS), initial: 'current' },
      { id: 'owner', label: 'Owner', kind: 'user', required: false, hint: 'You, when left empty.' },
      { id: 'requirements', label: 'Requirements it informed', kind: 'requirements', required: false },
      {
        id: 'summary',
        label: 'What it found',
        kind: 'multiline',
        required: false,
        maxLength: MAX_TEXT_LENGTH,
        ...(prefill.summary ? { initial: readable(prefill.summary).slice(0, MAX_TEXT_LENGTH) } : {}),
      },
    ],
  };
}
