/**
 * Teams as the contract suite drives it: activities posted to the real CloudAdapter, replies
 * received by the fake connector. The harness's send resolves once the turn and the work it did
 * after its acknowledgement are over, so each action sees everything it caused. Commands are typed in the person's own chat with the bot.
 */
import type { ConnectorCall } from '../support/teams/fake-connector.js';
import { startTeamsBot } from '../support/teams-bot.js';
import { ANN, BEN, CHANNEL, cardSubmit, channelMessage, personalMessage } from '../support/teams/activities.js';
import { buttonsOf, textOf } from '../support/teams/card-text.js';
import { type OpenedForm, type Posted, type Prompt, type Shown, type SurfaceDriver, type Who, evidenceOf, splitCommand } from './driver.js';

const PEOPLE: Record<Who, typeof ANN> = { admin: ANN, member: BEN };
const personalChat = (who: Who) => `a:personal-${PEOPLE[who].id.replace(/^29:/, '')}`;
/** Teams spells the families without a slash; `focus` commands have no prefix at all. */
const SPELLING = { requirement: 'requirement', feedback: 'feedback', knowledge: 'knowledge', check: 'check', focus: '' };

export async function teamsDriver(): Promise<SurfaceDriver> {
  const h = await startTeamsBot();
  const core = h.bot.services.core;
  const url = h.connector.url;
  let failNext = false;

  const delivered = (since: number) =>
    h.connector.calls.slice(since).filter((call) => (call.kind === 'reply' || call.kind === 'update') && call.status < 300);

  /** Sends one activity and reads what the turn delivered. */
  const turn = async (activity: Record<string, unknown>): Promise<{ calls: ConnectorCall[]; status: number }> => {
    const mark = h.connector.calls.length;
    const { status } = await h.send(activity);
    return { calls: delivered(mark), status };
  };

  const shown = (calls: ConnectorCall[]): Shown => {
    const formCard = calls.find((call) => buttonsOf(call).some((button) => typeof button.data.cfbForm === 'string'));
    const submit = formCard && buttonsOf(formCard).find((button) => typeof button.data.cfbForm === 'string');
    return {
      texts: calls.map(textOf),
      ...(formCard && submit ? { form: { kind: String(submit.data.cfbForm), handle: { call: formCard, data: submit.data } } } : {}),
    };
  };

  const post = async (activity: Record<string, unknown>): Promise<Posted> => {
    const thread = `${CHANNEL};messageid=${String(activity.id)}`;
    const { calls, status } = await turn(activity);
    const prompts: Prompt[] = calls
      .filter((call) => call.kind === 'reply' && call.conversationId === thread)
      .map((call) => ({ text: textOf(call), handle: call }));
    return { prompts, status, redeliver: () => post(activity) };
  };

  return {
    name: 'teams',
    core,
    deps: core.deps,
    workspaceId: h.workspaceId,
    redelivers: true,
    // Cards take a person as typed text; "me" is the person submitting.
    personValue: () => 'me',
    async post(text) {
      const activity = channelMessage({ serviceUrl: url, from: BEN, text });
      if (failNext) {
        // The connector answers 500 to the prompt post and to the connector client's own three
        // retries (with its backoff, a few seconds), so the work fails after the acknowledgement
        // and the adapter delivers the activity to the core again.
        h.connector.fail(`${CHANNEL};messageid=${String(activity.id)}`, { status: 500 }, 4);
        failNext = false;
      }
      return post(activity);
    },
    failNextPrompt() {
      failNext = true;
    },
    async click(who, prompt, label) {
      const call = prompt.handle as ConnectorCall;
      const button = buttonsOf(call).find((candidate) => candidate.title === label);
      if (!button) throw new Error(`no "${label}" button on the Teams card`);
      const { calls } = await turn(
        cardSubmit({
          serviceUrl: url,
          from: PEOPLE[who],
          conversationId: call.conversationId,
          replyToId: String(call.createdId),
          value: button.data,
        }),
      );
      return shown(calls);
    },
    async submit(who, form: OpenedForm, values) {
      const { call, data } = form.handle as { call: ConnectorCall; data: Record<string, unknown> };
      const { calls } = await turn(
        cardSubmit({
          serviceUrl: url,
          from: PEOPLE[who],
          conversationId: call.conversationId,
          conversationType: call.conversationId.startsWith('a:') ? 'personal' : 'channel',
          replyToId: String(call.createdId),
          value: { ...data, ...values },
        }),
      );
      return shown(calls);
    },
    async command(who, line) {
      const { family, rest } = splitCommand(line);
      const text = [SPELLING[family], rest].filter(Boolean).join(' ');
      const { calls } = await turn(personalMessage({ serviceUrl: url, from: PEOPLE[who], text, conversationId: personalChat(who) }));
      return shown(calls);
    },
    evidence: () => evidenceOf(core.deps, h.workspaceId),
    close: () => h.close(),
  };
}
