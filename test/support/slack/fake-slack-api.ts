/**
 * A local stand-in for the Slack Web API over real HTTP. The real @slack/web-api client talks to
 * it (SLACK_API_URL); it records every call and can be told to fail the next ones.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';

export interface RecordedCall {
  method: string;
  token?: string;
  status: number;
  body: Record<string, unknown>;
}

export type Failure =
  | { kind: 'error'; error: string }
  | { kind: 'ratelimited'; retryAfterSeconds: number }
  | { kind: 'http'; status: number }
  | { kind: 'hang' };

interface Workspace { teamId: string; botUserId: string; botId: string; enterpriseId?: string }
interface OAuthGrant { teamId: string; teamName: string; token: string; botUserId: string; enterpriseId?: string }

export interface FakeSlackApi {
  readonly url: string;
  readonly origin: string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean): Promise<RecordedCall>;
  failNext(method: string, failure: Failure, times?: number): void;
  setWorkspace(token: string, workspace: Workspace): void;
  setUser(id: string, user: Record<string, unknown>): void;
  setOAuthAccess(code: string, grant: OAuthGrant): void;
  /** Messages conversations.history and conversations.replies return for a channel. */
  setHistory(channel: string, messages: { ts: string; text: string; user: string; thread_ts?: string }[]): void;
  setSocketModeUrl(url: string): void;
  clear(): void;
  close(): Promise<void>;
}

const JSON_FIELDS = ['blocks', 'view', 'attachments', 'metadata'];

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw));
  for (const field of JSON_FIELDS) {
    if (typeof body[field] === 'string') body[field] = JSON.parse(body[field] as string);
  }
  return body;
}

export async function startFakeSlackApi(): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const failures = new Map<string, Failure[]>();
  const workspaces = new Map<string, Workspace>();
  const users = new Map<string, Record<string, unknown>>();
  const grants = new Map<string, OAuthGrant>();
  const history = new Map<string, { ts: string; text: string; user: string; thread_ts?: string }[]>();
  const waiters: { method: string; predicate?: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }[] = [];
  const sockets = new Set<Socket>();
  let socketModeUrl = 'ws://127.0.0.1:1/';
  let nextTs = Math.floor(Date.now() / 1000) * 1_000_000;

  const reply = (method: string, body: Record<string, unknown>, token: string | undefined): Record<string, unknown> => {
    const workspace = token ? workspaces.get(token) : undefined;
    switch (method) {
      case 'auth.test':
        return workspace
          ? { ok: true, url: 'https://example.slack.com/', team: 'Example', user: 'customer_focus', team_id: workspace.teamId, user_id: workspace.botUserId, bot_id: workspace.botId, ...(workspace.enterpriseId ? { enterprise_id: workspace.enterpriseId } : {}) }
          : { ok: false, error: 'invalid_auth' };
      case 'chat.postMessage': {
        nextTs += 100;
        const ts = `${Math.floor(nextTs / 1_000_000)}.${String(nextTs % 1_000_000).padStart(6, '0')}`;
        return { ok: true, channel: body.channel, ts, message: { text: body.text, ts } };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: '1.000001' };
      case 'chat.getPermalink':
        return { ok: true, permalink: `https://example.slack.com/archives/${String(body.channel)}/p${String(body.message_ts).replace('.', '')}` };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
        return { ok: true, view: { id: 'V0VIEW', ...(body.view as object) } };
      case 'users.info': {
        const id = String(body.user);
        return { ok: true, user: { id, name: id.toLowerCase(), real_name: `Person ${id}`, is_admin: false, is_owner: false, ...users.get(id) } };
      }
      case 'conversations.info':
        return { ok: true, channel: { id: body.channel, name: 'product', is_private: false, is_archived: false } };
      case 'oauth.v2.access': {
        const grant = grants.get(String(body.code));
        if (!grant) return { ok: false, error: 'invalid_code' };
        workspaces.set(grant.token, { teamId: grant.teamId, botUserId: grant.botUserId, botId: `B${grant.teamId}`, ...(grant.enterpriseId ? { enterpriseId: grant.enterpriseId } : {}) });
        return {
          ok: true, access_token: grant.token, token_type: 'bot', scope: 'chat:write,commands', bot_user_id: grant.botUserId, app_id: 'A0APP',
          team: { id: grant.teamId, name: grant.teamName }, enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: 'Grid' } : null,
          is_enterprise_install: false, authed_user: { id: 'U0INSTALLER' },
        };
      }
      case 'conversations.history': {
        const latest = String(body.latest ?? '');
        return { ok: true, messages: (history.get(String(body.channel)) ?? []).filter((m) => !latest || m.ts <= latest).slice(0, 1) };
      }
      case 'conversations.replies': {
        const ts = String(body.ts);
        return { ok: true, messages: (history.get(String(body.channel)) ?? []).filter((m) => m.ts === ts || m.thread_ts === ts) };
      }
      case 'apps.connections.open':
        return { ok: true, url: socketModeUrl };
      default:
        return { ok: true };
    }
  };

  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const waiter of [...waiters]) {
      if (waiter.method === call.method && (!waiter.predicate || waiter.predicate(call))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    }
  };

  const handle = (request: IncomingMessage, response: ServerResponse, raw: string) => {
    const path = request.url ?? '';
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? undefined;
    const body = parseBody(raw, request.headers['content-type']);
    if (path.startsWith('/response/')) {
      record({ method: 'response_url', status: 200, body, ...(token ? { token } : {}) });
      response.setHeader('content-type', 'application/json');
      response.end('{"ok":true}');
      return;
    }
    const method = path.replace(/^\/api\//, '').split('?')[0] ?? '';
    const failure = failures.get(method)?.shift();
    if (failure?.kind === 'hang') return;
    const status = failure?.kind === 'ratelimited' ? 429 : failure?.kind === 'http' ? failure.status : 200;
    record({ method, status, body: { ...body, token: undefined }, ...(token ? { token } : {}) });
    response.statusCode = status;
    response.setHeader('content-type', 'application/json');
    if (failure?.kind === 'ratelimited') response.setHeader('retry-after', String(failure.retryAfterSeconds));
    const payload = failure?.kind === 'error' ? { ok: false, error: failure.error } : failure ? { ok: false, error: 'failure' } : reply(method, body, token ?? (typeof body.token === 'string' ? body.token : undefined));
    response.end(JSON.stringify(payload));
  };

  const server: Server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => handle(request, response, raw));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url: `${origin}/api/`,
    origin,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    waitForCall(method, predicate) {
      const found = calls.find((call) => call.method === method && (!predicate || predicate(call)));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { method, resolve, ...(predicate ? { predicate } : {}) };
        waiters.push(waiter);
        setTimeout(() => {
          if (!waiters.includes(waiter)) return;
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no ${method} call within 10 s; calls seen: ${calls.map((call) => call.method).join(', ') || 'none'}`));
        }, 10_000).unref();
      });
    },
    failNext(method, failure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    setWorkspace: (token, workspace) => workspaces.set(token, workspace),
    setUser: (id, user) => users.set(id, user),
    setOAuthAccess: (code, grant) => grants.set(code, grant),
    setHistory: (channel, messages) => history.set(channel, messages),
    setSocketModeUrl: (url) => {
      socketModeUrl = url;
    },
    clear: () => {
      calls.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
