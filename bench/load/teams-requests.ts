/**
 * Realistic Teams activities for the load, shaped as the Bot Framework service posts them to
 * `/api/messages` (the same shapes as test/support/teams/activities.ts): root posts in team
 * channels (mostly chatter, some decisions), commands in a personal chat with the bot (`help`,
 * `requirement list`), and card submits (a decision card's "Positive" button). Every activity gets
 * a fresh id, and its serviceUrl is the fake connector, where replies and card updates go.
 */
import { encodeCardAction } from '../../src/adapters/teams/action-codec.js';
import { detectDecision } from '../../src/core/detection/detect-decision.js';
import { threadCheckId } from '../../src/core/use-cases/prompts.js';
import { type SlackRequest, loadTexts } from './slack-requests.js';

export type TeamsRequestKind = 'channel' | 'personal' | 'submit' | 'mixed';

export const TEAMS_REQUEST_KINDS: Record<TeamsRequestKind, string> = {
  channel: 'channel post (chatter, 10 % decisions)',
  personal: 'personal chat command (`help`, `requirement list`)',
  submit: "card submit (a decision card's Positive button)",
  mixed: 'mixed (70 % channel posts, 20 % personal commands, 10 % card submits)',
};

export const TENANT = 'tenant-bench';
const BOT = { id: '28:bench-bot', name: 'Customer Focus' };
const TEAM = { id: '19:bench-team@thread.tacv2', name: 'Product team' };
/** Chatter goes to a few busy channels. */
const CHATTER_CHANNELS = 50;
/**
 * Decisions are spread over many channels, so the daily prompt cap (5 per channel) never
 * silences them: every decision the detector recognises gets its card, the dearest path.
 */
const DECISION_CHANNELS = 2000;
const PEOPLE = 300;
const DECISION_SHARE = 0.1;
const PERSONAL_COMMANDS = ['help', 'requirement list'] as const;

type Activity = Record<string, unknown>;

/** A decision card the bot posted: where its thread is and which check its buttons answer. */
export interface SeededPrompt {
  readonly conversationId: string;
  readonly checkId: string;
  /** The card's activity id (what Teams puts in a submit's replyToId). */
  readonly promptId: string;
}

const channelId = (name: string) => `19:${name}@thread.tacv2`;

export class TeamsRequestFactory {
  private readonly texts = loadTexts();
  /** Labelled decisions the detector recognises: a seeded one always gets its card. */
  private readonly recognised = this.texts.decisions.filter((text) => detectDecision(text).decision);
  /** Activity ids as Teams writes them (epoch milliseconds); one more for each activity. */
  private readonly idBase = Date.now();
  private n = 0;
  /** Cards whose Positive button the submits press; set once they are seeded. */
  prompts: SeededPrompt[] = [];

  constructor(private readonly serviceUrl: string) {}

  next(kind: TeamsRequestKind): SlackRequest {
    const n = ++this.n;
    const picked = kind === 'mixed' ? (n % 10 < 7 ? 'channel' : n % 10 < 9 ? 'personal' : 'submit') : kind;
    const person = this.person(n);
    switch (picked) {
      case 'channel': {
        const decision = Math.random() < DECISION_SHARE;
        const pool = decision ? this.texts.decisions : this.texts.chatter;
        const channel = decision
          ? channelId(`bench-decisions-${n % DECISION_CHANNELS}`)
          : channelId(`bench-chatter-${n % CHATTER_CHANNELS}`);
        return json(this.channelPost(this.id(n), channel, pool[n % pool.length] ?? 'hello', person));
      }
      case 'personal':
        return json(this.personal(this.id(n), PERSONAL_COMMANDS[n % PERSONAL_COMMANDS.length] ?? 'help', person));
      case 'submit': {
        const prompt = this.prompts[n % Math.max(1, this.prompts.length)];
        const value = encodeCardAction({ kind: 'check.answer', checkId: prompt?.checkId ?? 'no-check-seeded', impact: 'positive' });
        return json({
          ...this.base(
            this.id(n),
            { id: prompt?.conversationId ?? channelId('bench-no-seed'), conversationType: 'channel', isGroup: true },
            this.channelData(prompt?.conversationId ?? ''),
            person,
          ),
          replyToId: prompt?.promptId ?? '1',
          value,
        });
      }
    }
  }

  /** A recognised decision as a root post in a channel of its own: the bot answers with a card. */
  decision(channelName: string): { request: SlackRequest; conversationId: string; checkId: string } {
    const n = ++this.n;
    const id = this.id(n);
    const channel = channelId(channelName);
    const text = this.recognised[n % this.recognised.length] ?? 'We decided to move the release to Friday.';
    return {
      request: json(this.channelPost(id, channel, text, this.person(n))),
      conversationId: `${channel};messageid=${id}`,
      checkId: threadCheckId({ platform: 'teams', channelId: channel, threadId: id }),
    };
  }

  /** A command typed in a person's chat with the bot (seeding the register uses it). */
  personalCommand(text: string): SlackRequest {
    const n = ++this.n;
    return json(this.personal(this.id(n), text, this.person(n)));
  }

  private id(n: number): string {
    return String(this.idBase + n);
  }

  private person(n: number) {
    const k = n % PEOPLE;
    return { id: `29:bench-person-${k}`, name: `Person ${k}`, aadObjectId: `aad-bench-${k}` };
  }

  private channelData(conversationId: string): Activity {
    const channel = conversationId.split(';')[0] ?? conversationId;
    return { team: TEAM, channel: { id: channel, name: channel.slice(3, 20) } };
  }

  private base(id: string, conversation: Activity, channelData: Activity, from: Activity): Activity {
    return {
      type: 'message',
      id,
      timestamp: new Date().toISOString(),
      localTimestamp: new Date().toISOString(),
      serviceUrl: this.serviceUrl,
      channelId: 'msteams',
      from,
      recipient: BOT,
      conversation: { tenantId: TENANT, ...conversation },
      channelData: { tenant: { id: TENANT }, ...channelData },
      locale: 'en-GB',
      textFormat: 'plain',
    };
  }

  /** A root post: Teams addresses its thread as `<channel>;messageid=<the post's id>`. */
  private channelPost(id: string, channel: string, text: string, from: Activity): Activity {
    const conversationId = `${channel};messageid=${id}`;
    return {
      ...this.base(id, { id: conversationId, conversationType: 'channel', isGroup: true }, this.channelData(conversationId), from),
      text,
      entities: [],
    };
  }

  private personal(id: string, text: string, from: Activity & { id: string }): Activity {
    return { ...this.base(id, { id: `a:personal-${from.id.slice(3)}`, conversationType: 'personal' }, {}, from), text, entities: [] };
  }
}

const json = (activity: Activity): SlackRequest => ({ body: JSON.stringify(activity), contentType: 'application/json' });
