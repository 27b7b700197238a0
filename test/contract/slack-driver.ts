/**
 * Slack as the contract suite drives it: signed HTTP into the real Bolt receiver, the real Web API
 * client against the fake Slack. Bolt acknowledges before the listener runs, so the HTTP answer
 * says nothing about when the bot is done; the driver counts the core's finished interactions
 * (observed, not replaced) and waits for the one it caused.
 */
import { expect } from 'vitest';
import type { Core } from '../../src/core/index.js';
import { startSlackBot } from '../support/slack-bot.js';
import type { RecordedCall } from '../support/slack/fake-slack-api.js';
import type { SlackEvent } from '../support/slack/slack-payloads.js';
import {
  type OpenedForm,
  type Posted,
  type Prompt,
  type Shown,
  type SurfaceDriver,
  type Who,
  evidenceOf,
  splitCommand,
  textsIn,
} from './driver.js';

const CHANNEL = 'C0PRODUCT';
const PEOPLE: Record<Who, string> = { admin: 'U0ADMIN', member: 'U0USER' };
const SLASH = {
  requirement: '/requirement',
  feedback: '/customer-feedback',
  knowledge: '/customer-knowledge',
  check: '/customer-check',
  focus: '/customer-focus',
};
/** What a person sees of a Slack call: replies, posts, redraws and modals. */
const VISIBLE = new Set(['response_url', 'chat.postEphemeral', 'chat.postMessage', 'chat.update', 'views.open']);

const nowTs = (() => {
  let sequence = 0;
  return () => `${Math.floor(Date.now() / 1000)}.${String(++sequence).padStart(6, '0')}`;
})();

type Button = { action_id: string; value: string; text: { text: string } };
type View = { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: { type: string } }[] };

export async function slackDriver(): Promise<SurfaceDriver> {
  const h = await startSlackBot();
  const core = h.bot.services.core;
  let finished = 0;
  const handle = core.handle.bind(core);
  (core as { handle: Core['handle'] }).handle = (...args) => handle(...args).finally(() => (finished += 1));
  const failed = new Set<RecordedCall>();
  let failing = false;

  /** Sends one request that the bot hands to the core once, and waits until the core is done. */
  const act = async (send: () => Promise<Response>): Promise<{ calls: RecordedCall[]; response: Response }> => {
    const mark = h.api.calls.length;
    const target = finished + 1;
    const response = await send();
    await expect.poll(() => finished, { timeout: 10_000 }).toBeGreaterThanOrEqual(target);
    if (failing) {
      const [attempt] = h.api.calls.slice(mark).filter((call) => call.method === 'chat.postMessage');
      if (attempt) failed.add(attempt);
      failing = false;
    }
    return { calls: h.api.calls.slice(mark), response };
  };

  const shown = (calls: RecordedCall[], ackErrors: string[] = []): Shown => {
    const visible = calls.filter((call) => VISIBLE.has(call.method) && !failed.has(call));
    const opened = visible.find((call) => call.method === 'views.open');
    const view = opened?.body.view as View | undefined;
    return {
      texts: [
        ...ackErrors,
        ...visible.filter((call) => call !== opened).map((call) => textsIn(call.body.blocks ?? call.body.text).join('\n')),
      ],
      ...(view ? { form: { kind: view.callback_id.replace(/^form:/, ''), handle: view } } : {}),
    };
  };

  const post = async (event: SlackEvent, ts: string): Promise<Posted> => {
    const { calls, response } = await act(() => h.slack.event(event, { eventId: String(event.client_msg_id) }));
    const prompts: Prompt[] = calls
      .filter((call) => call.method === 'chat.postMessage' && call.body.thread_ts === ts && !failed.has(call))
      .map((call) => ({ text: textsIn(call.body.blocks).join('\n'), handle: { call, ts } }));
    return {
      prompts,
      status: response.status,
      redeliver: async () => {
        const { calls: again, response: answer } = await act(() =>
          h.slack.event(event, { eventId: String(event.client_msg_id), retryNum: 1, retryReason: 'http_error' }),
        );
        return {
          prompts: again
            .filter((call) => call.method === 'chat.postMessage' && call.body.thread_ts === ts && !failed.has(call))
            .map((call) => ({ text: textsIn(call.body.blocks).join('\n'), handle: { call, ts } })),
          status: answer.status,
          redeliver: () => post(event, ts),
        };
      },
    };
  };

  return {
    name: 'slack',
    core,
    deps: core.deps,
    workspaceId: h.workspaceId,
    redelivers: true,
    personValue: (who) => PEOPLE[who],
    async post(text) {
      const ts = nowTs();
      return post(h.slack.messageEvent({ channel: CHANNEL, user: PEOPLE.member, text, ts }), ts);
    },
    failNextPrompt() {
      // An `ok: false` answer: the Web API client does not retry it itself (it retries HTTP failures).
      h.api.failNext('chat.postMessage', { kind: 'error', error: 'internal_error' });
      failing = true;
    },
    async click(who, prompt, label) {
      const { call, ts } = prompt.handle as { call: RecordedCall; ts: string };
      const buttons = (call.body.blocks as { type: string; elements?: Button[] }[]).flatMap((block) =>
        block.type === 'actions' ? (block.elements ?? []) : [],
      );
      const button = buttons.find((candidate) => candidate.text.text === label);
      if (!button) throw new Error(`no "${label}" button on the Slack prompt`);
      const { calls } = await act(() =>
        h.slack.interaction(
          h.slack.blockAction({ actionId: button.action_id, value: button.value, userId: PEOPLE[who], channelId: CHANNEL, threadTs: ts }),
        ),
      );
      return shown(calls);
    },
    async submit(who, form: OpenedForm, values) {
      const view = form.handle as View;
      const state = Object.fromEntries(
        Object.entries(values).map(([field, value]) => {
          const type = view.blocks.find((block) => block.block_id === field)?.element?.type;
          const input =
            type === 'static_select' || type === 'radio_buttons'
              ? { selected_option: { value } }
              : type === 'users_select'
                ? { selected_user: value }
                : type === 'datepicker'
                  ? { selected_date: value }
                  : { value };
          return [field, { [field]: { type: type ?? 'plain_text_input', ...input } }];
        }),
      );
      const { calls, response } = await act(() =>
        h.slack.interaction(
          h.slack.viewSubmission({
            callbackId: view.callback_id,
            privateMetadata: view.private_metadata,
            userId: PEOPLE[who],
            values: state,
          }),
        ),
      );
      // Field errors come back in the acknowledgement, shown next to their fields.
      const ack = (await response.text()) || '{}';
      const errors = (JSON.parse(ack) as { errors?: Record<string, string> }).errors ?? {};
      return shown(calls, Object.values(errors));
    },
    async command(who, line) {
      const { family, rest } = splitCommand(line);
      const { calls } = await act(() => h.slack.command(SLASH[family], rest, { userId: PEOPLE[who], channelId: CHANNEL }));
      return shown(calls);
    },
    evidence: () => evidenceOf(core.deps, h.workspaceId),
    close: () => h.close(),
  };
}
