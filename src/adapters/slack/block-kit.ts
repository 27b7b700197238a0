/**
 * Neutral messages and forms → Block Kit. Pure functions. User text is escaped (`&`, `<`, `>`,
 * the three characters Slack treats as control characters), so `<!channel>` typed by a user is
 * shown, never sent as a ping. Block Kit limits are enforced here, in one place.
 */
import type { types } from '@slack/bolt';
import { spellCommands } from '../../core/commands/usage.js';
import type { Form, FormField } from '../../core/forms/form.js';
import { type Block, type Inline, type Message, fallbackFor } from '../../core/messages.js';
import { truncate } from '../../core/truncate.js';
import { encodeAction } from './action-codec.js';

// Limits from Slack's Block Kit reference.
export const LIMITS = {
  blocks: 50,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  buttonText: 75,
  headerText: 150,
  contextElements: 10,
  fallback: 4000,
  modalTitle: 24,
  modalBlocks: 100,
  optionText: 75,
  label: 2000,
} as const;

/** Built as plain objects and checked against Slack's types where they leave this module. */
type SlackBlock = Record<string, unknown>;

/** Escapes the three characters Slack parses for links, mentions and special commands. */
export const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Our own text: commands spelled the Slack way; `<`/`>` in usage texts escaped like user text. */
const ours = (text: string): string => escapeMrkdwn(spellCommands(text, 'slack'));

function inlineToMrkdwn(parts: readonly Inline[]): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return ours(part);
      if ('user' in part) return escapeMrkdwn(part.user);
      if ('person' in part) {
        const { id, name } = part.person;
        // Slack ids render as the person's current name; unlinked people as plain text.
        return id && /^[UW][A-Z0-9]+$/.test(id) ? `<@${id}>` : escapeMrkdwn(name ?? id ?? 'someone');
      }
      if ('channel' in part) return /^[CG][A-Z0-9]+$/.test(part.channel) ? `<#${part.channel}>` : `#${escapeMrkdwn(part.channel)}`;
      const url = part.link.replace(/[<>|]/g, encodeURIComponent);
      return `<${url}|${escapeMrkdwn(part.label).replace(/\|/g, '¦')}>`;
    })
    .join('');
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });

function renderBlock(block: Block): SlackBlock[] {
  switch (block.kind) {
    case 'heading':
      return [
        {
          type: 'header',
          text: { type: 'plain_text', text: truncate(spellCommands(block.text, 'slack'), LIMITS.headerText), emoji: true },
        },
      ];
    case 'text':
      return [{ type: 'section', text: mrkdwn(truncate(inlineToMrkdwn(block.parts), LIMITS.sectionText)) }];
    case 'context':
      return [{ type: 'context', elements: [mrkdwn(truncate(inlineToMrkdwn(block.parts), LIMITS.sectionText))] }];
    case 'fields': {
      const blocks: SlackBlock[] = [];
      for (let i = 0; i < block.items.length; i += LIMITS.fields) {
        const fields = block.items
          .slice(i, i + LIMITS.fields)
          .map(([label, value]) => mrkdwn(truncate(`*${ours(label)}*\n${inlineToMrkdwn(value)}`, LIMITS.fieldText)));
        blocks.push({ type: 'section', fields });
      }
      return blocks;
    }
    case 'list':
      return [
        { type: 'section', text: mrkdwn(truncate(block.items.map((item) => `• ${inlineToMrkdwn(item)}`).join('\n'), LIMITS.sectionText)) },
      ];
    case 'divider':
      return [{ type: 'divider' }];
    case 'actions':
      return [
        {
          type: 'actions',
          elements: block.buttons.slice(0, 25).map((button, index) => ({
            type: 'button',
            text: { type: 'plain_text', text: truncate(button.label, LIMITS.buttonText), emoji: true },
            ...encodeAction(button.action, index),
            ...(button.style === 'primary' ? { style: 'primary' } : button.style === 'danger' ? { style: 'danger' } : {}),
            // Slack asks before the click is sent, so a stray click cannot retire a requirement.
            ...(button.confirm
              ? {
                  confirm: {
                    title: { type: 'plain_text', text: 'Are you sure?' },
                    text: { type: 'plain_text', text: truncate(button.confirm, 300) },
                    confirm: { type: 'plain_text', text: truncate(button.label, 30) },
                    deny: { type: 'plain_text', text: 'Cancel' },
                    ...(button.style === 'danger' ? { style: 'danger' } : {}),
                  },
                }
              : {}),
          })),
        },
      ];
  }
}

