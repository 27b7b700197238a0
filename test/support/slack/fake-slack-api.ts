/**
 * A local stand-in for the Slack Web API over real HTTP. The real @slack/web-api client talks to it
 * (SLACK_API_URL / clientOptions.slackApiUrl); it records every call, answers like Slack and can be
 * told to fail the next calls. Bolt's respond() POSTs to response URLs on this server too
 * (`<origin>/response/...`), recorded as calls to the method `response_url`.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';
import { FakeSlackState, type OAuthGrant, type StoredMessage, type Workspace } from './fake-slack-state.js';

export type { OAuthGrant, StoredMessage, Workspace } from './fake-slack-state.js';

export interface RecordedCall {
  /** The Web API method (`chat.postMessage`), or `response_url`. */
  method: string;
  /** From `Authorization: Bearer …` (or a `token` form field, which is then left out of `body`). */
  token?: string;
  /** The HTTP status the fake answered with; 0 for a call left hanging or dropped. */
  status: number;
  /**
   * The parsed body. Form values stay strings as sent (`"true"`, `"5"`), except the fields
   * WebClient JSON-encodes (blocks, view, attachments…), which are parsed back into objects.
   */
  body: Record<string, unknown>;
  path: string;
}

export type Failure =
  /** HTTP 200 `{ok: false, error}`: how Slack reports almost every failure. */
  | { kind: 'error'; error: string; extra?: Record<string, unknown> }
  /** HTTP 429 with Retry-After, which WebClient honours before retrying. */
  | { kind: 'ratelimited'; retryAfterSeconds: number }
  /** Any other status, e.g. 500, or 404 for an expired response_url. */
  | { kind: 'http'; status: number; body?: string }
  /** Never answers (until close): for timeout tests. */
  | { kind: 'hang' }
  /** Drops the connection without an answer, as a network failure would. */
  | { kind: 'reset' };

export type CannedReply = Record<string, unknown> | ((call: RecordedCall) => Record<string, unknown>);

export interface FakeSlackApi {
  /** Base URL for WebClient, ending in `/api/`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`, for response URLs (`${origin}/response/<anything>`). */
  readonly origin: string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /**
   * The first call to `method` (matching `predicate`) since the last clear(): at once if it was
   * already made, else when it arrives. Rejects after `timeoutMs`, listing the calls seen.
   */
  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** Calls `listener` after every call is recorded: for waits on a condition over many calls, without polling. */
  onCall(listener: () => void): void;
  /** The next `times` calls to `method` fail this way, in the order failures were queued. */
  failNext(method: string, failure: Failure, times?: number): void;
  /** Replaces the default answer for a method until `undefined` is given. */
  respondWith(method: string, reply: CannedReply | undefined): void;
  /** Which workspace and bot a token belongs to (auth.test, and the ids in other answers). */
  setWorkspace(token: string, workspace: Workspace): void;
  /** From now on every call with this token fails with `token_revoked`. */
  revokeToken(token: string): void;
  /** Fields merged into users.info's user, e.g. `{ is_admin: true }` or `{ tz: 'America/New_York' }`. */
  setUser(id: string, user: Record<string, unknown>): void;
  /** Fields merged into conversations.info's channel, e.g. `{ name: 'product', is_private: true }`. */
  setChannel(id: string, channel: Record<string, unknown>): void;
  /** What oauth.v2.access answers for a code; the token then passes auth.test. */
  setOAuthAccess(code: string, grant: OAuthGrant): void;
  /** Replaces a channel's messages (conversations.history / replies); the bot's posts are added as it posts. */
  setHistory(channel: string, messages: StoredMessage[]): void;
  addMessage(channel: string, message: StoredMessage): void;
  /** What apps.connections.open hands out: the fake Socket Mode server's URL. */
  setSocketModeUrl(url: string): void;
  /** Forgets the recorded calls (not the state, failures or canned replies). */
  clear(): void;
  close(): Promise<void>;
}

/** Fields WebClient sends as JSON strings inside a form body. */
const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'view',
  'metadata',
  'options',
  'option_groups',
  'unfurls',
  'user_auth_blocks',
  'chunks',
]);

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : { value: parsed };
  }
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const [key, value] of Object.entries(body)) {
    if (!JSON_FIELDS.has(key) || typeof value !== 'string') continue;
    try {
      body[key] = JSON.parse(value);
    } catch {
      // Not JSON after all (a caller sent plain text): keep what arrived.
    }
  }
  return body;
}

