/**
 * Inbound Teams activities as the Bot Framework service sends them (shapes after botbuilder-js'
 * Teams test fixtures and Microsoft's docs), with the fake connector as their serviceUrl.
 */
export const TENANT = 'tenant-0001';
export const BOT = { id: '28:bot-app-id', name: 'Customer Focus' };
export const ANN = { id: '29:ann', name: 'Ann Admin', aadObjectId: 'aad-ann' };
export const BEN = { id: '29:ben', name: 'Ben Member', aadObjectId: 'aad-ben' };
export const CHANNEL = '19:general@thread.tacv2';
export const GROUP_CHAT = '19:group-chat@thread.v2';
export const PERSONAL = 'a:personal-ann';

export type Activity = Record<string, unknown>;

let counter = 0;
const nextId = () => `${1_790_000_000_000 + ++counter}`;

interface Common {
  serviceUrl: string;
  from?: { id: string; name: string; aadObjectId?: string };
  id?: string;
  timestamp?: string;
}

function base(common: Common, conversation: Record<string, unknown>, channelData: Record<string, unknown>): Activity {
  return {
    type: 'message',
    id: common.id ?? nextId(),
    timestamp: common.timestamp ?? new Date().toISOString(),
    serviceUrl: common.serviceUrl,
    channelId: 'msteams',
    from: common.from ?? BEN,
    recipient: BOT,
    conversation: { tenantId: TENANT, ...conversation },
    channelData: { tenant: { id: TENANT }, ...channelData },
    locale: 'en-GB',
    textFormat: 'plain',
  };
}

/** `<at>Name</at>` in the text plus the entity Teams attaches for it. */
export function mention(account: { id: string; name: string }) {
  return {
    text: `<at>${account.name}</at>`,
    entity: { type: 'mention', text: `<at>${account.name}</at>`, mentioned: { id: account.id, name: account.name } },
  };
}

/** A message in a team channel; a root post unless `threadRoot` names the thread it replies to. */
export function channelMessage(common: Common & { text: string; threadRoot?: string; mentions?: ReturnType<typeof mention>[] }): Activity {
  const id = common.id ?? nextId();
  const root = common.threadRoot ?? id;
  return {
    ...base(
      { ...common, id },
      { id: `${CHANNEL};messageid=${root}`, conversationType: 'channel', isGroup: true },
      { team: { id: '19:team@thread.tacv2', name: 'Product team' }, channel: { id: CHANNEL, name: 'General' } },
    ),
    text: common.text,
    entities: (common.mentions ?? []).map((m) => m.entity),
  };
}

export function groupChatMessage(common: Common & { text: string; mentions?: ReturnType<typeof mention>[] }): Activity {
  return {
    ...base(common, { id: GROUP_CHAT, conversationType: 'groupChat', isGroup: true }, {}),
    text: common.text,
    entities: (common.mentions ?? []).map((m) => m.entity),
  };
}

export function personalMessage(common: Common & { text: string; conversationId?: string }): Activity {
  return { ...base(common, { id: common.conversationId ?? PERSONAL, conversationType: 'personal' }, {}), text: common.text };
}

/** An `Action.Submit` on a card: a message with the card's data and inputs in `value`. */
export function cardSubmit(
  common: Common & { value: Record<string, unknown>; replyToId: string; conversationId: string; conversationType?: string },
): Activity {
  return {
    ...base(common, { id: common.conversationId, conversationType: common.conversationType ?? 'channel' }, {}),
    replyToId: common.replyToId,
    value: common.value,
  };
}

export function installation(common: Common & { conversationId: string; conversationType: string }): Activity {
  return {
    ...base(common, { id: common.conversationId, conversationType: common.conversationType }, {}),
    type: 'installationUpdate',
    action: 'add',
  };
}