/** Blocks plus the plain `text` fallback Slack shows in notifications and to screen readers. */
export function toSlackMessage(message: Message): { text: string; blocks: types.KnownBlock[] } {
  let blocks = message.blocks.flatMap(renderBlock);
  if (blocks.length > LIMITS.blocks) {
    blocks = [...blocks.slice(0, LIMITS.blocks - 1), { type: 'context', elements: [mrkdwn('…more than fits in one message.')] }];
  }
  return {
    text: truncate(escapeMrkdwn(spellCommands(fallbackFor(message), 'slack')).replace(/[*`]/g, ''), LIMITS.fallback),
    blocks: blocks as unknown as types.KnownBlock[],
  };
}

const plain = (text: string, max: number) => ({ type: 'plain_text', text: truncate(text, max), emoji: true });

function element(field: FormField): Record<string, unknown> {
  const initialText = typeof field.initial === 'string' ? field.initial : undefined;
  const options = field.options?.map((option) => ({ text: plain(option.label, LIMITS.optionText), value: option.value }));
  const initialOption = options?.find((option) => option.value === initialText);
  switch (field.kind) {
    case 'text':
    case 'multiline':
      return {
        type: 'plain_text_input',
        action_id: field.id,
        multiline: field.kind === 'multiline',
        ...(field.maxLength ? { max_length: field.maxLength } : {}),
        ...(initialText ? { initial_value: truncate(initialText, field.maxLength ?? 3000) } : {}),
        ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
      };
    case 'select':
      return { type: 'static_select', action_id: field.id, options, ...(initialOption ? { initial_option: initialOption } : {}) };
    case 'radio':
      return { type: 'radio_buttons', action_id: field.id, options, ...(initialOption ? { initial_option: initialOption } : {}) };
    case 'user': {
      // A prefilled person arrives as a mention, `<@U123>` or `<@U123|Kim>`; the picker wants the id.
      const initialUser = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/.exec(initialText ?? '')?.[1];
      return { type: 'users_select', action_id: field.id, ...(initialUser ? { initial_user: initialUser } : {}) };
    }
    case 'date':
      return { type: 'datepicker', action_id: field.id, ...(initialText ? { initial_date: initialText } : {}) };
    case 'requirements':
      // Searchable: options come from the register as people type (block_suggestion).
      return { type: 'multi_external_select', action_id: field.id, min_query_length: 0, placeholder: plain('Search REQ-… or words', 150) };
  }
}

/** A form as a modal. `private_metadata` carries the form kind, its context and where it came from. */
export function toSlackModal(form: Form, metadata: Readonly<Record<string, string | undefined>>): types.ModalView {
  const inputs = form.fields.map((field) => ({
    type: 'input',
    block_id: field.id,
    optional: !field.required,
    label: plain(field.label, LIMITS.label),
    element: element(field),
    ...(field.hint ? { hint: plain(field.hint, 2000) } : {}),
  }));
  const intro = form.intro
    ? [{ type: 'section', text: mrkdwn(truncate(escapeMrkdwn(form.intro).replace(/^&gt; /gm, '> '), LIMITS.sectionText)) }]
    : [];
  return {
    type: 'modal' as const,
    callback_id: `form:${form.kind}`,
    title: plain(form.title, LIMITS.modalTitle),
    submit: plain(form.submitLabel, LIMITS.modalTitle),
    close: plain('Cancel', LIMITS.modalTitle),
    private_metadata: JSON.stringify({
      ...form.context,
      ...Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)),
    }),
    blocks: [...intro, ...inputs].slice(0, LIMITS.modalBlocks) as unknown as types.KnownBlock[],
  } as types.ModalView;
}
