/**
 * Who and where, from a Teams activity. Pure functions over the Bot Framework activity shape.
 *
 * Teams addresses a channel thread as `<channel id>;messageid=<root id>`: every reply in the
 * thread carries the same conversation id, and a root post carries its own id there. Group chats
 * and personal chats have no threads, so each message is its own "thread" and the bot replies to
 * the message itself.
 */
import type { Activity, ChannelAccount } from 'botbuilder';
import type { Actor } from '../../core/domain/shared.js';

export type ConversationKind = 'channel' | 'groupChat' | 'personal';

export interface TeamsWhere {
  readonly workspaceId: string;
  readonly kind: ConversationKind;
  /** The conversation as the connector addresses it (in a channel, the thread). */
  readonly conversationId: string;
  /** The channel or chat itself: per-channel settings, digest targets, prompt caps. */
  readonly channelId: string;
  /** Root of the reply chain the activity belongs to. */
  readonly threadId: string;
  readonly channelName?: string;
  readonly teamName?: string;
}

interface TeamsChannelData {
  readonly tenant?: { readonly id?: string };
  readonly team?: { readonly id?: string; readonly name?: string };
  readonly channel?: { readonly id?: string; readonly name?: string };
}

const THREAD_MARK = ';messageid=';

const channelDataOf = (activity: Partial<Activity>): TeamsChannelData =>
  typeof activity.channelData === 'object' && activity.channelData !== null ? (activity.channelData as TeamsChannelData) : {};

/** The tenant is the Teams "workspace": one organisation's data, roles and settings. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? channelDataOf(activity).tenant?.id;
}

export const workspaceIdFor = (tenantId: string): string => `teams:${tenantId}`;

export function whereOf(activity: Partial<Activity>): TeamsWhere | undefined {
  const conversationId = activity.conversation?.id;
  const tenantId = tenantOf(activity);
  if (!conversationId || !tenantId) return undefined;
  const data = channelDataOf(activity);
  const type = activity.conversation?.conversationType;
  const kind: ConversationKind = type === 'channel' ? 'channel' : type === 'groupChat' ? 'groupChat' : 'personal';
  const mark = conversationId.indexOf(THREAD_MARK);
  const channelId = mark >= 0 ? conversationId.slice(0, mark) : conversationId;
  const threadRoot = mark >= 0 ? conversationId.slice(mark + THREAD_MARK.length) : undefined;
  return {
    workspaceId: workspaceIdFor(tenantId),
    kind,
    conversationId,
    channelId,
    threadId: (kind === 'channel' ? threadRoot : undefined) ?? activity.id ?? conversationId,
    ...(data.channel?.name ? { channelName: data.channel.name } : {}),
    ...(data.team?.name ? { teamName: data.team.name } : {}),
  };
}

/** Teams escapes these in message text; the command grammar wants what the person typed. */
const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&apos;': "'",
  '&nbsp;': ' ',
};

interface MentionEntity {
  readonly type?: string;
  readonly text?: string;
  readonly mentioned?: { readonly id?: string; readonly name?: string };
}

const mentionsOf = (activity: Partial<Activity>): MentionEntity[] =>
  (activity.entities ?? []).filter((entity): entity is MentionEntity & { type: 'mention' } => entity.type === 'mention') as MentionEntity[];

/** Whether the activity @mentions the bot (the recipient). */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId) && mentionsOf(activity).some((mention) => mention.mentioned?.id === botId);
}

/**
 * The text as a command line: the bot's own mention removed, other people's mentions turned into
 * `<@id|Name>` (what the core reads as a person), HTML entities and stray tags undone, and
 * whitespace collapsed. A mention's text must come from an entity Teams attached, so typing
 * `<at>` or `<@id>` by hand mentions nobody.
 */
export function plainText(activity: Partial<Activity>): string {
  // A typed `<@…>` (escaped or not) stays text, with a word joiner after `<`: only an entity Teams
  // attached can name a person.
  let text = (activity.text ?? '').replace(/(?:<|&lt;)@/g, '<\u2060@');
  const botId = activity.recipient?.id;
  for (const mention of mentionsOf(activity)) {
    if (!mention.text) continue;
    const id = mention.mentioned?.id;
    const name = (mention.mentioned?.name ?? '').replace(/[|<>]/g, '').trim();
    const replacement = !id || id === botId ? ' ' : ` <@${id}${name ? `|${name}` : ''}> `;
    text = text.split(mention.text).join(replacement);
  }
  return text
    .replace(/<\/?(?:at|p|div|span|b|i|strong|em)\b[^>]*>/gi, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The person acting, with their Entra object id (which ADMIN_USERS may name). */
export function actorOf(from: ChannelAccount, workspaceId: string): Actor {
  return {
    id: from.id,
    workspaceId,
    ...(from.name ? { name: from.name } : {}),
    ...(from.aadObjectId ? { directoryId: from.aadObjectId } : {}),
  };
}
