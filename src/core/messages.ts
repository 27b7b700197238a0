/**
 * The neutral outbound message model. Use cases return these; each platform renders them
 * (Block Kit, Adaptive Cards, plain text). Text written by users is always marked as such
 * (`{ user }`), so every renderer escapes it the way its platform needs and a requirement
 * containing `<!channel>` can never ping anyone.
 */
import type { PersonRef } from './domain/shared.js';

/** Our own text (light markdown: *bold*, `code`), or text someone typed, or a person. */
export type Inline =
  | string
  | { readonly user: string }
  | { readonly person: PersonRef }
  | { readonly channel: string }
  | { readonly link: string; readonly label: string };

/**
 * What a button does, in the core's terms. Adapters encode it into Slack action ids and values or
 * Teams card data, and decode it back; the core never sees platform strings.
 */
export type CoreAction =
  | { readonly kind: 'check.answer'; readonly checkId: string; readonly impact: 'positive' | 'negative' | 'none' | 'unknown' }
  | { readonly kind: 'check.details'; readonly checkId: string }
  | { readonly kind: 'check.dismiss'; readonly checkId: string }
  | { readonly kind: 'action.close'; readonly actionId: string }
  | { readonly kind: 'requirement.review'; readonly requirementId: string }
  /** Records a review that confirms the requirement as it is ("Still valid"). */
  | { readonly kind: 'requirement.keep'; readonly requirementId: string }
  /** Records a review that retires the requirement (only roles that may retire). */
  | { readonly kind: 'requirement.retire'; readonly requirementId: string }
  /** Records that management reviewed this digest (ISO 9001 9.3.2). */
  | { readonly kind: 'digest.reviewed'; readonly digestId: string }
  /** Runs a read-only command again and shows the result to the whole conversation. */
  | { readonly kind: 'command.share'; readonly command: string }
  /**
   * Runs a command line again as the person who clicked, with their confirmation already in it
   * (e.g. `duplicate:ok`), and answers them privately.
   */
  | { readonly kind: 'command.confirm'; readonly command: string };

export interface Button {
  readonly label: string;
  readonly action: CoreAction;
  /** `primary` and `danger` are emphasised; `quiet` is for dismissals that should not draw the eye. */
  readonly style?: 'primary' | 'danger' | 'quiet';
  /** A question to confirm before the click counts, for what cannot be undone (retiring). */
  readonly confirm?: string;
}

export type Block =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'text'; readonly parts: readonly Inline[] }
  | { readonly kind: 'fields'; readonly items: readonly (readonly [label: string, value: readonly Inline[]])[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  | { readonly kind: 'context'; readonly parts: readonly Inline[] }
  | { readonly kind: 'actions'; readonly buttons: readonly Button[] }
  | { readonly kind: 'divider' };

export interface Message {
  /** Plain-text version for notifications, screen readers and the CLI. */
  readonly fallback: string;
  readonly blocks: readonly Block[];
}

export const userText = (text: string): Inline => ({ user: text });

/** Plain text of inline parts: our markup (*bold*, `code`) removed, user text as typed. */
export function inlineToPlain(parts: readonly Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return part.replace(/[*`]/g, '');
      if ('user' in part) return part.user;
      if ('person' in part) return part.person.name ?? part.person.id ?? '';
      if ('channel' in part) return `#${part.channel}`;
      return `${part.label} (${part.link})`;
    })
    .join('');
}

/** A whole message as plain text, one block per paragraph. */
export function messageToPlain(message: Message): string {
  return message.blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return block.text;
        case 'text':
        case 'context':
          return inlineToPlain(block.parts);
        case 'fields':
          return block.items.map(([label, value]) => `${label}: ${inlineToPlain(value)}`).join('\n');
        case 'list':
          return block.items.map((item) => `• ${inlineToPlain(item)}`).join('\n');
        case 'divider':
          return '—';
        case 'actions':
          return block.buttons.map((button) => `[${button.label}]`).join(' ');
      }
    })
    .join('\n');
}

/**
 * The plain text a notification shows for these blocks, never blank: the headings and paragraphs
 * (what the message says); a message without those, such as a dismissed prompt (one context line)
 * or a card of fields, uses its context lines, fields and lists; one of nothing but buttons names
 * them. Slack's `text` and Teams' `summary` come from this, so neither is ever empty.
 */
export function fallbackOf(blocks: readonly Block[]): string {
  const main = (block: Block): string => (block.kind === 'heading' ? block.text : block.kind === 'text' ? inlineToPlain(block.parts) : '');
  const secondary = (block: Block): string => {
    switch (block.kind) {
      case 'context':
        return inlineToPlain(block.parts);
      case 'fields':
        return block.items.map(([label, value]) => `${label}: ${inlineToPlain(value)}`).join(', ');
      case 'list':
        return block.items.map(inlineToPlain).join('; ');
      default:
        return '';
    }
  };
  for (const words of [main, secondary]) {
    const said = blocks.map((block) => words(block).replace(/\s+/g, ' ').trim()).filter(Boolean);
    if (said.length > 0) return said.join(' — ');
  }
  const labels = blocks.flatMap((block) => (block.kind === 'actions' ? block.buttons.map((button) => button.label) : []));
  return labels.length > 0 ? `Choose: ${labels.join(', ')}` : 'Customer Focus';
}

/** A message whose fallback is {@link fallbackOf} its blocks. */
export function messageOf(blocks: readonly Block[]): Message {
  return { fallback: fallbackOf(blocks), blocks };
}

/** The message's own fallback, or one made from its blocks when that is blank. */
export const fallbackFor = (message: Message): string => (message.fallback.trim() ? message.fallback : fallbackOf(message.blocks));

/** A message of one paragraph of our own text (confirmations, refusals, usage). */
export function textMessage(text: string): Message {
  return { fallback: text, blocks: [{ kind: 'text', parts: [text] }] };
}
