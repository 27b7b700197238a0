/**
 * Message shortcuts: check a message's customer impact, or record it as a requirement or as
 * customer feedback (the form opens prefilled with the text and a link back to the message).
 */
import type { App, MessageShortcut } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { respondVia } from '../response-url.js';
import type { SlackRuntime } from '../runtime.js';
import { decodeSlackText } from '../slack-text.js';
import { SHORTCUT_IDS } from '../surface.js';

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
  app.shortcut<MessageShortcut>(SHORTCUT_IDS.check, async ({ shortcut, ack, context, client }) => {
    await ack();
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
  });

  for (const [id, form] of [
    [SHORTCUT_IDS.requirement, 'requirement.add'],
    [SHORTCUT_IDS.feedback, 'feedback.record'],
    [SHORTCUT_IDS.knowledge, 'knowledge.record'],
  ] as const) {
    app.shortcut<MessageShortcut>(id, async ({ shortcut, ack, context, client }) => {
      await ack();
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
    });
  }
}
