/**
 * Plays Slack's side of the HTTP transport: builds events, slash commands and interactions, signs
 * them the way Slack does and POSTs them to the app's request URL (Bolt's `/slack/events`).
 */
import { createHmac } from 'node:crypto';
import {
  type BlockActionInput,
  type BlockSuggestionInput,
  type CommandOptions,
  type EnvelopeOptions,
  type MessageEventInput,
  type MessageShortcutInput,
  type Payload,
  SLACK_TEST_IDS,
  type SlackEvent,
  type SlackIdentity,
  type ViewSubmissionInput,
  appHomeOpened,
  appMention,
  appUninstalled,
  blockAction,
  blockSuggestion,
  eventEnvelope,
  globalShortcut,
  memberJoinedChannel,
  messageEvent,
  messageShortcut,
  reactionAdded,
  slashCommand,
  tokensRevoked,
  viewClosed,
  viewSubmission,
} from './slack-payloads.js';

/** Slack's v0 request signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>`. */
export function signSlackRequest(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

/** Overrides for 401 tests: a forged signature, or a timestamp older than Bolt's five minutes. */
export interface SigningOptions {
  signature?: string;
  timestamp?: number;
}

/** Which workspace a request comes from, when not the simulator's default one. */
export interface TeamOptions {
  teamId?: string;
  enterpriseId?: string;
  /** An org-wide (Enterprise Grid) install of the app. */
  isEnterpriseInstall?: boolean;
  /** Same as isEnterpriseInstall. */
  orgWide?: boolean;
}

export interface EventOptions extends SigningOptions, TeamOptions, EnvelopeOptions {
  /** Sent as `x-slack-retry-num` / `x-slack-retry-reason`, as Slack does on redelivery. */
  retryNum?: number;
  retryReason?: string;
}

/** The earlier name of EventOptions. */
export type SendOptions = EventOptions;

export interface SlackClientSimOptions {
  /** Where the app listens, e.g. `http://127.0.0.1:PORT`. */
  baseUrl: string;
  signingSecret: string;
  path?: string;
  /** Origin of the fake Web API; response_url values point at `<responseBase>/response/<n>` there. */
  responseBase?: string;
  teamId?: string;
  teamDomain?: string;
  enterpriseId?: string;
  appId?: string;
  botUserId?: string;
  /**
   * The fake Web API, to make every plain message event sent also exist in Slack's history, so the
   * bot's conversations.history / conversations.replies calls find it (as on Slack).
   */
  history?: { addMessage(channel: string, message: { ts: string; text?: string; user?: string; thread_ts?: string }): void };
}

/**
 * Without a responseBase, response URLs point at the discard port on loopback: a bot that calls
 * one fails at once instead of reaching the internet.
 */
const UNREACHABLE = 'http://127.0.0.1:9';

export class SlackClientSim {
  private readonly endpoint: string;
  private readonly identity: SlackIdentity;
  private responses = 0;

  constructor(private readonly options: SlackClientSimOptions) {
    this.endpoint = `${options.baseUrl.replace(/\/$/, '')}${options.path ?? '/slack/events'}`;
    this.identity = {
      teamId: options.teamId ?? SLACK_TEST_IDS.teamId,
      teamDomain: options.teamDomain ?? SLACK_TEST_IDS.teamDomain,
      appId: options.appId ?? SLACK_TEST_IDS.appId,
      botUserId: options.botUserId ?? SLACK_TEST_IDS.botUserId,
      ...(options.enterpriseId ? { enterpriseId: options.enterpriseId } : {}),
    };
  }

  /** A fresh response_url on the fake Web API (recorded there as calls to `response_url`). */
  responseUrl(): string {
    this.responses += 1;
    return `${this.options.responseBase ?? UNREACHABLE}/response/${this.identity.teamId}/${this.responses}`;
  }

  ids(team: TeamOptions = {}): SlackIdentity {
    // Another team has its own domain.
    const other = team.teamId !== undefined && team.teamId !== this.identity.teamId;
    const enterpriseInstall = team.isEnterpriseInstall ?? team.orgWide;
    return {
      ...this.identity,
      ...(team.teamId ? { teamId: team.teamId } : {}),
      ...(other ? { teamDomain: `team-${team.teamId?.toLowerCase()}` } : {}),
      ...(team.enterpriseId ? { enterpriseId: team.enterpriseId } : {}),
      ...(enterpriseInstall !== undefined ? { isEnterpriseInstall: enterpriseInstall } : {}),
    };
  }

  // ---------------------------------------------------------------- sending

  /** POSTs a raw body, signed unless the options forge it. */
  async send(body: string, contentType: string, options: SigningOptions & { headers?: Record<string, string> } = {}): Promise<Response> {
    const signed = signSlackRequest(body, this.options.signingSecret, options.timestamp);
    return fetch(this.endpoint, {
      method: 'POST',
      // Bolt compares content-type to the bare `application/x-www-form-urlencoded` exactly.
      headers: {
        'content-type': contentType,
        ...signed,
        ...(options.signature ? { 'x-slack-signature': options.signature } : {}),
        ...options.headers,
      },
      body,
    });
  }

  /** The event_callback envelope for an event, for HTTP or for a Socket Mode `events_api` envelope. */
  eventEnvelope(event: SlackEvent, options: TeamOptions & EnvelopeOptions = {}): Payload {
    return eventEnvelope(event, this.ids(options), options);
  }

  event(event: SlackEvent, options: EventOptions = {}): Promise<Response> {
    if (
      this.options.history &&
      event.type === 'message' &&
      event.subtype === undefined &&
      typeof event.channel === 'string' &&
      typeof event.ts === 'string'
    ) {
      const { channel, ts, text, user, thread_ts: threadTs } = event;
      this.options.history.addMessage(channel, {
        ts,
        ...(typeof text === 'string' ? { text } : {}),
        ...(typeof user === 'string' ? { user } : {}),
        ...(typeof threadTs === 'string' ? { thread_ts: threadTs } : {}),
      });
    }
    const retry = {
      ...(options.retryNum !== undefined ? { 'x-slack-retry-num': String(options.retryNum) } : {}),
      ...(options.retryReason !== undefined ? { 'x-slack-retry-reason': options.retryReason } : {}),
    };
    return this.send(JSON.stringify(this.eventEnvelope(event, options)), 'application/json', { ...options, headers: retry });
  }

  /** A slash command's form fields, for HTTP or for a Socket Mode `slash_commands` envelope. */
  slashCommand(command: string, text: string, options: CommandOptions & TeamOptions = {}): Record<string, string> {
    return slashCommand(command, text, this.ids(options), { ...options, responseUrl: options.responseUrl ?? this.responseUrl() });
  }

  command(command: string, text: string, options: CommandOptions & TeamOptions & SigningOptions = {}): Promise<Response> {
    return this.send(
      new URLSearchParams(this.slashCommand(command, text, options)).toString(),
      'application/x-www-form-urlencoded',
      options,
    );
  }

  /** Any interaction payload, form-encoded as `payload=<json>` the way Slack posts it. */
  interaction(payload: Payload, options: SigningOptions = {}): Promise<Response> {
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
  }

  /** Slack's check when a request URL is saved; Bolt answers with the challenge. */
  urlVerification(challenge: string): Promise<Response> {
    return this.send(JSON.stringify({ token: SLACK_TEST_IDS.verificationToken, challenge, type: 'url_verification' }), 'application/json');
  }

  // ---------------------------------------------------------------- events

  messageEvent(input: MessageEventInput & TeamOptions): SlackEvent {
    return messageEvent(input, this.ids(input));
  }

  appMention(input: Parameters<typeof appMention>[0] & TeamOptions): SlackEvent {
    return appMention(input, this.ids(input));
  }

  reactionAdded(input: Parameters<typeof reactionAdded>[0]): SlackEvent {
    return reactionAdded(input);
  }

  appHomeOpened(userId: string, options?: Parameters<typeof appHomeOpened>[1]): SlackEvent {
    return appHomeOpened(userId, options);
  }

  memberJoinedChannel(input: Parameters<typeof memberJoinedChannel>[0] & TeamOptions): SlackEvent {
    return memberJoinedChannel(input, this.ids(input));
  }

  appUninstalled(): SlackEvent {
    return appUninstalled();
  }

  /** Without arguments: the bot's own token was revoked. */
  tokensRevoked(tokens: { bot?: string[]; oauth?: string[] } = { bot: [this.identity.botUserId] }): SlackEvent {
    return tokensRevoked(tokens);
  }

  // ---------------------------------------------------------------- interactions

  blockAction(input: Omit<BlockActionInput, 'responseUrl'> & { responseUrl?: string } & TeamOptions): Payload {
    return blockAction({ ...input, responseUrl: input.responseUrl ?? this.responseUrl() }, this.ids(input));
  }

  viewSubmission(input: ViewSubmissionInput & TeamOptions): Payload {
    return viewSubmission(input, this.ids(input));
  }

  viewClosed(input: ViewSubmissionInput & TeamOptions): Payload {
    return viewClosed(input, this.ids(input));
  }

  messageShortcut(input: Omit<MessageShortcutInput, 'responseUrl'> & { responseUrl?: string } & TeamOptions): Payload {
    return messageShortcut({ ...input, responseUrl: input.responseUrl ?? this.responseUrl() }, this.ids(input));
  }

  globalShortcut(input: Parameters<typeof globalShortcut>[0] & TeamOptions): Payload {
    return globalShortcut(input, this.ids(input));
  }

  blockSuggestion(input: BlockSuggestionInput & TeamOptions): Payload {
    return blockSuggestion(input, this.ids(input));
  }
}
