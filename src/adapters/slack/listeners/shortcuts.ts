/**
 * Message shortcuts: check a message's customer impact, or record it as a requirement or as
 * customer feedback (the form opens prefilled with the text and a link back to the message).
 */
import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { respondVia } from '../response-url.js';
import type { SlackRuntime } from '../runtime.js';
import { decodeSlackText } from '../slack-text.js';
import { SHORTCUT_IDS } from '../surface.js';
import { oneOf } from './one-of.js';

/** Permalinks keep evidence findable; the form must open within Slack's trigger window, so wait briefly. */
async function permalinkOf(client: WebClient, channel: string, ts: string): Promise<string | undefined> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1000).unref());
  const lookup = client.chat.getPermalink({ channel, message_ts: ts }).then(
    (result) => result.permalink,
    () => undefined,
  );
  return Promise.race([lookup, timeout]);
}

type ShortcutArgs = SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;

// One listener for all of them: Bolt runs every listener's chain on every request (see events.ts).
const ANY_OF_OUR_SHORTCUTS = oneOf(Object.values(SHORTCUT_IDS));

const FORMS = {
  [SHORTCUT_IDS.requirement]: 'requirement.add',
  [SHORTCUT_IDS.feedback]: 'feedback.record',
  [SHORTCUT_IDS.knowledge]: 'knowledge.record',
} as const;

export function registerShortcutListeners(app: App, runtime: SlackRuntime): void {
  app.shortcut<MessageShortcut>(ANY_OF_OUR_SHORTCUTS, async (args) => {
    await args.ack();
    const id = args.shortcut.callback_id;
    if (id === SHORTCUT_IDS.check) await checkImpact(runtime, args);
    else if (id in FORMS) await openForm(runtime, args, FORMS[id as keyof typeof FORMS]);
  });
}

/** "Check customer impact": the message goes to the core as one a person asked about. */
async function checkImpact(runtime: SlackRuntime, { shortcut, context, client }: ShortcutArgs): Promise<void> {
  const { message, channel, user } = shortcut;
  const threadId = message.thread_ts ?? message.ts;
  const permalink = await permalinkOf(client, channel.id, message.ts);
  const seen = {
    place: { platform: 'slack' as const, channelId: channel.id, threadId, messageId: message.ts, ...(permalink ? { permalink } : {}) },
    text: decodeSlackText(message.text ?? ''),
    author: { id: message.user ?? user.id },
    requestedBy: { id: user.id },
    postedAt: new Date(Number(message.ts) * 1000),
    isThreadReply: threadId !== message.ts,
    origin: 'shortcut' as const,
  };
  await runtime.handle(
    context,
    { id: user.id, name: user.name },
    { kind: 'message', seen },
    { client, respond: respondVia(shortcut.response_url), channelId: channel.id, threadId },
  );
}

/** The other shortcuts open a form prefilled with the message (and a link back to it). */
async function openForm(
  runtime: SlackRuntime,
  { shortcut, context, client }: ShortcutArgs,
  form: (typeof FORMS)[keyof typeof FORMS],
): Promise<void> {
  const text = decodeSlackText(shortcut.message.text ?? '').slice(0, 3000);
  const link = await permalinkOf(client, shortcut.channel.id, shortcut.message.ts);
  // A file shared with the message is the document itself: its name and its own link.
  const file = (shortcut.message as { files?: { name?: string; permalink?: string }[] }).files?.[0];
  const request =
    form === 'requirement.add'
      ? { form, prefill: { statement: text, sourceText: 'Slack message', ...(link ? { sourceLink: link } : {}) } }
      : form === 'knowledge.record' && file?.name
        ? {
            form,
            prefill: { summary: text, fileName: file.name, ...((file.permalink ?? link) ? { link: file.permalink ?? link } : {}) },
          }
        : { form, prefill: { summary: text, ...(link ? { link } : {}) } };
  await runtime.handle(
    context,
    { id: shortcut.user.id, name: shortcut.user.name },
    { kind: 'form.open', request, place: { platform: 'slack', channelId: shortcut.channel.id } },
    { client, respond: respondVia(shortcut.response_url), triggerId: shortcut.trigger_id, channelId: shortcut.channel.id },
  );
}
