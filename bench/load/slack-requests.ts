/**
 * Realistic Slack requests for the load: slash commands that record requirements, clicks on a
 * decision prompt's "Positive" button, and channel messages (mostly chatter, some decisions). Each
 * call builds a fresh body (new event id, message ts, trigger id) exactly as Slack would send it;
 * the load generator signs each one as it goes out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeAction } from '../../src/adapters/slack/action-codec.js';
import { detectDecision } from '../../src/core/detection/detect-decision.js';
import { SlackClientSim } from '../../test/support/slack/signed-requests.js';
import { PROJECT_ROOT } from '../lib/paths.js';

export type SlackRequestKind = 'command' | 'action' | 'event';

export const SLACK_REQUEST_KINDS: Record<SlackRequestKind, string> = {
  command: 'slash command (`/requirement add …`)',
  action: "block action (a prompt's Positive button)",
  event: 'message event (channel chatter, 10 % decisions)',
};

export interface SlackRequest {
  readonly body: string;
  readonly contentType: 'application/json' | 'application/x-www-form-urlencoded';
}

const FORM = 'application/x-www-form-urlencoded';
const CHANNELS = 50;
const PEOPLE = 300;
const DECISION_SHARE = 0.1;

export interface Texts {
  decisions: string[];
  chatter: string[];
}

/** Messages from the project's labelled set: what decisions and ordinary chat really look like. */
export function loadTexts(): Texts {
  const texts: Texts = { decisions: [], chatter: [] };
  for (const line of readFileSync(join(PROJECT_ROOT, 'test/detection/labelled-messages.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { text?: unknown; label?: unknown };
    if (typeof row.text !== 'string') continue;
    (row.label === 'decision' ? texts.decisions : texts.chatter).push(row.text);
  }
  return texts;
}

export class SlackRequestFactory {
  private readonly sim: SlackClientSim;
  private readonly texts = loadTexts();
  private n = 0;
  /** Labelled decisions the detector recognises: a seeded one always gets its prompt. */
  private readonly recognised = this.texts.decisions.filter((text) => detectDecision(text).decision);
  /** Check ids whose prompt exists, for clicks; set once they are seeded. */
  checkIds: string[] = [];

  constructor(
    private readonly responseOrigin: string,
    teamId: string,
  ) {
    // Only its payload builders are used; requests go out through the load generator.
    this.sim = new SlackClientSim({ baseUrl: 'http://127.0.0.1:9', signingSecret: 'unused', responseBase: responseOrigin, teamId });
  }

  next(kind: SlackRequestKind): SlackRequest {
    this.n += 1;
    const n = this.n;
    const user = `U0P${String(n % PEOPLE).padStart(4, '0')}`;
    const channel = `C0BENCH${String(n % CHANNELS).padStart(2, '0')}`;
    switch (kind) {
      case 'command': {
        const fields = this.sim.slashCommand(
          '/requirement',
          `add Deliveries to region ${n % 40} within ${1 + (n % 9)} days, order ${n} customer:"Customer ${n % 60}" category:delivery`,
          {
            userId: user,
            channelId: channel,
            responseUrl: `${this.responseOrigin}/response/bench/${n}`,
          },
        );
        return { body: new URLSearchParams(fields).toString(), contentType: FORM };
      }
      case 'action': {
        const checkId = this.checkIds[n % Math.max(1, this.checkIds.length)] ?? 'no-check-seeded';
        const button = encodeAction({ kind: 'check.answer', checkId, impact: 'positive' }, 0);
        const payload = this.sim.blockAction({
          actionId: button.action_id,
          value: button.value,
          userId: user,
          channelId: channel,
          responseUrl: `${this.responseOrigin}/response/bench/${n}`,
        });
        return { body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: FORM };
      }
      case 'event': {
        const pool = Math.random() < DECISION_SHARE ? this.texts.decisions : this.texts.chatter;
        const text = pool[n % pool.length] ?? 'hello';
        return {
          body: JSON.stringify(this.sim.eventEnvelope(this.sim.messageEvent({ channel, user, text }))),
          contentType: 'application/json',
        };
      }
    }
  }

  /** A decision in a fresh channel: the bot posts a prompt, whose check later takes the clicks. */
  decision(channel: string, ts: string): SlackRequest {
    const text = this.recognised[this.n++ % this.recognised.length] ?? 'Decision: we stop shipping to Iceland.';
    return {
      body: JSON.stringify(this.sim.eventEnvelope(this.sim.messageEvent({ channel, user: 'U0SEED', text, ts }))),
      contentType: 'application/json',
    };
  }
}
