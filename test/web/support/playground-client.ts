/** Talks to the playground's JSON API the way its page does (same origin, JSON bodies). */
import type { ClientForm } from '../../../src/adapters/web/playground/forms.js';
import type { ClientInline, ClientMessage } from '../../../src/adapters/web/playground/message-json.js';
import type { ClientPost } from '../../../src/adapters/web/playground/playground-bot.js';
import type { FieldError } from '../../../src/core/forms/form.js';

export interface ApiAnswer {
  readonly status: number;
  readonly posts: ClientPost[];
  readonly form?: ClientForm;
  readonly errors?: FieldError[];
  readonly error?: string;
}

export class PlaygroundClient {
  constructor(
    private readonly base: string,
    public as = 'dana',
  ) {}

  private async call(path: string, body?: unknown): Promise<ApiAnswer> {
    const response = await fetch(
      `${this.base}/playground/api/${path}${body === undefined ? `?as=${this.as}` : ''}`,
      body === undefined
        ? { headers: { 'sec-fetch-site': 'same-origin' } }
        : {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', origin: this.base },
            body: JSON.stringify({ as: this.as, ...(body as object) }),
          },
    );
    const data = (await response.json()) as Omit<ApiAnswer, 'status'>;
    return { ...data, status: response.status, posts: data.posts ?? [] };
  }

  state = () => this.call('state');
  say = (text: string, threadId?: string) => this.call('say', { text, ...(threadId ? { threadId } : {}) });
  click = (postId: string, action: unknown) => this.call('action', { postId, action });
  submit = (form: ClientForm, values: Record<string, string>, postId = form.postId) =>
    this.call('form', { form: { kind: form.kind, context: form.context }, values, ...(postId ? { postId } : {}) });
}

/** A message as plain text, our markup and all, for assertions. */
export function plain(message: ClientMessage | undefined): string {
  if (!message) return '';
  const inline = (parts: readonly ClientInline[]) =>
    parts.map((part) => ('text' in part ? part.text : 'name' in part ? `@${part.name}` : part.label)).join('');
  return message.blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return block.text;
        case 'text':
        case 'context':
          return inline(block.parts);
        case 'fields':
          return block.items.map(([label, value]) => `${label}: ${inline(value)}`).join('\n');
        case 'list':
          return block.items.map((item) => `• ${inline(item)}`).join('\n');
        case 'actions':
          return block.buttons.map((button) => `[${button.label}]`).join(' ');
        case 'divider':
          return '—';
      }
    })
    .join('\n');
}

/** The button with this label in a post. */
export function button(post: ClientPost | undefined, label: string): unknown {
  for (const block of post?.message?.blocks ?? []) {
    if (block.kind !== 'actions') continue;
    const found = block.buttons.find((candidate) => candidate.label === label);
    if (found) return found.action;
  }
  throw new Error(`no button "${label}" in ${JSON.stringify(post)}`);
}
