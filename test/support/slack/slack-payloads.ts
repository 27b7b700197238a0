/**
 * What Slack sends to an app, as plain objects: the Events API envelope and its inner events, slash
 * command fields and interaction payloads. The same objects go over HTTP (signed-requests.ts) and
 * over Socket Mode (fake-socket-mode.ts), so a test builds a request once for either transport.
 *
 * Shapes follow Slack's reference pages and the payload types in @slack/bolt 5; fields Bolt reads to
 * route and authorize (team, enterprise, authorizations, is_enterprise_install) are always present.
 */
import { randomUUID } from 'node:crypto';

/** The workspace, app and bot a request comes from. */
export interface SlackIdentity {
  teamId: string;
  teamDomain: string;
  enterpriseId?: string;
  /** An org-wide (Enterprise Grid) install; events then carry `team_id: null` in the authorization. */
  isEnterpriseInstall?: boolean;
  appId: string;
  botUserId: string;
}

export const SLACK_TEST_IDS = {
  teamId: 'T0TEAM1',
  teamDomain: 'example',
  appId: 'A0APP',
  botUserId: 'U0BOT',
  botId: 'B0BOT',
  userId: 'U0USER',
  channelId: 'C0CHANNEL',
  /** The legacy verification token Slack still puts in every payload; Bolt ignores it. */
  verificationToken: 'fake-verification-token',
} as const;

export type SlackEvent = { type: string } & Record<string, unknown>;
export type Payload = Record<string, unknown>;

let sequence = 0;
const next = () => ++sequence;

/** A message timestamp for "now": unique, and increasing within one test process. */
export function slackTs(offsetSeconds = 0): string {
  return `${Math.floor(Date.now() / 1000) + offsetSeconds}.${String(next() % 1_000_000).padStart(6, '0')}`;
}

export const triggerId = () => `${next()}.${Date.now()}.${randomUUID().replaceAll('-', '').slice(0, 32)}`;

const eventTs = () => slackTs();
const userName = (userId: string) => `user-${userId.toLowerCase()}`;
const enterpriseOf = (ids: SlackIdentity) => (ids.enterpriseId ? { id: ids.enterpriseId, name: `Enterprise ${ids.enterpriseId}` } : null);
const team = (ids: SlackIdentity) => ({
  id: ids.teamId,
  domain: ids.teamDomain,
  ...(ids.enterpriseId ? { enterprise_id: ids.enterpriseId, enterprise_name: `Enterprise ${ids.enterpriseId}` } : {}),
});
const user = (ids: SlackIdentity, userId: string) => ({
  id: userId,
  username: userName(userId),
  name: userName(userId),
  team_id: ids.teamId,
});
/** Conversation type from the id's first letter, as Slack names it in message events. */
const channelTypeOf = (channel: string) => (channel.startsWith('G') ? 'group' : channel.startsWith('D') ? 'im' : 'channel');

// ---------------------------------------------------------------- Events API

export interface EnvelopeOptions {
  eventId?: string;
  authorizations?: Payload[];
}

