/**
 * Replies through a request's `response_url`: one JSON POST on a kept-alive connection. Bolt's
 * `respond` does the same through axios, whose request set-up cost more CPU per reply than
 * building the reply itself when hundreds of commands a second were answered (issue 17).
 */
import type { Agent, request as undiciRequest } from 'undici';

/** How long Slack may take to take a reply before it counts as failed (the surface then falls back). */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/** Slack's answer when a response_url refused the reply; `data.error` as the Web API client has it. */
export class ResponseUrlError extends Error {
  readonly data: { readonly error: string };
  constructor(status: number) {
    super(`response_url answered HTTP ${status}`);
    this.data = { error: `http_${status}` };
  }
}

export type Respond = (message: Record<string, unknown>) => Promise<void>;

// Loaded on the first reply: importing undici takes about 130 ms, which start-up need not wait for.
let client: Promise<{ request: typeof undiciRequest; connections: Agent }> | undefined;
const undici = () =>
  (client ??= import('undici').then(({ Agent, request }) => ({
    request,
    connections: new Agent({ keepAliveTimeout: 30_000, headersTimeout: RESPONSE_URL_TIMEOUT_MS, bodyTimeout: RESPONSE_URL_TIMEOUT_MS }),
  })));

/** A reply function for this request's response_url, or undefined when the request has none. */
export function respondVia(responseUrl: string | undefined): Respond | undefined {
  if (!responseUrl) return undefined;
  return async (message) => {
    const { request, connections } = await undici();
    const { statusCode, body } = await request(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(message),
      dispatcher: connections,
    });
    // Read to the end, so the connection goes back to the pool.
    await body.dump();
    if (statusCode < 200 || statusCode >= 300) throw new ResponseUrlError(statusCode);
  };
}
