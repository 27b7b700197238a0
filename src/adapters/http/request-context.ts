/**
 * Per-request correlation: every request gets an id (the caller's `x-request-id` when it is
 * safe to reuse, else a fresh UUID), echoed in the response header, bound to a child logger that
 * handlers use, and one access-log line when the response ends (debug unless it failed). The line holds method, path,
 * status and duration only: bodies, headers and query strings can carry tokens and personal data.
 */
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from '../logging/logger.js';

export interface RequestContext {
  readonly id: string;
  readonly log: Logger;
}

// Keyed by the response object, which Express shares with Node, so routers that only see Node's
// ServerResponse (platform SDK receivers) can still find the request's logger.
const contexts = new WeakMap<ServerResponse, RequestContext>();

// Short and free of spaces and control characters, so it cannot forge log lines or headers.
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

function contextOf(res: ServerResponse): RequestContext {
  const context = contexts.get(res);
  if (!context) throw new Error('No request context: the route was not mounted on the server from createHttpServer().');
  return context;
}

/** The request's child logger; every line it writes carries the request id. */
export function requestLog(res: ServerResponse): Logger {
  return contextOf(res).log;
}

/** The request's correlation id, as sent in the `x-request-id` response header. */
export function requestId(res: ServerResponse): string {
  return contextOf(res).id;
}

export function correlateRequests(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const id = incoming !== undefined && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    // The child logger is made on first use: only failures log through it, and a pino child per
    // request (bindings, redaction set-up) was a steady share of the memory each request kept.
    let log: Logger | undefined;
    contexts.set(res, {
      id,
      get log() {
        return (log ??= logger.child({ requestId: id }));
      },
    });
    res.setHeader('x-request-id', id);

    const started = performance.now();
    const method = req.method;
    const path = req.originalUrl.split('?', 1)[0];
    let logged = false;
    const logLine = (): void => {
      if (logged) return;
      logged = true;
      const ms = Math.round((performance.now() - started) * 10) / 10;
      // 'close' without 'finish' means the client went away before the response was complete.
      const aborted = !res.writableFinished;
      // Failures and aborted requests at info; the steady stream of answered ones at debug, where
      // at hundreds a second they cost the event loop more than anything they would tell.
      const level = aborted || res.statusCode >= 400 ? 'info' : 'debug';
      if (!logger.isLevelEnabled(level)) return;
      logger[level]({ requestId: id, method, path, status: res.statusCode, ms, ...(aborted ? { aborted } : {}) }, 'request');
    };
    res.once('finish', logLine);
    res.once('close', logLine);
    next();
  };
}
