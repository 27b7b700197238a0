/**
 * When the playground is served: `npm start` without credentials serves it and prints its address;
 * any Slack or Teams credential turns it off unless PLAYGROUND=on says otherwise; PLAYGROUND=off
 * always wins. The dashboard is there either way.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { type RunningBot, startBanner, startBot } from '../../src/app/start.js';
import type { CliIo } from '../../src/cli/io.js';
import { runCli } from '../../src/cli/main.js';
import { ConfigError, loadConfig } from '../../src/config.js';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 'test-signing-secret' };

describe('PLAYGROUND', () => {
  it('is on by default without credentials, off with any Slack or Teams credential, and can be forced either way', () => {
    const playground = (env: Record<string, string>) => loadConfig(env).playground;
    expect(playground({})).toEqual({ mode: 'auto', enabled: true });
    expect(playground(SLACK)).toEqual({ mode: 'auto', enabled: false });
    expect(playground({ SLACK_APP_TOKEN: 'xapp-1' })).toEqual({ mode: 'auto', enabled: false });
    expect(playground({ TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000' })).toEqual({ mode: 'auto', enabled: false });
    expect(playground({ ...SLACK, PLAYGROUND: 'ON' })).toEqual({ mode: 'on', enabled: true });
    expect(playground({ PLAYGROUND: 'off' })).toEqual({ mode: 'off', enabled: false });
    expect(() => loadConfig({ PLAYGROUND: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ PLAYGROUND: 'maybe' })).toThrow('PLAYGROUND is not valid (it is "maybe"): use one of auto, on, off.');
  });

  it('puts its address in the start banner only when it is on', () => {
    expect(startBanner(loadConfig({}), 3978)).toContain(
      'Playground: http://localhost:3978/playground (try the bot in your browser, no Slack or Teams needed)',
    );
    expect(startBanner(loadConfig(SLACK), 3978).join('\n')).not.toContain('Playground');
  });
});

describe('the running bot', () => {
  let bot: RunningBot | undefined;
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  const start = async (env: Record<string, string>) => {
    bot = await startBot(loadConfig({ PORT: '0', STORE_URL: 'memory://', LOG_LEVEL: 'silent', ...env }), createLogger('silent'));
    return `http://127.0.0.1:${bot.port}`;
  };

  it('serves the playground and sends visitors of its root there when no platform is configured', async () => {
    const url = await start({});
    const page = await fetch(`${url}/playground`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Playground · Customer focus</title>');
    const root = await fetch(`${url}/`, { redirect: 'manual' });
    expect([root.status, root.headers.get('location')]).toEqual([302, '/playground']);
  });

  it('has no playground once Slack is configured, but still the dashboard', async () => {
    const url = await start(SLACK);
    expect((await fetch(`${url}/playground`)).status).toBe(404);
    expect((await fetch(`${url}/playground/api/state?as=dana`)).status).toBe(404);
    expect((await fetch(`${url}/`)).status).toBe(404);
    expect((await fetch(`${url}/dashboard/local`)).status).toBe(401);
  });

  it('serves the playground next to Slack when PLAYGROUND=on', async () => {
    const url = await start({ ...SLACK, PLAYGROUND: 'on' });
    expect((await fetch(`${url}/playground`)).status).toBe(200);
  });
});

describe('npm start', () => {
  it('prints the playground address, which answers', async () => {
    const lines: string[] = [];
    let banner: (url: string) => void = () => undefined;
    const printed = new Promise<string>((resolve) => {
      banner = resolve;
    });
    let stop: (signal: string) => void = () => undefined;
    const io: CliIo = {
      env: { PORT: '0', STORE_URL: 'memory://', LOG_LEVEL: 'silent' },
      cwd: process.cwd(),
      out: () => undefined,
      write: () => undefined,
      err: (text) => {
        lines.push(text);
        const match = /^Playground: (http:\/\/localhost:\d+\/playground) /.exec(text);
        if (match?.[1]) banner(match[1]);
      },
      readFile: (path) => readFile(path, 'utf8'),
      readBytes: (path) => readFile(path),
      writeFile: (path, text) => writeFile(path, text, 'utf8'),
      writeBytes: (path, data) => writeFile(path, data),
      stopSignal: () =>
        new Promise((resolve) => {
          stop = resolve;
        }),
    };
    const running = runCli(['start'], io);
    const address = await printed;
    expect((await fetch(address.replace('localhost', '127.0.0.1'))).status).toBe(200);
    stop('SIGTERM');
    expect(await running).toBe(0);
    expect(lines[1]).toBe(`Playground: ${address} (try the bot in your browser, no Slack or Teams needed)`);
  });
});
