/**
 * The `fetch` the Slack Web API clients are given (WebClient's `fetch` option), on undici's request
 * API. Node's built-in fetch builds a Request, an AbortSignal, WHATWG streams and a Response for
 * every call; under the click load of `npm run bench` that was about a tenth of the bot's CPU
 * (issue 17), for calls that send a short form or JSON body and get a short JSON answer.
 *
 * The client reads `status`, `statusText`, `url`, `headers.get()` and `headers.entries()`, then
 * `text()` or `arrayBuffer()`. The body is read whole before the response is returned, because
 * the client does not read it on every path (a 429 is retried unread), and an unread body would
 * keep its connection from going back to the pool. Anything else (a stream or form-data body, a
 * redirect to follow) goes to the built-in fetch.
 */
import { STATUS_CODES } from 'node:http';
import type { request as undiciRequest } from 'undici';

type HeaderValues = Record<string, string | string[] | undefined>;

/** The part of the Fetch API's Headers that the client reads. */
class ResponseHeaders {
  constructor(private readonly values: HeaderValues) {}

  get(name: string): string | null {
    const value = this.values[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.values)) {
      const value = this.get(name);
      if (value !== null) yield [name, value];
    }
  }
}

/** The part of the Fetch API's Response that the client reads, over a body already read. */
class BufferedResponse {
  readonly headers: ResponseHeaders;

  constructor(
    readonly url: string,
    readonly status: number,
    headers: HeaderValues,
    private readonly body: Buffer,
  ) {
    this.headers = new ResponseHeaders(headers);
  }

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  get statusText(): string {
    return STATUS_CODES[this.status] ?? '';
  }

  async text(): Promise<string> {
    return this.body.toString('utf8');
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer;
  }
}

// Loaded on the first call: importing undici takes about 130 ms, which start-up need not wait for.
let undici: Promise<typeof undiciRequest> | undefined;
const undiciRequestFn = () => (undici ??= import('undici').then((module) => module.request));

const plainHeaders = (headers: RequestInit['headers']): Record<string, string> | undefined =>
  headers === undefined || (typeof headers === 'object' && !Array.isArray(headers) && !(headers instanceof Headers))
    ? (headers as Record<string, string> | undefined)
    : undefined;

export const leanFetch = (async (input: string | URL | Request, init: RequestInit = {}) => {
  const headers = plainHeaders(init.headers);
  const leanEnough =
    (typeof input === 'string' || input instanceof URL) &&
    (init.body === undefined || init.body === null || typeof init.body === 'string') &&
    (init.headers === undefined || headers !== undefined) &&
    // The client always says 'error'; fetch's default, 'follow', is the built-in fetch's to do.
    (init.redirect === 'error' || init.redirect === 'manual');
  if (!leanEnough) return fetch(input, init);
  const url = String(input);
  const request = await undiciRequestFn();
  const response = await request(url, {
    method: (init.method ?? 'GET') as 'GET',
    ...(headers ? { headers } : {}),
    ...(typeof init.body === 'string' ? { body: init.body } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const body = Buffer.from(await response.body.arrayBuffer());
  if (init.redirect === 'error' && response.statusCode >= 300 && response.statusCode < 400) {
    // What the built-in fetch does with redirect: 'error'.
    throw new TypeError(`fetch failed: ${url} redirected (HTTP ${response.statusCode}) where no redirect is allowed`);
  }
  return new BufferedResponse(url, response.statusCode, response.headers, body) as unknown as Response;
}) as typeof fetch;