const WAIT_TIMEOUT_MS = 10_000;

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const state = new FakeSlackState();
  const calls: RecordedCall[] = [];
  const failures = new Map<string, Failure[]>();
  const canned = new Map<string, CannedReply>();
  type Waiter = {
    method: string;
    predicate: ((call: RecordedCall) => boolean) | undefined;
    resolve: (call: RecordedCall) => void;
    reject: (error: Error) => void;
    timer: NodeJS.Timeout;
  };
  const waiters = new Set<Waiter>();
  const sockets = new Set<Socket>();
  const matches = (waiter: Pick<Waiter, 'method' | 'predicate'>, call: RecordedCall) =>
    call.method === waiter.method && (!waiter.predicate || waiter.predicate(call));
  const seen = () => calls.map((call) => `${call.method}(${call.status})`).join(', ') || 'none';

  const listeners: (() => void)[] = [];
  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const listener of listeners) listener();
    for (const waiter of waiters) {
      if (!matches(waiter, call)) continue;
      waiters.delete(waiter);
      clearTimeout(waiter.timer);
      waiter.resolve(call);
    }
  };

  const send = (response: ServerResponse, status: number, payload: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(payload);
  };

  const handle = (request: IncomingMessage, response: ServerResponse, raw: string) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const isResponseUrl = path.startsWith('/response/');
    if (!isResponseUrl && !path.startsWith('/api/')) return send(response, 404, JSON.stringify({ ok: false, error: 'unknown_path', path }));
    const method = isResponseUrl ? 'response_url' : decodeURIComponent(path.slice('/api/'.length));
    const body = parseBody(raw, request.headers['content-type']);
    const bodyToken = typeof body.token === 'string' ? body.token : undefined;
    delete body.token;
    const token = request.headers.authorization?.replace(/^Bearer\s+/i, '') || bodyToken;
    const failure = failures.get(method)?.shift();
    const status =
      !failure || failure.kind === 'error' ? 200 : failure.kind === 'ratelimited' ? 429 : failure.kind === 'http' ? failure.status : 0;
    const call: RecordedCall = { method, status, body, path, ...(token ? { token } : {}) };
    record(call);
    if (failure?.kind === 'hang') return; // the socket is destroyed by close()
    if (failure?.kind === 'reset') return void request.socket.destroy();
    if (failure?.kind === 'ratelimited')
      return send(response, 429, JSON.stringify({ ok: false, error: 'ratelimited' }), { 'retry-after': String(failure.retryAfterSeconds) });
    if (failure?.kind === 'http')
      return send(response, failure.status, failure.body ?? `fake Slack: HTTP ${failure.status}`, { 'content-type': 'text/plain' });
    if (failure?.kind === 'error') return send(response, 200, JSON.stringify({ ok: false, error: failure.error, ...failure.extra }));
    const reply = canned.get(method);
    const answer = reply
      ? typeof reply === 'function'
        ? reply(call)
        : reply
      : isResponseUrl
        ? { ok: true }
        : state.reply(method, body, token);
    send(response, 200, JSON.stringify(answer));
  };

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        handle(request, response, Buffer.concat(chunks).toString('utf8'));
      } catch (error) {
        // A fake that throws would hang the client; answer 500 so the test sees why.
        send(response, 500, JSON.stringify({ ok: false, error: 'fake_slack_crashed', detail: String(error) }));
      }
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('fake Slack API: no port');
  const origin = `http://127.0.0.1:${address.port}`;

  return {
    url: `${origin}/api/`,
    origin,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    onCall: (listener) => {
      listeners.push(listener);
    },
    waitForCall(method, predicate, timeoutMs = WAIT_TIMEOUT_MS) {
      const found = calls.find((call) => matches({ method, predicate }, call));
      if (found) return Promise.resolve(found);
      return new Promise<RecordedCall>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(
            new Error(
              `fake Slack API: no ${method} call${predicate ? ' matching the predicate' : ''} within ${timeoutMs} ms; calls seen: ${seen()}`,
            ),
          );
        }, timeoutMs);
        const waiter: Waiter = { method, predicate, resolve, reject, timer };
        waiters.add(waiter);
      });
    },
    failNext(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    respondWith(method, reply) {
      if (reply === undefined) canned.delete(method);
      else canned.set(method, reply);
    },
    setWorkspace: (token, workspace) => void state.workspaces.set(token, workspace),
    revokeToken: (token) => void state.revoked.add(token),
    setUser: (id, user) => void state.users.set(id, { ...state.users.get(id), ...user }),
    setChannel: (id, channel) => void state.channels.set(id, { ...state.channels.get(id), ...channel }),
    setOAuthAccess: (code, grant) => void state.grants.set(code, grant),
    setHistory: (channel, messages) =>
      void state.messages.set(
        channel,
        messages.map((message) => ({ type: 'message', ...message })),
      ),
    addMessage: (channel, message) => state.addMessage(channel, { type: 'message', ...message }),
    setSocketModeUrl: (url) => {
      state.socketModeUrl = url;
    },
    clear: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const waiter of waiters) {
          clearTimeout(waiter.timer);
          waiter.reject(new Error(`fake Slack API closed while waiting for ${waiter.method}; calls seen: ${seen()}`));
        }
        waiters.clear();
        server.close(() => resolve());
        // Keep-alive and hanging connections would hold close() open.
        for (const socket of sockets) socket.destroy();
      }),
  };
}
