/**
 * One load run at a steady rate. autocannon's own rate limit (`overallRate`) lets every connection
 * send its whole quota for a second back to back at the start of that second, which turns
 * "200 requests per second" into bursts of 200. To send a steady stream instead, the run starts
 * one autocannon connection per request per second, each limited to one request a second, and
 * starts them `1000 / rate` ms apart: together they send one request every `1000 / rate` ms.
 *
 * Starting hundreds of connections takes this process most of the first second, which would
 * delay the responses it reads then; so every connection runs one second longer and only requests
 * sent after the last connection started are measured.
 *
 * Each request is built and signed as it goes out. Every response time is kept at full
 * resolution (autocannon's histogram rounds to whole milliseconds, too coarse for fast acks).
 */
import autocannon from 'autocannon';
import { setTimeout as sleep } from 'node:timers/promises';
import { signSlackRequest } from '../../test/support/slack/signed-requests.js';
import { percentile } from '../lib/stats.js';
import type { SlackRequest } from './slack-requests.js';

export interface LoadOptions {
  readonly url: string;
  readonly path: string;
  /** Requests per second. */
  readonly rate: number;
  readonly seconds: number;
  readonly next: () => SlackRequest;
  /** Slack's signing secret: each request is signed as it goes out. Unset: sent unsigned (Teams without authentication). */
  readonly signingSecret?: string;
}

/** What one run (or several runs merged) measured. */
export interface LoadSample {
  /** Response times of the 2xx answers to requests sent in the measured window, in ms. */
  readonly latencies: number[];
  /** Answers (of any status) to requests sent in the measured window. */
  readonly measured: number;
  readonly seconds: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly statusCodes: Record<string, number>;
}

export interface LoadSummary {
  readonly measured: number;
  readonly ok: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly achievedRate: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly statusCodes: Record<string, number>;
}

export function mergeSamples(samples: readonly LoadSample[]): LoadSample {
  const statusCodes: Record<string, number> = {};
  for (const sample of samples)
    for (const [code, count] of Object.entries(sample.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  const sum = (pick: (sample: LoadSample) => number) => samples.reduce((total, sample) => total + pick(sample), 0);
  return {
    latencies: samples.flatMap((sample) => sample.latencies),
    measured: sum((sample) => sample.measured),
    seconds: sum((sample) => sample.seconds),
    non2xx: sum((sample) => sample.non2xx),
    errors: sum((sample) => sample.errors),
    timeouts: sum((sample) => sample.timeouts),
    statusCodes,
  };
}

export function summarize(sample: LoadSample): LoadSummary {
  const { latencies } = sample;
  return {
    measured: sample.measured,
    ok: latencies.length,
    non2xx: sample.non2xx,
    errors: sample.errors,
    timeouts: sample.timeouts,
    achievedRate: sample.measured / sample.seconds,
    p50Ms: percentile(latencies, 50),
    p90Ms: percentile(latencies, 90),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.reduce((max, value) => Math.max(max, value), 0),
    statusCodes: sample.statusCodes,
  };
}

/**
 * autocannon keeps three HDR histograms per run (a few MB each); hundreds of one-connection runs
 * would spend gigabytes on them. Latencies are collected here instead, so each run gets these
 * stand-ins (the form autocannon's own worker threads pass in) and skips its summary.
 */
const noHistogram = () => ({ __custom: true, recordValue() {}, recordValueWithExpectedInterval() {}, reset() {}, destroy() {} });

/** The raw counts a run reports when its summary is skipped. */
interface RawRun {
  readonly totalRequests: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  readonly '2xx': number;
  readonly statusCodeStats: Record<string, { count: number }>;
}

export async function runLoad(options: LoadOptions): Promise<LoadSample> {
  const latencies: number[] = [];
  const spacingMs = 1000 / options.rate;
  const started = performance.now();
  let measureFrom = Number.POSITIVE_INFINITY;
  let measured = 0;
  const runs: Promise<RawRun>[] = [];
  for (let i = 0; i < options.rate; i++) {
    const due = started + i * spacingMs;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    runs.push(
      new Promise<RawRun>((resolve, reject) => {
        const settings = {
          url: options.url,
          connections: 1,
          connectionRate: 1,
          duration: options.seconds + 1,
          // A request that takes this long counts as a timeout: Slack itself gives up after 3 s (Teams after 15 s).
          timeout: 10,
          requests: [
            {
              setupRequest: (request: autocannon.Request) => {
                const { body, contentType } = options.next();
                return {
                  ...request,
                  method: 'POST' as const,
                  path: options.path,
                  body,
                  headers: {
                    'content-type': contentType,
                    ...(options.signingSecret === undefined ? {} : signSlackRequest(body, options.signingSecret)),
                  },
                };
              },
            },
          ],
          histograms: { latencies: noHistogram(), requests: noHistogram(), throughput: noHistogram() },
          skipAggregateResult: true,
        };
        const instance = autocannon(settings as autocannon.Options, (error, finished) =>
          error ? reject(error) : resolve(finished as unknown as RawRun),
        );
        instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
          const now = performance.now();
          if (now - responseTime < measureFrom) return;
          measured += 1;
          if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
        });
      }),
    );
  }
  measureFrom = performance.now();
  const results = await Promise.all(runs);
  const sum = (pick: (result: RawRun) => number) => results.reduce((total, result) => total + pick(result), 0);
  const statusCodes: Record<string, number> = {};
  for (const result of results) {
    for (const [code, stats] of Object.entries(result.statusCodeStats)) statusCodes[code] = (statusCodes[code] ?? 0) + stats.count;
  }
  return {
    latencies,
    measured,
    seconds: options.seconds,
    non2xx: sum((result) => result.non2xx),
    errors: sum((result) => result.errors),
    timeouts: sum((result) => result.timeouts),
    statusCodes,
  };
}
