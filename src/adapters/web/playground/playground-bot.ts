/**
 * The playground's small web adapter: what the Slack listeners do, for a simulated channel in
 * the `local` workspace. Messages go through the core's prompt planning, commands through the one
 * grammar, buttons through the same use cases as Slack's buttons, forms through `submitForm`.
 * No business rule lives here: the adapter only decides where a reply is shown.
 */
import type { CommandOutcome } from '../../../core/commands/execute.js';
import { digestReviewed } from '../../../core/digest/replies.js';
import type { ConversationPlace, DecisionCheck } from '../../../core/domain/decision-check.js';
import type { Actor } from '../../../core/domain/shared.js';
import { LOCAL_WORKSPACE_ID } from '../../../core/domain/workspace.js';
import { answerForm } from '../../../core/forms/catalogue.js';
import type { FormKind, FormValues } from '../../../core/forms/form.js';
import type { FieldError } from '../../../core/forms/form.js';
import type { Core } from '../../../core/index.js';
import { type CoreAction, type Message, textMessage } from '../../../core/messages.js';
import type { DeliveryResult, Destination, Messenger } from '../../../core/ports.js';
import type { PromptPlan } from '../../../core/use-cases/prompts.js';
import { reviewRecorded } from '../../../core/views.js';
import { CHANNEL, PlaygroundChannel } from './channel.js';
import { type ClientForm, formFor, toClientForm } from './forms.js';
import { type ClientMessage, toClientMessage } from './message-json.js';
import { BOT, type Persona, actorOf, withMentions } from './personas.js';

/** Longest message the simulated channel takes (Slack's limit is 4,000 characters). */
export const MAX_MESSAGE_LENGTH = 4000;

export interface ClientPost {
  readonly id: string;
  readonly threadId?: string;
  readonly author: { readonly name: string; readonly bot: boolean };
  readonly at: string;
  readonly text?: string;
  readonly message?: ClientMessage;
  readonly lead?: ClientMessage;
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

/** Why the bot stayed quiet, in words for someone trying it out (the playground's own notes). */
const SKIP_NOTES: Record<Extract<PromptPlan, { kind: 'skip' }>['reason'], string> = {
  'not-a-decision':
    'The bot stayed quiet: this does not read as a team decision. Try "We have decided to move support hours to 9–17 from January", or start a check by hand with /customer-check <decision>.',
  'too-old': 'The bot stayed quiet: the message is too old to ask about.',
  'detection-off': 'The bot stayed quiet: decision detection is off in this channel (/customer-focus detection auto turns it on).',
  'mention-only': 'The bot stayed quiet: in this channel it asks only when asked (/customer-focus detection auto changes that).',
  snoozed: 'The bot stayed quiet: detection is snoozed in this channel.',
  'quiet-hours': 'The bot stayed quiet: it is quiet hours for this workspace.',
  'daily-cap':
    'The bot stayed quiet: it already asked as often today as this channel allows (/customer-focus settings cap:… changes that).',
  'already-asked': 'The bot already asked in this thread; it asks once per thread.',
  'being-asked': 'The bot is asking in this thread right now.',
};

export class PlaygroundBot {
  readonly channel: PlaygroundChannel;

  constructor(private readonly core: Core) {
    this.channel = new PlaygroundChannel(() => core.deps.ids.newId());
  }

