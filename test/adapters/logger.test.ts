import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from '../../src/adapters/logging/logger.js';

function capture(): { lines: () => Record<string, unknown>[]; destination: { write: (line: string) => void } } {
  const written: string[] = [];
  return {
    destination: { write: (line) => void written.push(line) },
    lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  it('writes one JSON object per line with a level name and ISO time', () => {
    const out = capture();
    createLogger('info', { destination: out.destination }).info({ requirement: 'REQ-1' }, 'saved');
    const [line] = out.lines();
    expect(line).toMatchObject({ level: 'info', msg: 'saved', requirement: 'REQ-1' });
    expect(String(line?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('redacts tokens and secrets wherever they sit in the logged object', () => {
    const out = capture();
    const log = createLogger('debug', { destination: out.destination }).child({ requestId: 'r1' });
    log.info(
      {
        token: 'xoxb-top-level',
        slack: { botToken: 'xoxb-nested', signingSecret: 'sig', oauth: { clientSecret: 'cs' } },
        teams: { appPassword: 'pw' },
        req: { headers: { authorization: 'Bearer abc', 'x-slack-signature': 'v0=abc', host: 'example.com' } },
        err: { config: { headers: { Authorization: 'Bearer def' } } },
        storeUrl: 'postgres://bot:pw@db/cf',
      },
      'event',
    );
    const text = JSON.stringify(out.lines());
    for (const secret of ['xoxb-top-level', 'xoxb-nested', 'sig"', 'cs"', 'pw"', 'Bearer', 'v0=abc', 'bot:pw']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain(REDACTED);
    expect(text).toContain('example.com'); // other fields are kept
    expect(out.lines()[0]).toMatchObject({ requestId: 'r1', slack: { botToken: REDACTED } });
  });

  it('respects the level', () => {
    const out = capture();
    const log = createLogger('warn', { destination: out.destination });
    log.info('hidden');
    log.warn('shown');
    expect(out.lines().map((l) => l.msg)).toEqual(['shown']);
    createLogger('silent', { destination: out.destination }).fatal('nothing');
    expect(out.lines()).toHaveLength(1);
  });
});
