/**
 * The playground's web adapter: a simulated channel in the `local` workspace, decoded for the core
 * exactly as Slack's events are. A line starting with "/" is a command, anything else a message the
 * core may ask about; buttons and forms are button presses and form submits. The core decides
 * everything; this file only says where in the simulated channel each answer is shown.
 */
import type { ConversationPlace } from '../../../core/domain/decision-check.js';
import { LOCAL_WORKSPACE_ID } from '../../../core/domain/workspace.js';
import type { FieldError, Form, FormKind, FormValues } from '../../../core/forms/form.js';
import {
  type Core,
  type Interaction,
  type PostTarget,
  type PostedMessage,
  type Surface,
  SurfaceError,
  SILENCE_REASONS,
} from '../../../core/index.js';
import { type CoreAction, type Message, textMessage } from '../../../core/messages.js';
import type { DeliveryResult, Destination, Messenger } from '../../../core/ports.js';
import { CHANNEL, type ChannelPost, PlaygroundChannel } from './channel.js';
import { type ClientForm, toClientForm } from './forms.js';
import { type ClientMessage, toClientMessage } from './message-json.js';
import { BOT, type Persona, actorOf, withMentions } from './personas.js';

export interface ClientPost {
  readonly id: string;
  readonly threadId?: string;
  readonly author: { readonly name: string; readonly bot: boolean };
  readonly at: string;
  readonly text?: string;
  readonly message?: ClientMessage;
  readonly private: boolean;
  readonly note: boolean;
}

/** What the page does after a request: show the channel again, and maybe open a form. */
export interface PlaygroundResult {
  readonly form?: ClientForm;
  readonly errors?: readonly FieldError[];
}

/** A request the playground cannot act on (empty message, unknown thread); shown as it is. */
export class PlaygroundInputError extends Error {}

export class PlaygroundBot {
  readonly channel: PlaygroundChannel;

  constructor(private readonly core: Core) {
    this.channel = new PlaygroundChannel(() => crypto.randomUUID());
  }

  private now(): string {
    return this.core.now().toISOString();
  }

  private place(threadId?: string): ConversationPlace {
    return { platform: 'local', channelId: CHANNEL.id, channelName: CHANNEL.name, ...(threadId ? { threadId } : {}) };
  }

  /** The channel as one person sees it. */
  postsFor(persona: Persona): ClientPost[] {
    return this.channel.visibleTo(persona.id).map((post) => ({
      id: post.id,
      ...(post.threadId ? { threadId: post.threadId } : {}),
      author: { name: post.author.name, bot: post.author.bot },
      at: post.at,
      ...(post.text !== undefined ? { text: post.text } : {}),
      ...(post.message ? { message: toClientMessage(post.message) } : {}),
      private: post.visibleTo !== undefined,
      note: post.note === true,
    }));
  }

  /** A message typed into the channel (or a thread): a command when it starts with "/". */
  async say(persona: Persona, rawText: string, threadId?: string): Promise<PlaygroundResult> {
    const text = rawText.trim();
    if (text === '') throw new PlaygroundInputError('Type a message first.');
    const root = threadId ? this.channel.get(threadId) : undefined;
    if (threadId && (!root || root.threadId))
      throw new PlaygroundInputError('That thread is no longer in the channel. Post in the channel instead.');
    const author = { id: persona.id, name: persona.name, bot: false };
    if (text.startsWith('/')) {
      // Echoed privately, as Slack shows nobody else the command someone ran.
      this.channel.post({ author, at: this.now(), text, visibleTo: persona.id, ...(root ? { threadId: root.id } : {}) });
      return this.handle(persona, { kind: 'command', line: withMentions(text), place: this.place(root?.id) }, root?.id);
    }
    const post = this.channel.post({ author, at: this.now(), text, ...(root ? { threadId: root.id } : {}) });
    const thread = root?.id ?? post.id;
    const seen = {
      place: { ...this.place(thread), threadId: thread, messageId: post.id },
      text,
      author: { id: persona.id, name: persona.name },
      postedAt: this.core.now(),
      isThreadReply: root !== undefined,
      origin: 'detected' as const,
    };
    let reason: keyof typeof SILENCE_REASONS | undefined;
    const result = await this.handle(persona, { kind: 'message', seen }, root?.id, (prompt) => {
      if (prompt?.kind === 'skipped') reason = prompt.reason;
    });
    // The playground explains why the bot stayed quiet, for someone trying it out.
    if (reason)
      this.channel.post({
        author: BOT,
        at: this.now(),
        message: textMessage(SILENCE_REASONS[reason]),
        visibleTo: persona.id,
        note: true,
        ...(root ? { threadId: root.id } : {}),
      });
    return result;
  }