  private now(): string {
    return this.core.deps.clock.now().toISOString();
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
      ...(post.lead ? { lead: toClientMessage(post.lead) } : {}),
      private: post.visibleTo !== undefined,
      note: post.note === true,
    }));
  }

  private reply(persona: Persona, message: Message, threadId?: string, note = false): void {
    this.channel.post({
      author: BOT,
      at: this.now(),
      message,
      visibleTo: persona.id,
      ...(threadId ? { threadId } : {}),
      ...(note ? { note } : {}),
    });
  }

  /** A message typed into the channel (or a thread): a command when it starts with "/". */
  async say(persona: Persona, rawText: string, threadId?: string): Promise<PlaygroundResult> {
    const text = rawText.trim();
    if (text === '') throw new PlaygroundInputError('Type a message first.');
    if (text.length > MAX_MESSAGE_LENGTH)
      throw new PlaygroundInputError(
        `That message is ${text.length} characters long; the limit is ${MAX_MESSAGE_LENGTH}. Please shorten it.`,
      );
    const root = threadId ? this.channel.get(threadId) : undefined;
    if (threadId && (!root || root.threadId))
      throw new PlaygroundInputError('That thread is no longer in the channel. Post in the channel instead.');
    if (text.startsWith('/')) return this.command(persona, text, root?.id);

    const author = { id: persona.id, name: persona.name, bot: false };
    const post = this.channel.post({ author, at: this.now(), text, ...(root ? { threadId: root.id } : {}) });
    const threadRoot = root?.id ?? post.id;
    const plan = await this.core.planPrompt(LOCAL_WORKSPACE_ID, {
      place: { ...this.place(threadRoot), threadId: threadRoot, messageId: post.id },
      text,
      author: { id: persona.id, name: persona.name },
      postedAt: this.core.deps.clock.now(),
      isThreadReply: root !== undefined,
      origin: 'detected',
    });
    if (plan.kind === 'skip') {
      this.reply(persona, textMessage(SKIP_NOTES[plan.reason]), root?.id, true);
      return {};
    }
    const prompt = this.channel.post({ author: BOT, at: this.now(), message: plan.message, checkId: plan.check.id, threadId: threadRoot });
    await this.core.promptPosted(plan.check, plan.lease, { channelId: CHANNEL.id, messageId: prompt.id });
    return {};
  }

  /** `/requirement …`, `/customer-feedback …`, `/customer-check …`, `/customer-focus …`. */
  private async command(persona: Persona, line: string, threadId?: string): Promise<PlaygroundResult> {
    const actor = actorOf(persona);
    // Echoed privately, as Slack shows nobody else the command someone ran.
    this.channel.post({
      author: { id: persona.id, name: persona.name, bot: false },
      at: this.now(),
      text: line,
      visibleTo: persona.id,
      ...(threadId ? { threadId } : {}),
    });
    const result = await this.core.runCommand(actor, withMentions(line), { place: this.place(threadId) });
    if (!result.ok) {
      this.reply(persona, textMessage(result.error.message), threadId);
      return {};
    }
    return this.show(persona, actor, result.value, line, threadId);
  }

  private async show(persona: Persona, actor: Actor, outcome: CommandOutcome, line: string, threadId?: string): Promise<PlaygroundResult> {
    switch (outcome.kind) {
      case 'message': {
        const share = outcome.shareable
          ? [
              {
                kind: 'actions' as const,
                buttons: [{ label: 'Share in channel', action: { kind: 'command.share' as const, command: line } }],
              },
            ]
          : [];
        this.reply(persona, { ...outcome.message, blocks: [...outcome.message.blocks, ...share] }, threadId);
        return {};
      }
      case 'form': {
        const form = await formFor(this.core, actor, outcome.request);
        if (typeof form === 'string') {
          this.reply(persona, textMessage(form), threadId);
          return {};
        }
        return { form: toClientForm(form) };
      }
      case 'check-started': {
        const check = await this.core.getCheck(actor, outcome.checkId);
        if (check.ok) await this.postCheck(actor, check.value);
        return {};
      }
    }
  }

  /** A check started by command or form gets its own post, whose thread holds the answers. */
  private async postCheck(actor: Actor, check: DecisionCheck): Promise<void> {
    const lead: Message = {
      fallback: `Decision check: ${check.text}`,
      blocks: [
        {
          kind: 'text',
          parts: ['Decision check from ', { person: { id: actor.id, name: actor.name ?? actor.id } }, ': ', { user: check.text }],
        },
      ],
    };
    const post = this.channel.post({ author: BOT, at: this.now(), lead, message: await this.core.currentPrompt(check), checkId: check.id });
    await this.core.attachPrompt(check, { channelId: CHANNEL.id, messageId: post.id });
  }

  private async redraw(check: DecisionCheck): Promise<void> {
    this.channel.redrawCheck(check.id, await this.core.currentPrompt(check));
  }

  /** A button in a post. */
  async click(persona: Persona, postId: string, action: CoreAction): Promise<PlaygroundResult> {
    const post = this.channel.get(postId);
    if (!post || (post.visibleTo !== undefined && post.visibleTo !== persona.id)) {
      throw new PlaygroundInputError('That message is no longer in the channel. Use the newest one.');
    }
    const actor = actorOf(persona);
    const thread = post.threadId ?? (post.checkId ? post.id : undefined);
    const refuse = (message: string): PlaygroundResult => {
      this.reply(persona, textMessage(message), thread);
      return {};
    };
    switch (action.kind) {
      case 'check.answer': {
        if (action.impact !== 'positive') return this.answerFormFor(persona, action.checkId, postId, action.impact);
        const result = await this.core.answerCheck(actor, action.checkId, { impact: 'positive' });
        if (!result.ok) return refuse(result.error.message);
        await this.redraw(result.value.check);
        return {};
      }
      case 'check.details':
        return this.answerFormFor(persona, action.checkId, postId);
      case 'check.dismiss': {
        const result = await this.core.dismissCheck(actor, action.checkId);
        if (!result.ok) return refuse(result.error.message);
        await this.redraw(result.value);
        return {};
      }
      case 'action.close': {
        const result = await this.core.closeAction(actor, action.actionId);
        return refuse(result.ok ? 'Marked as done, and kept as evidence.' : result.error.message);
      }
      case 'command.share': {
        // Run again as the person who clicked, so sharing never shows more than they may see.
        const result = await this.core.runCommand(actor, action.command, { place: this.place(thread) });
        if (!result.ok) return refuse(result.error.message);
        if (result.value.kind !== 'message' || !result.value.shareable) return refuse('That answer cannot be shared.');
        const shared = result.value.message;
        this.channel.post({
          author: BOT,
          at: this.now(),
          message: {
            ...shared,
            blocks: [{ kind: 'context', parts: ['Shared by ', { person: { id: actor.id, name: persona.name } }] }, ...shared.blocks],
          },
          ...(thread ? { threadId: thread } : {}),
        });
        return {};
      }
      case 'command.confirm': {
        // The command again, with the confirmation in it, as the person who clicked; answered to them alone.
        const result = await this.core.runCommand(actor, action.command, { place: this.place(thread) });
        if (!result.ok) return refuse(result.error.message);
        return this.show(persona, actor, result.value, action.command, thread);
      }
      case 'requirement.review': {
        const form = await formFor(this.core, actor, { form: 'requirement.review', requirementId: action.requirementId });
        return typeof form === 'string' ? refuse(form) : { form: toClientForm(form, postId) };
      }
      case 'requirement.keep':
      case 'requirement.retire': {
        const result = await this.core.reviewRequirement(
          actor,
          action.requirementId,
          action.kind === 'requirement.keep' ? 'still_valid' : 'retire',
        );
        if (!result.ok) return refuse(result.error.message);
        this.reply(persona, reviewRecorded(result.value.requirement, result.value.review), thread);
        return {};
      }
      case 'digest.reviewed': {
        const result = await this.core.markDigestReviewed(actor, action.digestId);
        if (!result.ok) return refuse(result.error.message);
        this.reply(persona, digestReviewed(result.value), thread);
        return {};
      }
    }
  }

  private async answerFormFor(
    persona: Persona,
    checkId: string,
    postId: string,
    impact?: 'negative' | 'none' | 'unknown',
  ): Promise<PlaygroundResult> {
    const check = await this.core.getCheck(actorOf(persona), checkId);
    if (!check.ok) {
      this.reply(persona, textMessage(check.error.message));
      return {};
    }
    return { form: toClientForm(answerForm(check.value, impact), postId) };
  }

  /** A submitted form; refusals about one field come back to be shown next to it. */
  async submit(
    persona: Persona,
    form: { kind: FormKind; context: Readonly<Record<string, string>> },
    values: FormValues,
    postId?: string,
  ): Promise<PlaygroundResult> {
    const actor = actorOf(persona);
    const from = postId ? this.channel.get(postId) : undefined;
    const thread = from ? (from.threadId ?? (from.checkId ? from.id : undefined)) : undefined;
    const outcome = await this.core.submitForm(actor, form, values, this.place(thread));
    if (outcome.kind === 'invalid') return { errors: outcome.errors };
    if (outcome.kind === 'failed') {
      this.reply(persona, textMessage(outcome.message), thread);
      return {};
    }
    if (outcome.checkId) {
      const check = await this.core.getCheck(actor, outcome.checkId);
      if (check.ok && check.value.prompt) await this.redraw(check.value);
      else if (check.ok && form.kind === 'check.start') {
        await this.postCheck(actor, check.value);
        return {};
      }
    }
    this.reply(persona, outcome.message, thread);
    return {};
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
