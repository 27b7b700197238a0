/**
 * Message shortcuts: check a message's customer impact, or record it as a requirement or as
 * customer feedback (the form opens prefilled with the text and a link back to the message).
 */
import type { App, MessageShortcut } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackRuntime } from '../runtime.js';
import { SHORTCUT_IDS } from '../surface.js';
import { openForm, replyPrivately } from './commands.js';

/** Permalinks keep evidence findable; the form must open within Slack's trigger window, so wait briefly. */
async function permalinkOf(client: WebClient, channel: string, ts: string): Promise<string | undefined> {
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1000).unref());
  const lookup = client.chat.getPermalink({ channel, message_ts: ts }).then(
    (result) => result.permalink,
    () => undefined,
  );
  return Promise.race([lookup, timeout]);
}

export function registerShortcutListeners(app: App, runtime: SlackRuntime): void {
  app.shortcut<MessageShortcut>(SHORTCUT_IDS.check, async ({ shortcut, ack, respond, context, client }) => {
    await ack();
    const workspaceId = await runtime.workspace(context);
    const { message, channel, user } = shortcut;
    const threadId = message.thread_ts ?? message.ts;
    const permalink = await permalinkOf(client, channel.id, message.ts);
    const result = await runtime.ask(client, workspaceId, {
      place: { platform: 'slack', channelId: channel.id, threadId, messageId: message.ts, ...(permalink ? { permalink } : {}) },
      text: message.text ?? '',
      author: { id: message.user ?? user.id },
      requestedBy: { id: user.id },
      postedAt: new Date(Number(message.ts) * 1000),
      isThreadReply: threadId !== message.ts,
      origin: 'shortcut',
    });
    if (result === 'skipped')
      await replyPrivately(respond, 'I have already asked about the decision in that thread; the answers are there.');
  });

  for (const [id, form] of [
    [SHORTCUT_IDS.requirement, 'requirement.add'],
    [SHORTCUT_IDS.feedback, 'feedback.record'],
    [SHORTCUT_IDS.knowledge, 'knowledge.record'],
  ] as const) {
    app.shortcut<MessageShortcut>(id, async ({ shortcut, ack, context, client }) => {
      await ack();
      const workspaceId = await runtime.workspace(context);
      const actor = await runtime.actor(client, workspaceId, shortcut.user.id, shortcut.user.name);
      const text = (shortcut.message.text ?? '').slice(0, 3000);
      const link = await permalinkOf(client, shortcut.channel.id, shortcut.message.ts);
      const request =
        form === 'requirement.add'
          ? { form, prefill: { statement: text, sourceText: 'Slack message', ...(link ? { sourceLink: link } : {}) } }
          : { form, prefill: { summary: text, ...(link ? { link } : {}) } };
      await openForm(client, runtime, actor, shortcut.trigger_id, request, shortcut.channel.id);
    });
  }
}