export function eventEnvelope(event: SlackEvent, ids: SlackIdentity, options: EnvelopeOptions = {}): Payload {
  const enterpriseInstall = ids.isEnterpriseInstall ?? false;
  return {
    token: SLACK_TEST_IDS.verificationToken,
    team_id: ids.teamId,
    ...(ids.enterpriseId ? { enterprise_id: ids.enterpriseId } : {}),
    context_team_id: enterpriseInstall ? null : ids.teamId,
    context_enterprise_id: ids.enterpriseId ?? null,
    api_app_id: ids.appId,
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${String(next()).padStart(9, '0')}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: options.authorizations ?? [
      {
        enterprise_id: ids.enterpriseId ?? null,
        team_id: enterpriseInstall ? null : ids.teamId,
        user_id: ids.botUserId,
        is_bot: true,
        is_enterprise_install: enterpriseInstall,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-${Buffer.from(`${ids.teamId}:${ids.appId}`).toString('base64url')}`,
  };
}

export interface MessageEventInput {
  channel: string;
  user: string;
  text: string;
  ts?: string;
  threadTs?: string;
  channelType?: 'channel' | 'group' | 'im' | 'mpim';
  /** `message_changed` and `message_deleted` nest the message the way Slack does; others stay flat. */
  subtype?: string;
  botId?: string;
}

export function messageEvent(input: MessageEventInput, ids: SlackIdentity): SlackEvent {
  const ts = input.ts ?? slackTs();
  const channelType = input.channelType ?? channelTypeOf(input.channel);
  const inner = {
    type: 'message',
    user: input.user,
    text: input.text,
    ts,
    team: ids.teamId,
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    ...(input.botId
      ? { bot_id: input.botId, app_id: 'A0OTHERAPP', bot_profile: { id: input.botId, name: 'other bot', team_id: ids.teamId } }
      : {}),
  };
  if (input.subtype === 'message_changed' || input.subtype === 'message_deleted') {
    // Edits and deletions are events about an older message: their own ts is the time of the change.
    const changedAt = slackTs();
    const common = {
      type: 'message',
      subtype: input.subtype,
      hidden: true,
      channel: input.channel,
      channel_type: channelType,
      ts: changedAt,
      event_ts: changedAt,
    };
    return input.subtype === 'message_changed'
      ? { ...common, message: { ...inner, edited: { user: input.user, ts: changedAt } }, previous_message: inner }
      : { ...common, deleted_ts: ts, previous_message: inner };
  }
  return {
    ...inner,
    ...(input.subtype ? { subtype: input.subtype } : { client_msg_id: randomUUID() }),
    ...(input.subtype === 'thread_broadcast' ? { root: { type: 'message', ts: input.threadTs ?? ts, text: '(thread root)' } } : {}),
    blocks: [
      { type: 'rich_text', block_id: 'b1', elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: input.text }] }] },
    ],
    channel: input.channel,
    event_ts: ts,
    channel_type: channelType,
  };
}

export function appMention(
  input: { channel: string; user: string; text: string; ts?: string; threadTs?: string },
  ids: SlackIdentity,
): SlackEvent {
  const ts = input.ts ?? slackTs();
  return {
    type: 'app_mention',
    user: input.user,
    text: input.text,
    ts,
    team: ids.teamId,
    client_msg_id: randomUUID(),
    ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    channel: input.channel,
    event_ts: ts,
  };
}

export function reactionAdded(input: {
  user: string;
  reaction: string;
  item: { channel: string; ts: string };
  itemUser?: string;
}): SlackEvent {
  return {
    type: 'reaction_added',
    user: input.user,
    reaction: input.reaction,
    item: { type: 'message', channel: input.item.channel, ts: input.item.ts },
    ...(input.itemUser ? { item_user: input.itemUser } : {}),
    event_ts: eventTs(),
  };
}

export function appHomeOpened(userId: string, options: { tab?: 'home' | 'messages'; channel?: string } = {}): SlackEvent {
  return {
    type: 'app_home_opened',
    user: userId,
    channel: options.channel ?? `D${userId.slice(1)}`,
    tab: options.tab ?? 'home',
    event_ts: eventTs(),
  };
}

export function memberJoinedChannel(input: { user: string; channel: string; inviter?: string }, ids: SlackIdentity): SlackEvent {
  return {
    type: 'member_joined_channel',
    user: input.user,
    channel: input.channel,
    // This event names the conversation type by letter, unlike message events.
    channel_type: input.channel.startsWith('G') ? 'G' : 'C',
    team: ids.teamId,
    ...(input.inviter ? { inviter: input.inviter } : {}),
    event_ts: eventTs(),
  };
}

export const appUninstalled = (): SlackEvent => ({ type: 'app_uninstalled', event_ts: eventTs() });

export function tokensRevoked(tokens: { bot?: string[]; oauth?: string[] }): SlackEvent {
  return {
    type: 'tokens_revoked',
    tokens: { ...(tokens.oauth ? { oauth: tokens.oauth } : {}), ...(tokens.bot ? { bot: tokens.bot } : {}) },
    event_ts: eventTs(),
  };
}

// ---------------------------------------------------------------- Slash commands

export interface CommandOptions {
  userId?: string;
  channelId?: string;
  channelName?: string;
  triggerId?: string;
  responseUrl?: string;
}

/** A slash command's fields: every value a string, exactly as Slack form-encodes them. */
export function slashCommand(
  command: string,
  text: string,
  ids: SlackIdentity,
  options: CommandOptions & { responseUrl: string },
): Record<string, string> {
  const userId = options.userId ?? SLACK_TEST_IDS.userId;
  const channelId = options.channelId ?? SLACK_TEST_IDS.channelId;
  return {
    token: SLACK_TEST_IDS.verificationToken,
    team_id: ids.teamId,
    team_domain: ids.teamDomain,
    ...(ids.enterpriseId ? { enterprise_id: ids.enterpriseId, enterprise_name: `Enterprise ${ids.enterpriseId}` } : {}),
    channel_id: channelId,
    channel_name: options.channelName ?? (channelId.startsWith('D') ? 'directmessage' : `channel-${channelId.toLowerCase()}`),
    user_id: userId,
    user_name: userName(userId),
    command,
    text,
    api_app_id: ids.appId,
    is_enterprise_install: String(ids.isEnterpriseInstall ?? false),
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? triggerId(),
  };
}

// ---------------------------------------------------------------- Interactions

/** The fields every interaction payload carries. */
function interactionBase(type: string, ids: SlackIdentity, userId: string): Payload {
  return {
    type,
    user: user(ids, userId),
    api_app_id: ids.appId,
    token: SLACK_TEST_IDS.verificationToken,
    team: team(ids),
    enterprise: enterpriseOf(ids),
    is_enterprise_install: ids.isEnterpriseInstall ?? false,
  };
}

/** A modal as Slack echoes it back in view payloads. */
export interface ViewInput {
  id?: string;
  callbackId: string;
  privateMetadata?: string;
  values?: Record<string, Record<string, Payload>>;
}

function viewOutput(view: ViewInput, ids: SlackIdentity): Payload {
  const id = view.id ?? `V${String(next()).padStart(10, '0')}`;
  return {
    id,
    team_id: ids.teamId,
    type: 'modal',
    blocks: [],
    private_metadata: view.privateMetadata ?? '',
    callback_id: view.callbackId,
    state: { values: view.values ?? {} },
    hash: `${Math.floor(Date.now() / 1000)}.${randomUUID().slice(0, 8)}`,
    title: { type: 'plain_text', text: 'Customer Focus', emoji: true },
    clear_on_close: false,
    notify_on_close: false,
    close: null,
    submit: { type: 'plain_text', text: 'Save', emoji: true },
    previous_view_id: null,
    root_view_id: id,
    app_id: ids.appId,
    external_id: '',
    app_installed_team_id: ids.teamId,
    bot_id: SLACK_TEST_IDS.botId,
  };
}

export interface BlockActionInput {
  actionId: string;
  blockId?: string;
  value?: string;
  /** Element type; `static_select` when `selectedOption` is given, else `button`. */
  type?: string;
  selectedOption?: { value: string; text?: string };
  selectedUser?: string;
  selectedDate?: string;
  userId?: string;
  /** A message action (the default) needs its channel and message; an action inside a modal gives `view`. */
  channelId?: string;
  messageTs?: string;
  threadTs?: string;
  messageText?: string;
  messageBlocks?: unknown[];
  view?: ViewInput;
  responseUrl: string;
  triggerId?: string;
}

export function blockAction(input: BlockActionInput, ids: SlackIdentity): Payload {
  const type =
    input.type ??
    (input.selectedOption ? 'static_select' : input.selectedUser ? 'users_select' : input.selectedDate ? 'datepicker' : 'button');
  const action: Payload = {
    action_id: input.actionId,
    block_id: input.blockId ?? 'actions',
    type,
    action_ts: slackTs(),
    ...(input.value !== undefined ? { value: input.value } : {}),
    ...(type === 'button' ? { text: { type: 'plain_text', text: input.value ?? input.actionId, emoji: true } } : {}),
    ...(input.selectedOption
      ? {
          selected_option: {
            text: { type: 'plain_text', text: input.selectedOption.text ?? input.selectedOption.value, emoji: true },
            value: input.selectedOption.value,
          },
        }
      : {}),
    ...(input.selectedUser ? { selected_user: input.selectedUser } : {}),
    ...(input.selectedDate ? { selected_date: input.selectedDate } : {}),
  };
  const base = {
    ...interactionBase('block_actions', ids, input.userId ?? SLACK_TEST_IDS.userId),
    trigger_id: input.triggerId ?? triggerId(),
  };
  if (input.view) {
    const view = viewOutput(input.view, ids);
    return { ...base, container: { type: 'view', view_id: view.id }, view, state: view.state, actions: [action] };
  }
  const channelId = input.channelId ?? SLACK_TEST_IDS.channelId;
  const messageTs = input.messageTs ?? slackTs();
  return {
    ...base,
    container: {
      type: 'message',
      message_ts: messageTs,
      channel_id: channelId,
      is_ephemeral: false,
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
    },
    channel: { id: channelId, name: `channel-${channelId.toLowerCase()}` },
    // The bot's own message, as an app posts it with its bot token: bot_id and user, no subtype.
    message: {
      type: 'message',
      bot_id: SLACK_TEST_IDS.botId,
      app_id: ids.appId,
      user: ids.botUserId,
      ts: messageTs,
      text: input.messageText ?? '',
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      blocks: input.messageBlocks ?? [],
    },
    state: { values: {} },
    response_url: input.responseUrl,
    actions: [action],
  };
}

export interface ViewSubmissionInput extends ViewInput {
  userId?: string;
  viewId?: string;
}

export function viewSubmission(input: ViewSubmissionInput, ids: SlackIdentity): Payload {
  return {
    ...interactionBase('view_submission', ids, input.userId ?? SLACK_TEST_IDS.userId),
    trigger_id: triggerId(),
    view: viewOutput({ ...input, ...(input.viewId ? { id: input.viewId } : {}) }, ids),
    // Only modals opened with response_url_enabled inputs get URLs here.
    response_urls: [],
  };
}

export function viewClosed(input: ViewSubmissionInput, ids: SlackIdentity): Payload {
  return {
    ...interactionBase('view_closed', ids, input.userId ?? SLACK_TEST_IDS.userId),
    view: viewOutput({ ...input, ...(input.viewId ? { id: input.viewId } : {}) }, ids),
    is_cleared: false,
  };
}

export interface MessageShortcutInput {
  callbackId: string;
  message: { ts: string; text: string; user: string; thread_ts?: string };
  channelId?: string;
  userId?: string;
  triggerId?: string;
  responseUrl: string;
}

export function messageShortcut(input: MessageShortcutInput, ids: SlackIdentity): Payload {
  const channelId = input.channelId ?? SLACK_TEST_IDS.channelId;
  return {
    ...interactionBase('message_action', ids, input.userId ?? SLACK_TEST_IDS.userId),
    callback_id: input.callbackId,
    trigger_id: input.triggerId ?? triggerId(),
    action_ts: slackTs(),
    message_ts: input.message.ts,
    channel: { id: channelId, name: `channel-${channelId.toLowerCase()}` },
    message: { type: 'message', team: ids.teamId, client_msg_id: randomUUID(), ...input.message },
    response_url: input.responseUrl,
  };
}

export function globalShortcut(input: { callbackId: string; userId?: string; triggerId?: string }, ids: SlackIdentity): Payload {
  return {
    ...interactionBase('shortcut', ids, input.userId ?? SLACK_TEST_IDS.userId),
    callback_id: input.callbackId,
    trigger_id: input.triggerId ?? triggerId(),
    action_ts: slackTs(),
  };
}

export interface BlockSuggestionInput {
  actionId: string;
  blockId: string;
  /** What the person has typed so far. */
  value: string;
  userId?: string;
  /** The modal the select is in (the usual case); without it, a message in `channelId`. */
  view?: ViewInput;
  channelId?: string;
}

export function blockSuggestion(input: BlockSuggestionInput, ids: SlackIdentity): Payload {
  const base = {
    ...interactionBase('block_suggestion', ids, input.userId ?? SLACK_TEST_IDS.userId),
    action_id: input.actionId,
    block_id: input.blockId,
    value: input.value,
  };
  if (input.view) {
    const view = viewOutput(input.view, ids);
    return { ...base, container: { type: 'view', view_id: view.id }, view };
  }
  const channelId = input.channelId ?? SLACK_TEST_IDS.channelId;
  const messageTs = slackTs();
  return {
    ...base,
    container: { type: 'message', message_ts: messageTs, channel_id: channelId, is_ephemeral: false },
    channel: { id: channelId, name: `channel-${channelId.toLowerCase()}` },
  };
}
