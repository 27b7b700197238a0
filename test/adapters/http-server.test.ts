import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { type HealthStatus, type HttpServer, createHttpServer, requestId, requestLog } from '../../src/adapters/http/server.js';
import { createLogger } from '../../src/adapters/logging/logger.js';

type LogLine = Record<string, unknown>;

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

function setUp(health: () => Promise<HealthStatus> = () => Promise.resolve({ ok: true }), extra: { healthTimeoutMs?: number } = {}) {
  const lines: LogLine[] = [];
  const logger = createLogger('debug', { destination: { write: (line) => void lines.push(JSON.parse(line) as LogLine) } });
  const server = createHttpServer({ logger, health, port: 0, host: '127.0.0.1', ...extra });
  servers.push(server);
  return {
    server,
    lines,
    async start(): Promise<string> {
      const { port } = await server.listen();
      return `http://127.0.0.1:${port}`;
    },
  };
}

describe('createHttpServer', () => {
  it('answers /healthz with 200 when healthy', async () => {
    const { start } = setUp();
    const response = await fetch(`${await start()}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers /healthz with 503 and the reason when not healthy', async () => {
    const { start } = setUp(() => Promise.resolve({ ok: false, reason: 'the store is unreachable' }));
    const response = await fetch(`${await start()}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', reason: 'the store is unreachable' });
  });

  it('answers 503 without internals when the health check throws or hangs', async () => {
    const thrower = setUp(() => Promise.reject(new Error('ECONNREFUSED 10.0.0.7:5432 secret-host')));
    const thrown = await fetch(`${await thrower.start()}/healthz`);
    expect(thrown.status).toBe(503);
    expect(await thrown.text()).toBe(JSON.stringify({ status: 'unavailable', reason: 'the health check failed' }));

    const hanging = setUp(() => new Promise<HealthStatus>(() => {}), { healthTimeoutMs: 1 });
    const hung = await fetch(`${await hanging.start()}/healthz`);
    expect(hung.status).toBe(503);
    expect(await hung.json()).toEqual({ status: 'unavailable', reason: 'the health check did not answer within 1 ms' });
  });

  it('answers unknown routes with a JSON 404, after mounted routes', async () => {
    const { server, start } = setUp();
    const router = express.Router();
    router.get('/ping', (_req, res) => void res.json({ pong: true }));
    server.mount('/api', router);
    const base = await start();
    const missing = await fetch(`${base}/nope?token=abc`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/json/);
    expect(await missing.json()).toEqual({ error: 'Nothing here: GET /nope is not a route of this bot.' });
    expect(await (await fetch(`${base}/api/ping`)).json()).toEqual({ pong: true });
    expect(() => server.mount('/late', router)).toThrow('before the server starts');
  });

  it('turns a thrown error into a 500 with the correlation id and no stack', async () => {
    const { server, start, lines } = setUp();
    server.mount('/boom', async () => {
      await Promise.resolve();
      throw new Error('database exploded at /srv/app/secret.ts:42');
    });
    const response = await fetch(`${await start()}/boom`);
    expect(response.status).toBe(500);
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      error: `Something went wrong on our side. Please try again; if it keeps happening, tell your admin and quote this id: ${id}`,
    });
    expect(body).not.toContain('exploded');
    expect(body).not.toContain('.ts');
    const logged = lines.find((line) => line.msg === 'request failed');
    expect(logged).toMatchObject({ level: 'error', requestId: id, err: { message: 'database exploded at /srv/app/secret.ts:42' } });
  });

  it('passes safe client errors from body parsers through as 4xx', async () => {
    const { server, start } = setUp();
    server.mount(
      '/json',
      express.Router().post('/', express.json(), (_req, res) => void res.json({ ok: true })),
    );
    const response = await fetch(`${await start()}/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{bad',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toHaveProperty('error');
  });

  it('echoes a sane x-request-id and replaces an unsafe one', async () => {
    const { server, start, lines } = setUp();
    server.mount('/who', (_req, res) => {
      requestLog(res).info('inside the handler');
      res.json({ id: requestId(res) });
    });
    const base = await start();
    const kept = await fetch(`${base}/who?secret=1`, { headers: { 'x-request-id': 'abc-123' } });
    expect(kept.headers.get('x-request-id')).toBe('abc-123');
    expect(await kept.json()).toEqual({ id: 'abc-123' });
    const replaced = await fetch(`${base}/who`, { headers: { 'x-request-id': 'evil id\twith spaces' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await replaced.body?.cancel();

    expect(lines.find((line) => line.msg === 'inside the handler')).toMatchObject({ requestId: 'abc-123' });
    const access = lines.find((line) => line.msg === 'request' && line.requestId === 'abc-123');
    // Answered requests at debug; failures at info (below).
    expect(access).toMatchObject({ level: 'debug', method: 'GET', path: '/who', status: 200 });
    expect(access?.ms).toBeTypeOf('number');
    expect(Object.keys(access ?? {}).sort()).toEqual([
      'hostname',
      'level',
      'method',
      'ms',
      'msg',
      'path',
      'pid',
      'requestId',
      'status',
      'time',
    ]);
    const missing = await fetch(`${base}/nowhere`, { headers: { 'x-request-id': 'lost-1' } });
    await missing.body?.cancel();
    expect(lines.find((line) => line.msg === 'request' && line.requestId === 'lost-1')).toMatchObject({ level: 'info', status: 404 });
  });

  it('lets an in-flight request finish on close, then refuses new connections', async () => {
    const { server, start } = setUp();
    const entered = deferred();
    const release = deferred();
    server.mount('/slow', async (_req, res) => {
      entered.resolve();
      await release.promise;
      res.json({ finished: true });
    });
    const base = await start();
    // A keep-alive connection that is idle when close() starts must not hold shutdown up.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const slow = fetch(`${base}/slow`);
    await entered.promise;

    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);

    release.resolve();
    const response = await slow;
    expect(response.status).toBe(200);
    // The server tells the client not to reuse the connection, so close() need not wait for it.
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual({ finished: true });
    await closing;
    expect(closed).toBe(true);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('can be closed before it listens, and twice', async () => {
    const { server } = setUp();
    await server.close();
    await server.close();
  });

  it('explains a port already in use', async () => {
    const first = setUp();
    const { port } = await first.server.listen();
    const lines: LogLine[] = [];
    const logger = createLogger('info', { destination: { write: (line) => void lines.push(JSON.parse(line) as LogLine) } });
    const second = createHttpServer({ logger, health: () => Promise.resolve({ ok: true }), port, host: '127.0.0.1' });
    servers.push(second);
    await expect(second.listen()).rejects.toThrow(`Port ${port} is already in use`);
  });
});
