/**
 * A local Socket Mode server. The app connects to the URL the fake Web API hands out from
 * apps.connections.open (`fakeApi.setSocketModeUrl(socket.url)`); the server greets it with
 * `hello`, and tests push envelopes and get back the app's ack frame for each.
 */
import { randomUUID } from 'node:crypto';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

/** What the app sends back: `{envelope_id, payload}`; payload is `{}` for a bare ack(). */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

export interface EnvelopeOptions {
  envelopeId?: string;
  /** events_api only: Slack sends 0 and "" on the first delivery. */
  retryAttempt?: number;
  retryReason?: string;
  /** Defaults to true for slash commands and interactions, false for events, as Slack does. */
  acceptsResponsePayload?: boolean;
  timeoutMs?: number;
}

export interface FakeSocketMode {
  /** `ws://127.0.0.1:PORT/`, for fakeApi.setSocketModeUrl(). */
  readonly url: string;
  /** Resolves once an app has connected and been sent `hello`. */
  readonly connected: Promise<void>;
  /** Connections accepted so far (reconnects count). */
  readonly connections: number;
  /** Every frame the app sent, parsed, in order. */
  readonly received: unknown[];
  /** Sends an envelope on the newest connection and resolves with the app's ack for it. */
  sendEnvelope(type: EnvelopeType, payload: object, options?: EnvelopeOptions): Promise<SocketAck>;
  /** Asks the app to reconnect, as Slack does before recycling a connection. */
  sendDisconnect(reason?: 'warning' | 'refresh_requested' | 'link_disabled'): void;
  close(): Promise<void>;
}

const ACK_TIMEOUT_MS = 10_000;

export async function startFakeSocketMode(options: { appId?: string } = {}): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('fake Socket Mode: no port');

  const received: unknown[] = [];
  const pending = new Map<string, { resolve: (ack: SocketAck) => void; reject: (error: Error) => void }>();
  let current: WebSocket | undefined;
  let connections = 0;
  let markConnected: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (markConnected = resolve));

  server.on('connection', (client) => {
    connections += 1;
    current = client;
    client.on('message', (data: RawData) => {
      let frame: unknown;
      try {
        const text = Array.isArray(data)
          ? Buffer.concat(data).toString('utf8')
          : data instanceof ArrayBuffer
            ? Buffer.from(data).toString('utf8')
            : data.toString('utf8');
        frame = JSON.parse(text);
      } catch {
        return; // the client only sends JSON; anything else is not an ack
      }
      received.push(frame);
      const envelopeId =
        typeof frame === 'object' && frame !== null && 'envelope_id' in frame && typeof frame.envelope_id === 'string'
          ? frame.envelope_id
          : undefined;
      if (envelopeId === undefined) return;
      const payload = 'payload' in (frame as object) ? (frame as { payload: unknown }).payload : undefined;
      const waiter = pending.get(envelopeId);
      pending.delete(envelopeId);
      waiter?.resolve({ envelope_id: envelopeId, ...(payload !== undefined ? { payload } : {}) });
    });
    // The client only needs `type: 'hello'`; the rest is what Slack sends alongside it.
    client.send(
      JSON.stringify({
        type: 'hello',
        num_connections: server.clients.size,
        debug_info: { host: 'applink-fake-1', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: options.appId ?? 'A0APP' },
      }),
    );
    markConnected();
  });

  return {
    url: `ws://127.0.0.1:${address.port}/`,
    connected,
    get connections() {
      return connections;
    },
    received,
    async sendEnvelope(type, payload, envelopeOptions = {}) {
      await connected;
      const socket = current;
      if (!socket || socket.readyState !== socket.OPEN) throw new Error('fake Socket Mode: no open connection to send on');
      const envelopeId = envelopeOptions.envelopeId ?? randomUUID();
      const timeoutMs = envelopeOptions.timeoutMs ?? ACK_TIMEOUT_MS;
      const acked = new Promise<SocketAck>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(envelopeId);
          reject(
            new Error(
              `fake Socket Mode: no ack for ${type} envelope ${envelopeId} within ${timeoutMs} ms; frames received: ${JSON.stringify(received)}`,
            ),
          );
        }, timeoutMs);
        pending.set(envelopeId, {
          resolve: (ack) => {
            clearTimeout(timer);
            resolve(ack);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
      });
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: envelopeOptions.acceptsResponsePayload ?? type !== 'events_api',
          ...(type === 'events_api'
            ? { retry_attempt: envelopeOptions.retryAttempt ?? 0, retry_reason: envelopeOptions.retryReason ?? '' }
            : {}),
        }),
      );
      return acked;
    },
    sendDisconnect(reason = 'refresh_requested') {
      current?.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'applink-fake-1' } }));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const [envelopeId, waiter] of pending)
          waiter.reject(new Error(`fake Socket Mode closed before envelope ${envelopeId} was acked`));
        pending.clear();
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
