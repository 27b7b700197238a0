/**
 * `customer-focus doctor`: checks the configuration, the store and, where configured, the Slack
 * and Teams credentials, and says what to fix. Exit code 0 when nothing needs fixing.
 */
import { WebClient } from '@slack/web-api';
import { ConfigError, type Config, loadConfig } from '../../config.js';
import { setupChecks, setupLine } from '../../setup-checks.js';
import { plural } from '../../core/wording.js';
import { createLogger } from '../../adapters/logging/logger.js';
import { openBackend } from '../../adapters/storage/open-backend.js';
import { redactUrl } from '../../adapters/storage/redact-url.js';
import type { CliIo } from '../io.js';

type Check = { ok: true; line: string } | { ok: false; line: string } | { ok: 'skip'; line: string };

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function checkStore(config: Config): Promise<Check> {
  const where = redactUrl(config.storeUrl);
  try {
    const backend = await openBackend(config.storeUrl, { logger: createLogger('silent') });
    try {
      await backend.ping();
    } finally {
      await backend.close();
    }
    return { ok: true, line: `Store: reachable (${where})` };
  } catch (error) {
    return { ok: false, line: `Store: cannot use ${where}: ${reason(error)}. Check STORE_URL and that the database is running.` };
  }
}

async function checkSlack(config: Config): Promise<Check> {
  if (!config.slack.botToken) {
    return config.slack.oauth
      ? { ok: true, line: 'Slack: multi-workspace install is configured; each workspace is checked when it installs the app.' }
      : { ok: 'skip', line: 'Slack: not configured (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, see README → Slack).' };
  }
  if (!config.slack.signingSecret && !config.slack.appToken) {
    return { ok: false, line: 'Slack: SLACK_SIGNING_SECRET is missing; without it no request from Slack can be verified.' };
  }
  const client = new WebClient(config.slack.botToken, {
    ...(config.slack.apiUrl ? { slackApiUrl: config.slack.apiUrl } : {}),
    retryConfig: { retries: 0 },
    timeout: 5000,
  });
  try {
    const auth = await client.auth.test();
    return { ok: true, line: `Slack: the bot token works (bot ${auth.user ?? '?'} in workspace ${auth.team ?? '?'}).` };
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    const hint =
      code === 'invalid_auth' || code === 'token_revoked' || code === 'account_inactive'
        ? 'SLACK_BOT_TOKEN is not valid any more: reinstall the app and copy the new Bot User OAuth Token.'
        : `could not reach the Slack API (${code ?? reason(error)}). Check the network${config.slack.apiUrl ? ' and SLACK_API_URL' : ''}.`;
    return { ok: false, line: `Slack: ${hint}` };
  }
}

async function checkTeams(config: Config): Promise<Check> {
  const teams = config.teams;
  if (!teams.appId) return { ok: 'skip', line: 'Teams: not configured (TEAMS_APP_ID and friends, see README → Teams).' };
  const missing = [
    !teams.appPassword && teams.appType !== 'UserAssignedMsi' ? 'TEAMS_APP_PASSWORD' : '',
    !teams.tenantId && teams.appType === 'SingleTenant' ? 'TEAMS_APP_TENANT_ID' : '',
  ].filter(Boolean);
  if (missing.length > 0) return { ok: false, line: `Teams: ${missing.join(' and ')} missing for a ${teams.appType} bot.` };
  if (teams.appType === 'UserAssignedMsi') return { ok: true, line: 'Teams: managed identity configured (checked by Azure at run time).' };
  // The same client-credentials request botbuilder makes before its first reply.
  const tenant = teams.appType === 'SingleTenant' ? teams.tenantId : 'botframework.com';
  try {
    const response = await fetch(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: teams.appId,
        client_secret: teams.appPassword ?? '',
        scope: 'https://api.botframework.com/.default',
      }),
      signal: AbortSignal.timeout(5000),
    });
    if (response.ok) return { ok: true, line: 'Teams: the app id and password are accepted by Microsoft Entra ID.' };
    return {
      ok: false,
      line: `Teams: Microsoft Entra ID refused the credentials (HTTP ${response.status}). Check TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_APP_TENANT_ID.`,
    };
  } catch (error) {
    return { ok: false, line: `Teams: could not reach login.microsoftonline.com to check the credentials (${reason(error)}).` };
  }
}

export async function doctorCommand(_args: string[], io: CliIo): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(io.env);
    io.out('✔ Configuration: valid');
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.out(`✘ Configuration:\n${error.message}`);
    return 1;
  }
  const checks = [await checkStore(config), await checkSlack(config), await checkTeams(config)];
  for (const check of checks) io.out(`${check.ok === true ? '✔' : check.ok === 'skip' ? '•' : '✘'} ${check.line}`);
  const failed = checks.filter((check) => check.ok === false).length;
  // The same list start-up prints and logs, so doctor and start-up never disagree.
  const setup = setupChecks(config);
  for (const check of setup) io.out(setupLine(check));
  io.out(verdict(failed, setup.filter((check) => check.kind !== 'local').length));
  return failed === 0 ? 0 : 1;
}

/** The last line: problems first; otherwise what is left to set up; "nothing" only when nothing is. */
function verdict(failed: number, toSetUp: number): string {
  const left = `${plural(toSetUp, 'thing')} to set up before real use (marked → and ! above)`;
  if (failed > 0) return `${plural(failed, 'problem')} to fix (marked ✘ above)${toSetUp > 0 ? `, and ${left}` : ''}.`;
  if (toSetUp > 0) return `Nothing is broken; ${left}.`;
  return 'Nothing needs fixing or setting up.';
}
