/**
 * The bot's one HTTP server: health check, request correlation, JSON 404 and 500 answers, and
 * graceful shutdown. Platform adapters mount their routers (`/slack/events`, `/api/messages`)
 * with `mount()` before `listen()`; the fallback handlers are added by `listen()` so they always
 * come last. There is deliberately no global body parser: Slack's signature check needs the raw
 * body, so each router parses its own.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { Logger } from '../logging/logger.js';
import { correlateRequests, requestId, requestLog } from './request-context.js';

export { requestId, requestLog } from './request-context.js';

export type HealthStatus = { ok: true } | { ok: false; reason: string };

export interface HttpServerOptions {
  readonly logger: Logger;
  /**
   * Whether the bot can serve (store reachable…). `reason` is shown to whoever asks /healthz, so it
   * is a short fixed phrase: never a host, port, path or driver message (those go to the log).
   */
  readonly health: () => Promise<HealthStatus>;
  /** 0 picks any free port; `listen()` reports the one chosen. */
  readonly port: number;
  /** Interface to bind; all interfaces when omitted. */
  readonly host?: string;
  /** How long `close()` waits for in-flight requests before cutting them off. Default 10 s. */
  readonly shutdownTimeoutMs?: number;
  /** How long /healthz waits for `health()` before answering 503. Default 5 s. */
  readonly healthTimeoutMs?: number;
}

export interface HttpServer {
  /** The Express app, for routes that `mount()` does not cover; add them before `listen()`. */
  readonly app: Express;
  /** Adds a router or handler under `path`; must be called before `listen()`. */
  mount(path: string, handler: RequestHandler): void;
  listen(): Promise<{ port: number }>;
  /** Stops accepting connections, lets in-flight requests finish (up to the timeout), then resolves. */
  close(): Promise<void>;
}

/**
 * Requests of this many bytes or more are refused with 413 before their body is read. Slack and
 * Teams send a few kilobytes; each platform router also caps what it parses, for bodies sent
 * without a Content-Length.
 */
export const MAX_REQUEST_BYTES = 1_000_000;

const refuseLargeBodies: RequestHandler = (req, res, next) => {
  const declared = Number(req.get('content-length') ?? 0);
  if (declared < MAX_REQUEST_BYTES) return next();
  requestLog(res).warn({ bytes: declared }, 'request body too large');
  // The client may still be sending: answer, then close the connection rather than read the rest.
  res.setHeader('connection', 'close');
  res.status(413).json({
    error: `The request body is ${declared} bytes; this bot accepts less than ${MAX_REQUEST_BYTES} (1 MB). Send a smaller request.`,
  });
};

const INTERNAL_ERROR = (id: string): string =>
  `Something went wrong on our side. Please try again; if it keeps happening, tell your admin and quote this id: ${id}`;

async function checkHealth(health: () => Promise<HealthStatus>, timeoutMs: number): Promise<HealthStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<HealthStatus>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `the health check did not answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([health(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function healthRoute(health: () => Promise<HealthStatus>, timeoutMs: number): RequestHandler {
  return async (_req, res) => {
    let status: HealthStatus;
    try {
      status = await checkHealth(health, timeoutMs);
    } catch (error) {
      // The exception's text may describe internals; log it and answer in general terms.
      requestLog(res).error({ err: error }, 'health check threw');
      status = { ok: false, reason: 'the health check failed' };
    }
    res.setHeader('cache-control', 'no-store');
    if (status.ok) res.status(200).json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable', reason: status.reason });
  };
}

const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: `Nothing here: ${req.method} ${req.path} is not a route of this bot.` });
};

/** 4xx errors raised by Express and body parsers (bad JSON, body too large) that are safe to show. */
function clientError(error: unknown): { status: number; message: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, expose, message } = error as { status?: unknown; expose?: unknown; message?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) return undefined;
  return { status, message: typeof message === 'string' ? message : 'Bad request' };
}

const handleError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  const id = requestId(res);
  const log = requestLog(res);
  if (res.headersSent) {
    // Too late for an error answer: cut the response so the client sees it as incomplete.
    log.error({ err: error }, 'request failed after the response started');
    res.destroy();
    return;
  }
  const client = clientError(error);
  if (client) {
    log.warn({ err: error, status: client.status }, 'request rejected');
    res.status(client.status).json({ error: client.message });
    return;
  }
  log.error({ err: error }, 'request failed');
  res.status(500).json({ error: INTERNAL_ERROR(id) });
};

function listenOn(server: Server, port: number, host: string | undefined): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`Port ${port} is already in use. Stop the other program or set PORT to a free port.`, { cause: error }));
      } else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : port });
    });
  });
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger, port, host } = options;
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  const app = express();
  app.disable('x-powered-by');
  app.use(correlateRequests(logger));
  app.use(refuseLargeBodies);
  app.get('/healthz', healthRoute(options.health, options.healthTimeoutMs ?? 5_000));

  let server: Server | undefined;
  let closing: Promise<void> | undefined;
  const inFlight = new Set<ServerResponse>();

  /** Node waits for keep-alive clients to hang up; tell them to, on every response still to come. */
  function trackResponses(running: Server): void {
    running.on('request', (_req: IncomingMessage, res: ServerResponse) => {
      if (closing) res.shouldKeepAlive = false;
      inFlight.add(res);
      res.once('close', () => inFlight.delete(res));
    });
  }

  function shutDown(running: Server): Promise<void> {
    return new Promise((resolve, reject) => {
      // Past the deadline, cut what is left so shutdown cannot hang on a stuck request.
      const deadline = setTimeout(() => {
        logger.warn({ timeoutMs: shutdownTimeoutMs, inFlight: inFlight.size }, 'shutdown timeout: cutting requests still in flight');
        running.closeAllConnections();
      }, shutdownTimeoutMs);
      deadline.unref();
      running.close((error) => {
        clearTimeout(deadline);
        if (error) reject(error);
        else resolve();
      });
      running.closeIdleConnections();
      for (const res of inFlight) {
        // Responses not started yet close their connection when done ("Connection: close").
        if (!res.headersSent) res.shouldKeepAlive = false;
        // Responses already streaming keep their connection; close it once it goes idle.
        else res.once('finish', () => setImmediate(() => running.closeIdleConnections()));
      }
    });
  }

  return {
    app,
    mount(path, handler) {
      if (server) throw new Error(`mount("${path}") came after listen(): mount routes before the server starts.`);
      app.use(path, handler);
    },
    async listen() {
      if (server) throw new Error('listen() was called twice.');
      app.use(notFound);
      app.use(handleError);
      server = createServer(app);
      trackResponses(server);
      return listenOn(server, port, host);
    },
    close() {
      // Nothing to wait for if listen() never succeeded.
      if (!server || (!server.listening && !closing)) return Promise.resolve();
      closing ??= shutDown(server);
      return closing;
    },
  };
}
