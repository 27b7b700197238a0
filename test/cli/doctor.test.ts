import { type Server, createServer } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli-harness.js';
import { startBanner } from '../../src/app/start.js';
import { loadConfig } from '../../src/config.js';
import { linkSecretCheck, setupChecks, setupLine } from '../../src/setup-checks.js';

/** A local stand-in for the Slack Web API's auth.test, answering per bot token. */
async function fakeSlackApi(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const token = request.headers.authorization?.replace('Bearer ', '');
    response.setHeader('content-type', 'application/json');
    response.end(
      JSON.stringify(token === 'xoxb-good' ? { ok: true, user: 'customer_focus', team: 'Acme' } : { ok: false, error: 'invalid_auth' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/api/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('customer-focus doctor', () => {
  let directory: string;
  let store: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'cfb-doctor-'));
    store = `sqlite://${join(directory, 'doctor.sqlite')}`;
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('on a fresh local setup: config and store fine, says what to configure next', async () => {
    const run = await cli(['doctor'], { STORE_URL: store });
    expect(run.code).toBe(0);
    expect(run.out).toContain('✔ Configuration: valid');
    expect(run.out).toContain('✔ Store: reachable');
    expect(run.out).toContain('• Slack: not configured');
    expect(run.out).toContain('• Teams: not configured');
  });

  it('never says "nothing needs fixing" under its own to-dos, and warns about LINK_SECRET as start-up does', async () => {
    const run = await cli(['doctor'], { STORE_URL: store });
    const lines = run.out.split('\n');
    const todos = lines.filter((line) => line.startsWith('→ ') || line.startsWith('! '));
    expect(todos).toContain(`! ${linkSecretCheck({ linkSecret: undefined })?.text}`);
    expect(todos.some((line) => line.startsWith('→ Slack is not connected'))).toBe(true);
    // Calm first: what runs locally and why, not an alarm.
    expect(lines.find((line) => line.startsWith('ℹ '))).toMatch(/^ℹ Running locally to try the bot out/);
    expect(run.out).not.toContain('Nothing needs fixing');
    expect(lines.at(-1)).toBe(`Nothing is broken; ${todos.length} things to set up before real use (marked → and ! above).`);

    // The very same list start-up prints (banner) and logs (warnings): one source for both.
    const config = loadConfig({ STORE_URL: store });
    const banner = startBanner(config, 3978);
    for (const check of setupChecks(config)) {
      if (check.kind === 'todo') expect(banner).toContain(`Next: ${check.text}`);
      expect(lines).toContain(setupLine(check));
    }

    const done = await cli(['doctor'], { STORE_URL: store, LINK_SECRET: 'x'.repeat(40), PLAYGROUND: 'off', TEAMS_ENABLED: 'false' });
    expect(done.out).not.toContain('LINK_SECRET');
  });

  it('suggests ADMIN_USERS when Teams is connected and it names nobody, and says what happens without it', async () => {
    const teams = { STORE_URL: store, TEAMS_APP_ID: 'app-id', TEAMS_APP_PASSWORD: 'secret', TEAMS_APP_TENANT_ID: 'tenant' };
    const without = await cli(['doctor'], teams);
    expect(without.out).toContain('→ Set ADMIN_USERS for Teams');
    expect(without.out).toContain('the first person who installs the app into a team becomes its admin');
    const withAdmins = await cli(['doctor'], { ...teams, ADMIN_USERS: 'aad-ann' });
    expect(withAdmins.out).not.toContain('Set ADMIN_USERS');
  });

  it('counts problems and set-up steps apart, with plurals that agree', async () => {
    const run = await cli(['doctor'], { STORE_URL: store, TEAMS_APP_ID: '00000000-0000-0000-0000-000000000001' });
    expect(run.out.split('\n').at(-1)).toMatch(/^1 problem to fix \(marked ✘ above\), and \d+ things? to set up before real use/);
  });

  it('names every configuration problem at once', async () => {
    const run = await cli(['doctor'], {
      STORE_URL: 'ftp://x',
      PORT: 'eighty',
      DIGEST_TIMEZONE: 'Mars/Base',
      SLACK_BOT_TOKEN: 'not-a-token',
    });
    expect(run.code).toBe(1);
    for (const name of ['STORE_URL', 'PORT', 'DIGEST_TIMEZONE', 'SLACK_BOT_TOKEN']) expect(run.out).toContain(name);
    expect(run.out).not.toContain('not-a-token');
  });

  it('reports a store it cannot open', async () => {
    writeFileSync(join(directory, 'a-file'), 'not a directory');
    const run = await cli(['doctor'], { STORE_URL: `sqlite://${join(directory, 'a-file', 'store.sqlite')}` });
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/✘ Store: cannot use/);
  });

  it('checks the Slack token against the Slack API', async () => {
    const api = await fakeSlackApi();
    try {
      const good = await cli(['doctor'], {
        STORE_URL: store,
        SLACK_BOT_TOKEN: 'xoxb-good',
        SLACK_SIGNING_SECRET: 's3cret',
        SLACK_API_URL: api.url,
      });
      expect(good.out).toContain('✔ Slack: the bot token works (bot customer_focus in workspace Acme).');
      const bad = await cli(['doctor'], {
        STORE_URL: store,
        SLACK_BOT_TOKEN: 'xoxb-revoked',
        SLACK_SIGNING_SECRET: 's3cret',
        SLACK_API_URL: api.url,
      });
      expect(bad.code).toBe(1);
      expect(bad.out).toContain('✘ Slack: SLACK_BOT_TOKEN is not valid any more');
      expect(bad.out).not.toContain('xoxb-revoked');
    } finally {
      await api.close();
    }
  });

  it('says which Teams settings are missing', async () => {
    const run = await cli(['doctor'], { STORE_URL: store, TEAMS_APP_ID: '00000000-0000-0000-0000-000000000001' });
    expect(run.code).toBe(1);
    expect(run.out).toContain('✘ Teams: TEAMS_APP_PASSWORD and TEAMS_APP_TENANT_ID missing for a SingleTenant bot.');
  });

  it('refuses an unknown command with the help text', async () => {
    const run = await cli(['frobnicate'], {});
    expect(run.code).toBe(2);
    expect(run.err).toContain('"frobnicate" is not a customer-focus command.');
    expect(run.err).toContain('requirements import');
  });
});
