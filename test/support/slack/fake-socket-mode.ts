/**
 * A local Socket Mode server: the bot connects to it (the fake Web API hands out its URL from
 * apps.connections.open), it says hello, and tests push envelopes and read the bot's acks.
 */
import { randomUUID } from 'node:crypto';
import { type WebSocket, WebSocketServer } from 'ws';

export interface FakeSocketMode {
  readonly url: string;
  /** Resolves once the bot has connected and been greeted. */
  readonly connected: Promise<void>;
  sendEnvelope(type: 'events_api' | 'slash_commands' | 'interactive', payload: object, options?: { envelopeId?: string; retryAttempt?: number; retryReason?: string }): Promise<{ envelope_id: string; payload?: unknown }>;
  close(): Promise<void>;
}

export async function startFakeSocketMode(): Promise<FakeSocketMode> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const pending = new Map<string, (ack: { envelope_id: string; payload?: unknown }) => void>();
  let socket: WebSocket | undefined;
  const connected = new Promise<void>((resolve) => {
    server.on('connection', (client) => {
      socket = client;
      client.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString('utf8')) as { envelope_id?: string; payload?: unknown };
        if (frame.envelope_id) pending.get(frame.envelope_id)?.({ envelope_id: frame.envelope_id, payload: frame.payload });
      });
      client.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A0APP' } }));
      resolve();
    });
  });
  return {
    url: `ws://127.0.0.1:${port}/`,
    connected,
    async sendEnvelope(type, payload, options = {}) {
      await connected;
      const envelopeId = options.envelopeId ?? randomUUID();
      const acked = new Promise<{ envelope_id: string; payload?: unknown }>((resolve) => pending.set(envelopeId, resolve));
      socket?.send(JSON.stringify({
        envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api',
        ...(options.retryAttempt !== undefined ? { retry_attempt: options.retryAttempt, retry_reason: options.retryReason ?? 'timeout' } : {}),
      }));
      return acked;
    },
    close: () =>
      new Promise((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
