/**
 * A closed-loop load: `connections` senders, each sending its next request as soon as the last
 * one is answered, until `seconds` have passed. Every request sent is waited for, so the answers
 * counted are exactly the requests the server acknowledged (unlike a generator that cuts off the
 * requests in flight at its deadline): the count to compare with what the store holds after.
 */
import { Agent, request as httpRequest } from 'node:http';
import { signSlackRequest } from '../../test/support/slack/signed-requests.js';
import type { SlackRequest } from './slack-requests.js';

export interface ClosedLoopOptions {
  readonly url: string;
  readonly path: string;
  readonly connections: number;
  readonly seconds: number;
  readonly next: () => SlackRequest;
  /** Slack's signing secret: each request is signed as it goes out. */
  readonly signingSecret: string;
}

export interface ClosedLoopResult {
  readonly sent: number;
  /** 2xx answers: requests the server acknowledged. */
  readonly acked: number;
  readonly non2xx: number;
  readonly errors: number;
  /** From the first request sent to the last answer received. */
  readonly seconds: number;
}

function send(agent: Agent, url: URL, path: string, request: SlackRequest, secret: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        agent,
        hostname: url.hostname,
        port: url.port,
        path,
        method: 'POST',
        headers: { 'content-type': request.contentType, ...signSlackRequest(request.body, secret) },
        timeout: 30_000,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('no answer within 30 s')));
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}

export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const url = new URL(options.url);
  const counts = { sent: 0, acked: 0, non2xx: 0, errors: 0 };
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  let lastAnswer = started;
  const sender = async () => {
    while (performance.now() < deadline) {
      counts.sent += 1;
      try {
        const status = await send(agent, url, options.path, options.next(), options.signingSecret);
        if (status >= 200 && status < 300) counts.acked += 1;
        else counts.non2xx += 1;
      } catch {
        counts.errors += 1;
      }
      lastAnswer = performance.now();
    }
  };
  try {
    await Promise.all(Array.from({ length: options.connections }, sender));
  } finally {
    agent.destroy();
  }
  return { ...counts, seconds: (lastAnswer - started) / 1000 };
}