  /** A button in a post. */
  async click(persona: Persona, postId: string, action: CoreAction): Promise<PlaygroundResult> {
    const post = this.visiblePost(persona, postId);
    const thread = post.threadId ?? post.id;
    return this.handle(persona, { kind: 'button', action, place: this.place(thread) }, thread, undefined, postId);
  }

  /** A submitted form; refusals about one field come back to be shown next to it. */
  async submit(
    persona: Persona,
    form: { kind: FormKind; context: Readonly<Record<string, string>> },
    values: FormValues,
    postId?: string,
  ): Promise<PlaygroundResult> {
    const from = postId ? this.channel.get(postId) : undefined;
    const thread = from ? (from.threadId ?? from.id) : undefined;
    return this.handle(persona, { kind: 'form.submit', form, values, place: this.place(thread) }, thread, undefined, postId);
  }

  private visiblePost(persona: Persona, postId: string): ChannelPost {
    const post = this.channel.get(postId);
    if (!post || (post.visibleTo !== undefined && post.visibleTo !== persona.id)) {
      throw new PlaygroundInputError('That message is no longer in the channel. Use the newest one.');
    }
    return post;
  }

  /** Hands the interaction to the core with this channel as its surface, and collects a form to open. */
  private async handle(
    persona: Persona,
    interaction: Interaction,
    thread: string | undefined,
    onResult?: (prompt: Awaited<ReturnType<Core['handle']>>['prompt']) => void,
    fromPostId?: string,
  ): Promise<PlaygroundResult> {
    let opened: PlaygroundResult = {};
    const result = await this.core.handle(
      actorOf(persona),
      interaction,
      this.surface(persona, thread, (form, errors) => {
        opened = { form: toClientForm(form, fromPostId), ...(errors ? { errors } : {}) };
      }),
    );
    onResult?.(result.prompt);
    return opened;
  }

  private surface(persona: Persona, thread: string | undefined, open: (form: Form, errors?: readonly FieldError[]) => void): Surface {
    const reply = (message: Message, visibleTo?: string) =>
      this.channel.post({
        author: BOT,
        at: this.now(),
        message,
        ...(visibleTo ? { visibleTo } : {}),
        ...(thread ? { threadId: thread } : {}),
      });
    return {
      privateRepliesAreHidden: true,
      post: async (target: PostTarget, message: Message): Promise<PostedMessage> => {
        const post = this.channel.post({ author: BOT, at: this.now(), message, ...(target.threadId ? { threadId: target.threadId } : {}) });
        return { channelId: CHANNEL.id, messageId: post.id };
      },
      replace: async (target: PostedMessage, message: Message): Promise<void> => {
        if (!this.channel.replace(target.messageId, message)) throw new SurfaceError('That post is no longer in the channel', true);
      },
      replyPrivately: async (message: Message) => void reply(message, persona.id),
      replyPublicly: async (message: Message) => void reply(message),
      replyConfidentially: async (message: Message) => {
        reply(message, persona.id);
        return 'here' as const;
      },
      openForm: async (form: Form, state) => open(form, state?.errors),
    };
  }

  /**
   * Delivery outside a request (the digest, reminders) for the `local` platform: into the channel,
   * or privately to one person, as Slack would post it.
   */
  messenger(): Messenger {
    return {
      send: async (workspaceId: string, destination: Destination, message: Message): Promise<DeliveryResult> => {
        if (workspaceId !== LOCAL_WORKSPACE_ID)
          return { ok: false, retryable: false, reason: 'the playground serves only the local workspace' };
        if (destination.kind === 'conversation' && destination.conversationId !== CHANNEL.id) {
          return { ok: false, retryable: false, reason: `the playground has no conversation "${destination.conversationId}"` };
        }
        const post = this.channel.post({
          author: BOT,
          at: this.now(),
          message,
          ...(destination.kind === 'person' ? { visibleTo: destination.userId } : {}),
        });
        return { ok: true, messageId: post.id };
      },
    };
  }
}
