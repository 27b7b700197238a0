/**
 * Neutral messages as the playground page receives them. The page builds the DOM from this with
 * text nodes only, so nothing here is ever parsed as HTML; the split between our text (light
 * markup: *bold*, `code`) and what people typed is kept, as every renderer must.
 */
import { spellCommands } from '../../../core/commands/usage.js';
import type { Block, CoreAction, Inline, Message } from '../../../core/messages.js';
import { safeHref } from '../html.js';
import { displayName } from './personas.js';

export type ClientInline =
  | { readonly t: 'ours'; readonly text: string }
  | { readonly t: 'user'; readonly text: string }
  | { readonly t: 'person'; readonly name: string }
  | { readonly t: 'channel'; readonly name: string }
  | { readonly t: 'link'; readonly href: string; readonly label: string };

export interface ClientButton {
  readonly label: string;
  readonly style?: string;
  readonly confirm?: string;
  readonly action: CoreAction;
}

export type ClientBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'text' | 'context'; readonly parts: readonly ClientInline[] }
  | { readonly kind: 'fields'; readonly items: readonly (readonly [string, readonly ClientInline[]])[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly ClientInline[])[] }
  | { readonly kind: 'actions'; readonly buttons: readonly ClientButton[] }
  | { readonly kind: 'divider' };

export interface ClientMessage {
  readonly fallback: string;
  readonly blocks: readonly ClientBlock[];
}

/** Our own texts name commands the Slack way (`/requirement`), which is how the playground takes them. */
export const ours = (text: string): string => spellCommands(text, 'slack');

function inline(part: Inline): ClientInline {
  if (typeof part === 'string') return { t: 'ours', text: ours(part) };
  if ('user' in part) return { t: 'user', text: part.user };
  if ('person' in part) return { t: 'person', name: displayName(part.person) };
  if ('channel' in part) return { t: 'channel', name: part.channel };
  // Links people typed (a requirement's source) are shown as text unless they are http(s).
  const href = part.link.startsWith('/') && !part.link.startsWith('//') ? part.link : safeHref(part.link);
  return href ? { t: 'link', href, label: part.label } : { t: 'user', text: `${part.label} (${part.link})` };
}

const inlines = (parts: readonly Inline[]): ClientInline[] => parts.map(inline);

function block(item: Block): ClientBlock {
  switch (item.kind) {
    case 'heading':
      return { kind: 'heading', text: ours(item.text) };
    case 'text':
    case 'context':
      return { kind: item.kind, parts: inlines(item.parts) };
    case 'fields':
      return { kind: 'fields', items: item.items.map(([label, value]) => [ours(label), inlines(value)] as const) };
    case 'list':
      return { kind: 'list', items: item.items.map(inlines) };
    case 'actions':
      return {
        kind: 'actions',
        buttons: item.buttons.map((button) => ({
          label: button.label,
          action: button.action,
          ...(button.style ? { style: button.style } : {}),
          ...(button.confirm ? { confirm: ours(button.confirm) } : {}),
        })),
      };
    case 'divider':
      return { kind: 'divider' };
  }
}

export function toClientMessage(message: Message): ClientMessage {
  return { fallback: ours(message.fallback), blocks: message.blocks.map(block) };
}
