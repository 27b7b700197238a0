import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Config, ConfigError, describeNextSteps, loadConfig, loadDotEnv } from '../src/config.js';

function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'signing-secret-value' };
const TEAMS = { TEAMS_APP_ID: '00000000-0000-0000-0000-000000000001', TEAMS_APP_PASSWORD: 'pw', TEAMS_APP_TENANT_ID: 'tenant' };

describe('loadConfig', () => {
  it('starts from safe defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 3978,
      // Nothing configured is a local try-out: this machine only (issue 15.6).
      host: '127.0.0.1',
      storeUrl: 'sqlite://./data/customer-focus.sqlite',
      workers: 1,
      logLevel: 'info',
      adminUsers: [],
      slack: { configured: false, socketMode: false, checkReaction: 'mag' },
      teams: { configured: false, enabled: true, appType: 'SingleTenant' },
      digest: { cron: '0 9 * * 1', timeZone: 'UTC' },
      linkTtlHours: 24,
      playground: { mode: 'auto', enabled: true },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.slack)).toBe(true);
    expect(Object.isFrozen(config.adminUsers)).toBe(true);
  });

  it('WORKERS: one process unless set, and always one on the memory store', () => {
    expect(loadConfig(SLACK).workers).toBe(1);
    expect(loadConfig({ ...SLACK, WORKERS: '3' }).workers).toBe(3);
    expect(loadConfig({ WORKERS: '2' }).workers).toBe(2);
    expect(loadConfig({ ...SLACK, WORKERS: '4', STORE_URL: 'memory://' }).workers).toBe(1);
    expect(() => loadConfig({ WORKERS: '0' })).toThrow(/WORKERS is not valid \(it is "0"\): use a whole number of processes from 1 to 64/);
  });

  it('HOST: loopback while no platform is configured, every interface once one is, or what is set', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).host).toBeUndefined();
    expect(loadConfig({ TEAMS_APP_ID: 'app' }).host).toBeUndefined();
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '[::1]' }).host).toBe('::1');
    expect(() => loadConfig({ HOST: 'not a host' })).toThrow(/HOST is not valid \(it is "not a host"\): use an address of this machine/);
  });

  it('reads every variable into its group', () => {
    const config = loadConfig({
      PORT: '0',
      STORE_URL: 'postgres://bot@db:5432/cf',
      LOG_LEVEL: 'DEBUG',
      PUBLIC_URL: 'https://bot.example.com/',
      NODE_ENV: 'production',
      ...SLACK,
      SLACK_APP_TOKEN: 'xapp-1-xyz',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'client-secret',
      SLACK_STATE_SECRET: 'state-secret',
      ...TEAMS,
      TEAMS_APP_TYPE: 'multitenant',
      DIGEST_CRON: '0 0 9 * * 1',
      DIGEST_TIMEZONE: 'europe/oslo',
      LINK_SECRET: 'x'.repeat(32),
    });
    expect(config).toMatchObject({
      port: 0,
      storeUrl: 'postgres://bot@db:5432/cf',
      logLevel: 'debug',
      publicUrl: 'https://bot.example.com',
      nodeEnv: 'production',
      slack: {
        configured: true,
        socketMode: true,
        botToken: 'xoxb-1-2-abc',
        signingSecret: 'signing-secret-value',
        appToken: 'xapp-1-xyz',
        apiUrl: 'http://127.0.0.1:9999/api/',
        oauth: { clientId: '123.456', clientSecret: 'client-secret', stateSecret: 'state-secret' },
      },
      teams: { configured: true, enabled: true, appId: TEAMS.TEAMS_APP_ID, appPassword: 'pw', tenantId: 'tenant', appType: 'MultiTenant' },
      digest: { cron: '0 0 9 * * 1', timeZone: 'Europe/Oslo' },
      linkSecret: 'x'.repeat(32),
    });
  });

  it('reports every invalid value together, each with a fix', () => {
    const error = configError({
      PORT: '70000',
      STORE_URL: 'mysql://localhost/db',
      LOG_LEVEL: 'loud',
      PUBLIC_URL: 'not a url',
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_APP_TOKEN: 'app-token',
      SLACK_API_URL: 'ftp://example.com',
      TEAMS_APP_TYPE: 'Everyone',
      DIGEST_CRON: '0 9 *',
      DIGEST_TIMEZONE: 'Mars/Olympus_Mons',
      LINK_SECRET: 'too-short',
    });
    const names = [
      'PORT',
      'STORE_URL',
      'LOG_LEVEL',
      'PUBLIC_URL',
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'SLACK_API_URL',
      'TEAMS_APP_TYPE',
      'DIGEST_CRON',
      'DIGEST_TIMEZONE',
      'LINK_SECRET',
    ];
    expect(
      error.problems
        .map((p) => p.variables)
        .flat()
        .sort(),
    ).toEqual([...names].sort());
    for (const name of names) expect(error.message).toContain(`${name} is not valid`);
    expect(error.message).toContain('11 problems');
    expect(error.message).toContain('xoxb-');
    expect(error.message).toContain('0 to 65535');
    expect(error.message).toContain('Europe/Oslo');
  });

  it('rejects ports that are not whole numbers', () => {
    for (const port of ['abc', '-1', '80.5', '1e3']) expect(configError({ PORT: port }).message).toContain('PORT is not valid');
  });

  it('never echoes secret values in the error', () => {
    const secrets = {
      SLACK_BOT_TOKEN: 'xoxp-hunter2-bot-token',
      SLACK_APP_TOKEN: 'hunter2-app-token',
      LINK_SECRET: 'hunter2-short',
      STORE_URL: 'mysql://user:hunter2-db-password@db/cf',
      SLACK_CLIENT_SECRET: 'hunter2-client',
    };
    const error = configError(secrets);
    expect(error.problems.length).toBeGreaterThanOrEqual(5);
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error.problems)).not.toContain('hunter2');
  });

  it('shows non-secret values back to help spot typos', () => {
    expect(configError({ LOG_LEVEL: 'verbose' }).message).toContain('"verbose"');
  });

  it('names the missing variables of a partial OAuth set', () => {
    const error = configError({ SLACK_CLIENT_ID: '123.456' });
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]?.variables).toEqual(['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET']);
    expect(error.message).toContain('SLACK_CLIENT_SECRET and SLACK_STATE_SECRET are missing');

    const one = configError({ SLACK_CLIENT_ID: '1', SLACK_CLIENT_SECRET: 'hunter2-client' });
    expect(one.problems[0]?.variables).toEqual(['SLACK_STATE_SECRET']);
    expect(one.message).not.toContain('hunter2');
  });

  it('treats blank and whitespace-only values as unset', () => {
    const config = loadConfig({
      PORT: '',
      LOG_LEVEL: '  ',
      SLACK_BOT_TOKEN: '',
      SLACK_CLIENT_ID: ' ',
      LINK_SECRET: '',
      DIGEST_TIMEZONE: '',
    });
    expect(config.port).toBe(3978);
    expect(config.logLevel).toBe('info');
    expect(config.slack.botToken).toBeUndefined();
    expect(config.slack.oauth).toBeUndefined();
    expect(config.linkSecret).toBeUndefined();
    expect(config.digest.timeZone).toBe('UTC');
  });

  it('reads LINK_TTL_HOURS as whole hours from 1 to 720', () => {
    expect(loadConfig({ LINK_TTL_HOURS: '48' }).linkTtlHours).toBe(48);
    for (const bad of ['0', '721', '1.5', 'a day']) {
      expect(configError({ LINK_TTL_HOURS: bad }).message).toContain(
        `LINK_TTL_HOURS is not valid (it is "${bad}"): use a whole number of hours from 1 to 720`,
      );
    }
  });

  it('trims values pasted with surrounding spaces', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: ' xoxb-1 \n' }).slack.botToken).toBe('xoxb-1');
  });

  it('splits ADMIN_USERS on commas, trimming and dropping empty entries', () => {
    expect(loadConfig({ ADMIN_USERS: ' U01ABC, ,U02DEF,,29:1a-teams-id , ' }).adminUsers).toEqual(['U01ABC', 'U02DEF', '29:1a-teams-id']);
    expect(loadConfig({ ADMIN_USERS: ' , ' }).adminUsers).toEqual([]);
  });

  it('knows when Slack is configured', () => {
    const slack = (env: Record<string, string>): boolean => loadConfig(env).slack.configured;
    expect(slack(SLACK)).toBe(true);
    expect(slack({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toBe(true);
    expect(slack({ SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: 'i', SLACK_CLIENT_SECRET: 'c', SLACK_STATE_SECRET: 't' })).toBe(true);
    expect(slack({ SLACK_BOT_TOKEN: 'xoxb-1' })).toBe(false);
    expect(slack({ SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' })).toBe(false);
  });
});

describe('describeNextSteps', () => {
  const steps = (env: Record<string, string>): string[] => describeNextSteps(loadConfig(env));

  it('points a fresh machine at both platforms', () => {
    const fresh = steps({});
    expect(fresh.join('\n')).toContain('.env.example');
    expect(
      fresh.some(
        (s) =>
          s.includes('Slack is not connected') &&
          s.includes('SLACK_BOT_TOKEN') &&
          s.includes('SLACK_SIGNING_SECRET') &&
          s.includes('README'),
      ),
    ).toBe(true);
    expect(fresh.some((s) => s.includes('Teams is not connected') && s.includes('TEAMS_APP_ID'))).toBe(true);
  });

  it('names only what is missing for a half-configured Slack', () => {
    const half = steps({ SLACK_BOT_TOKEN: 'xoxb-1' });
    expect(half.some((s) => s.includes('SLACK_SIGNING_SECRET') && s.includes('SLACK_APP_TOKEN'))).toBe(true);
    expect(steps({ SLACK_SIGNING_SECRET: 's' }).some((s) => s.includes('set SLACK_BOT_TOKEN'))).toBe(true);
  });

  it('mentions Teams credentials still missing once the app id is set', () => {
    const partial = steps({ ...SLACK, TEAMS_APP_ID: 'id' });
    expect(partial.join('\n')).toContain('TEAMS_APP_PASSWORD');
    expect(partial.join('\n')).toContain('TEAMS_APP_TENANT_ID');
    expect(steps({ ...SLACK, TEAMS_APP_ID: 'id', TEAMS_APP_TYPE: 'UserAssignedMsi', TEAMS_APP_TENANT_ID: 't' })).toEqual([]);
  });

  it('says nothing once both platforms are configured', () => {
    const config: Config = loadConfig({ ...SLACK, ...TEAMS });
    expect(describeNextSteps(config)).toEqual([]);
  });

  it('leaves Slack alone when only Teams is missing', () => {
    const slackOnly = steps(SLACK);
    expect(slackOnly).toHaveLength(1);
    expect(slackOnly[0]).toContain('Teams');
  });
});

describe('loadDotEnv', () => {
  it('returns false when there is no file', () => {
    expect(loadDotEnv(join(tmpdir(), 'customer-focus-no-such-file.env'))).toBe(false);
  });

  it('loads a file without overriding variables already set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-env-'));
    const file = join(dir, '.env');
    const fresh = `CF_TEST_FROM_FILE_${process.pid}`;
    const preset = `CF_TEST_PRESET_${process.pid}`;
    writeFileSync(file, `${fresh}=from-file\n${preset}=from-file\n`);
    process.env[preset] = 'from-env';
    try {
      expect(loadDotEnv(file)).toBe(true);
      expect(process.env[fresh]).toBe('from-file');
      expect(process.env[preset]).toBe('from-env');
    } finally {
      delete process.env[fresh];
      delete process.env[preset];
    }
  });
});
