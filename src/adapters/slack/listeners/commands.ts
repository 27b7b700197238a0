/**
 * The slash commands. Each is acknowledged at once, then handed to the core as a command line
 * (the same grammar as on Teams); replies go back privately through `response_url`.
 */
import type { App } from '@slack/bolt';
import { respondVia } from '../response-url.js';
import type { SlackRuntime } from '../runtime.js';
import { decodeSlackText } from '../slack-text.js';
import { SLASH_COMMANDS } from '../surface.js';
import { oneOf } from './one-of.js';

// One listener for all of them: Bolt runs every listener's chain on every request (see events.ts).
const ANY_OF_OUR_COMMANDS = oneOf(SLASH_COMMANDS);

export function registerCommandListeners(app: App, runtime: SlackRuntime): void {
  app.command(ANY_OF_OUR_COMMANDS, async ({ command, ack, context, client }) => {
    await ack();
    const place = {
      platform: 'slack' as const,
      channelId: command.channel_id,
      ...(command.channel_name ? { channelName: command.channel_name } : {}),
    };
    await runtime.handle(
      context,
      { id: command.user_id, name: command.user_name },
      { kind: 'command', line: `${command.command} ${decodeSlackText(command.text)}`.trim(), place },
      { client, respond: respondVia(command.response_url), triggerId: command.trigger_id, channelId: command.channel_id },
      command.team_domain,
    );
  });
}
