/**
 * A local stand-in for the Bot Framework connector (the service behind `activity.serviceUrl`),
 * over real HTTP. botbuilder's ConnectorClient talks to it because inbound test activities carry
 * its URL as their serviceUrl. It records every call and can be told to fail calls to one
 * conversation, the way Teams does (403 BotNotInConversationRoster, 429, 5xx).
 */
import { EventEmitter } from 'node:events';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { Socket } from 'node:net';

export interface ConnectorCall {
  readonly method: 'POST' | 'PUT' | 'DELETE' | 'GET';
  /**
   * `reply` (POST …/activities/{id}), `send` (POST …/activities), `update` (PUT), `delete`,
   * `create` (POST /v3/conversations: a new or existing personal chat).
   */
  readonly kind: 'reply' | 'send' | 'update' | 'delete' | 'create' | 'other';
  readonly conversationId: string;
  /** The activity replied to or updated. */
  readonly activityId?: string;
  readonly body: Record<string, unknown>;
  readonly authorization?: string;
  readonly status: number;
  /** The id the fake gave a new activity. */
  readonly createdId?: string;
}

export interface ConnectorFault {
  readonly status: number;
  readonly code?: string;
  readonly retryAfterSeconds?: number;
}

export interface FakeConnector {
  /** The serviceUrl to put in inbound activities (ends with `/`). */
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** Successful posts and updates (what people would see). */
  delivered(): ConnectorCall[];
  /**
   * Makes the next `times` calls to a conversation fail with `fault` (times: Infinity for always);
   * CREATE_CONVERSATION stands for opening personal chats.
   */
  fail(conversationId: string, fault: ConnectorFault, times?: number): void;
  /**
   * Holds calls to a conversation (before answering or failing them) until `release()`; `reached`
   * resolves when the first one arrives. Shows what happens while the connector is slow.
   */
  hold(conversationId: string): { readonly reached: Promise<void>; release(): void };
  /** Resolves with the first call matching, at once if it already happened. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  clear(): void;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;
const CREATE_ROUTE = /^\/v3\/conversations\/?$/;
/** The conversation id under which calls that open a personal chat are recorded and failed. */
export const CREATE_CONVERSATION = '(create)';
/** The id the fake gives the personal chat of a member: stable, as Teams keeps one 1:1 chat per person. */
export const personalChatId = (memberId: string) => `a:personal-${memberId}`;

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { unparsed: text };
  }
}

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: ConnectorCall[] = [];
  const faults = new Map<string, { fault: ConnectorFault; left: number }>();
  const holds = new Map<string, { arrived: () => void; released: Promise<void> }>();
  const events = new EventEmitter();
  let nextId = 1;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const match = ROUTE.exec(path);
    const method = (req.method ?? 'GET') as ConnectorCall['method'];
    if (method === 'POST' && CREATE_ROUTE.test(path)) {
      createConversation(body, res, req.headers.authorization);
      return;
    }
    const conversationId = match ? decodeURIComponent(match[1] ?? '') : '';
    const activityId = match?.[2] ? decodeURIComponent(match[2]) : undefined;
    const held = holds.get(conversationId);
    if (held) {
      held.arrived();
      await held.released;
    }
    const kind: ConnectorCall['kind'] = !match
      ? 'other'
      : method === 'POST'
        ? activityId
          ? 'reply'
          : 'send'
        : method === 'PUT'
          ? 'update'
          : method === 'DELETE'
            ? 'delete'
            : 'other';
    const base = {
      method,
      kind,
      conversationId,
      ...(activityId ? { activityId } : {}),
      body,
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    };
    const planned = faults.get(conversationId);
    if (planned && planned.left > 0) {
      planned.left -= 1;
      const { status, code, retryAfterSeconds } = planned.fault;
      record({ ...base, status });
      res.writeHead(status, {
        'content-type': 'application/json',
        ...(retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {}),
      });
      res.end(JSON.stringify({ error: { code: code ?? `Http${status}`, message: `fake connector: ${code ?? status}` } }));
      return;
    }
    if (!match) {
      record({ ...base, status: 404 });
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'NotFound', message: path } }));
      return;
    }
    const createdId = kind === 'reply' || kind === 'send' ? `act-${nextId++}` : undefined;
    const status = kind === 'reply' || kind === 'send' ? 201 : 200;
    record({ ...base, status, ...(createdId ? { createdId } : {}) });
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: createdId ?? activityId ?? '' }));
  }

  function createConversation(body: Record<string, unknown>, res: ServerResponse, authorization: string | undefined): void {
    const base = {
      method: 'POST' as const,
      kind: 'create' as const,
      conversationId: CREATE_CONVERSATION,
      body,
      ...(authorization ? { authorization } : {}),
    };
    const planned = faults.get(CREATE_CONVERSATION);
    if (planned && planned.left > 0) {
      planned.left -= 1;
      record({ ...base, status: planned.fault.status });
      res.writeHead(planned.fault.status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { code: planned.fault.code ?? `Http${planned.fault.status}`, message: 'fake connector: cannot create the conversation' },
        }),
      );
      return;
    }
    const [member] = Array.isArray(body.members) ? (body.members as { id?: string }[]) : [];
    const id = personalChatId(member?.id ?? 'unknown');
    record({ ...base, status: 201, createdId: id });
    res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
  }

  function record(call: ConnectorCall): void {
    calls.push(call);
    events.emit('call', call);
  }

  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    delivered: () => calls.filter((call) => (call.kind === 'reply' || call.kind === 'send' || call.kind === 'update') && call.status < 300),
    fail(conversationId, fault, times = 1) {
      faults.set(conversationId, { fault, left: times });
    },
    hold(conversationId) {
      let arrived = () => {};
      let release = () => {};
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.set(conversationId, { arrived, released });
      return {
        reached,
        release() {
          holds.delete(conversationId);
          release();
        },
      };
    },
    waitFor(predicate, timeoutMs = 5_000) {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('call', listener);
          reject(
            new Error(
              `no matching connector call within ${timeoutMs} ms; calls: ${JSON.stringify(calls.map((c) => `${c.method} ${c.kind} ${c.conversationId}`))}`,
            ),
          );
        }, timeoutMs);
        const listener = (call: ConnectorCall) => {
          if (!predicate(call)) return;
          clearTimeout(timer);
          events.off('call', listener);
          resolve(call);
        };
        events.on('call', listener);
      });
    },
    clear() {
      calls.length = 0;
      faults.clear();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
