/**
 * The one place that reads the environment. Everything else receives a frozen, typed Config, so a
 * wrong setting fails at start-up with one message listing every problem, instead of failing later
 * in the middle of a conversation.
 */
import {
  ENV_NAMES,
  type Env,
  type EnvName,
  type LogLevel,
  type PlaygroundMode,
  type TeamsAppType,
  type Variable,
  VARIABLES,
  credentialsSet,
  envSchema,
} from './config/variables.js';

export { LOG_LEVELS, PLAYGROUND_MODES, STORE_URL_SCHEMES, TEAMS_APP_TYPES } from './config/variables.js';
export type { LogLevel, PlaygroundMode, TeamsAppType } from './config/variables.js';

export interface SlackOAuthConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly stateSecret: string;
}

export interface SlackConfig {
  /** Enough is set to talk to Slack: bot token or OAuth with a signing secret, or Socket Mode. */
  readonly configured: boolean;
  /** SLACK_APP_TOKEN is set: connect over Socket Mode instead of receiving HTTP events. */
  readonly socketMode: boolean;
  readonly botToken?: string;
  readonly signingSecret?: string;
  readonly appToken?: string;
  readonly apiUrl?: string;
  /** Emoji name (no colons) whose reaction on a message starts a decision check. */
  readonly checkReaction: string;
  /** Multi-workspace install; present only when all three variables are set. */
  readonly oauth?: SlackOAuthConfig;
}

export interface TeamsConfig {
  /** TEAMS_APP_ID is set: authentication is on. */
  readonly configured: boolean;
  /** Whether /api/messages is served at all (TEAMS_ENABLED; off only when asked to be). */
  readonly enabled: boolean;
  readonly appId?: string;
  readonly appPassword?: string;
  readonly tenantId?: string;
  readonly appType: TeamsAppType;
}

export interface Config {
  readonly port: number;
  /**
   * The address to listen on (HOST). Unset, it is 127.0.0.1 while no chat platform is configured
   * (a local try-out: nothing outside needs to reach it), and every interface once Slack or Teams
   * is, as their requests come from outside.
   */
  readonly host?: string;
  readonly storeUrl: string;
  /**
   * Processes serving the one port (WORKERS), each a whole bot on the shared store; one unless set.
   * Always one on the memory store, which no other process can see.
   */
  readonly workers: number;
  readonly logLevel: LogLevel;
  /** Where the bot is reachable from outside, without a trailing slash, for links. */
  readonly publicUrl?: string;
  readonly adminUsers: readonly string[];
  readonly nodeEnv?: string;
  readonly slack: SlackConfig;
  readonly teams: TeamsConfig;
  readonly digest: { readonly cron: string; readonly timeZone: string };
  readonly linkSecret?: string;
  /** How long download and dashboard links work unless issued for less (LINK_TTL_HOURS). */
  readonly linkTtlHours: number;
  /**
   * The local playground at /playground (PLAYGROUND): `auto` serves it only while no Slack or Teams
   * credential is set, `on` also with credentials (development), `off` never.
   */
  readonly playground: { readonly mode: PlaygroundMode; readonly enabled: boolean };
}

export interface ConfigProblem {
  /** The variables the problem concerns, so tooling can point at them. */
  readonly variables: readonly string[];
  /** One plain sentence: what is wrong and how to fix it. Never contains a secret value. */
  readonly message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: readonly ConfigProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(
      `The configuration has ${count} (set these as environment variables or in .env; see .env.example):\n` +
        problems.map((p) => `  - ${p.message}`).join('\n'),
    );
  }
}

const OAUTH_NAMES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** Trims every value and drops blank ones, so `FOO=` in a .env file means "not set". */
function cleanEnv(env: Record<string, string | undefined>): Partial<Record<EnvName, string>> {
  const cleaned: Partial<Record<EnvName, string>> = {};
  for (const name of ENV_NAMES) {
    const value = env[name]?.trim();
    if (value) cleaned[name] = value;
  }
  return cleaned;
}

function describeInvalid(name: EnvName, value: string | undefined): string {
  const variable: Variable = VARIABLES[name];
  const shown = !variable.secret && value !== undefined ? ` (it is ${JSON.stringify(value.slice(0, 60))})` : '';
  return `${name} is not valid${shown}: ${variable.fix}`;
}

function oauthProblem(env: Partial<Record<EnvName, string>>): ConfigProblem | undefined {
  const missing = OAUTH_NAMES.filter((name) => env[name] === undefined);
  if (missing.length === 0 || missing.length === OAUTH_NAMES.length) return undefined;
  const verb = missing.length === 1 ? 'is' : 'are';
  return {
    variables: missing,
    message:
      `${missing.join(' and ')} ${verb} missing: installing in several workspaces (OAuth) needs all of ` +
      `${OAUTH_NAMES.join(', ')}. Set the missing ones (client id and secret are on your Slack app's Basic ` +
      'Information page; the state secret is any long random string you choose), or remove the others to use one workspace.',
  };
}

/** Reads and checks the configuration; throws one ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = cleanEnv(env);
  const parsed = envSchema.safeParse(cleaned);
  const problems: ConfigProblem[] = [];
  if (!parsed.success) {
    // Several checks can fail for one variable; one line per variable is enough.
    const names = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    for (const name of names) {
      problems.push({ variables: [name], message: describeInvalid(name as EnvName, cleaned[name as EnvName]) });
    }
  }
  const oauth = oauthProblem(cleaned);
  if (oauth) problems.push(oauth);
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return buildConfig(parsed.data);
}

function buildConfig(e: Env): Config {
  const oauth =
    e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET
      ? Object.freeze({ clientId: e.SLACK_CLIENT_ID, clientSecret: e.SLACK_CLIENT_SECRET, stateSecret: e.SLACK_STATE_SECRET })
      : undefined;
  const slackConfigured = Boolean((e.SLACK_SIGNING_SECRET && (e.SLACK_BOT_TOKEN || oauth)) || (e.SLACK_APP_TOKEN && e.SLACK_BOT_TOKEN));
  const platformConfigured = slackConfigured || e.TEAMS_APP_ID !== undefined;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST ?? (platformConfigured ? undefined : '127.0.0.1'),
    storeUrl: e.STORE_URL,
    workers: e.STORE_URL.startsWith('memory://') ? 1 : (e.WORKERS ?? 1),
    logLevel: e.LOG_LEVEL,
    publicUrl: e.PUBLIC_URL,
    adminUsers: Object.freeze([...e.ADMIN_USERS]),
    nodeEnv: e.NODE_ENV,
    slack: Object.freeze({
      configured: slackConfigured,
      socketMode: e.SLACK_APP_TOKEN !== undefined,
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      checkReaction: e.CHECK_REACTION,
      oauth,
    }),
    teams: Object.freeze({
      configured: e.TEAMS_APP_ID !== undefined,
      enabled: e.TEAMS_ENABLED,
      appId: e.TEAMS_APP_ID,
      appPassword: e.TEAMS_APP_PASSWORD,
      tenantId: e.TEAMS_APP_TENANT_ID,
      appType: e.TEAMS_APP_TYPE,
    }),
    digest: Object.freeze({ cron: e.DIGEST_CRON, timeZone: e.DIGEST_TIMEZONE }),
    linkSecret: e.LINK_SECRET,
    linkTtlHours: e.LINK_TTL_HOURS,
    playground: Object.freeze({ mode: e.PLAYGROUND, enabled: playgroundEnabled(e) }),
  });
}

/**
 * The playground writes to the `local` workspace without a login, so `auto` keeps it to machines
 * where no chat platform is set up at all: any Slack or Teams credential turns it off.
 */
function playgroundEnabled(e: Env): boolean {
  if (e.PLAYGROUND !== 'auto') return e.PLAYGROUND === 'on';
  return credentialsSet(e).length === 0;
}

function slackNextStep(slack: SlackConfig): string | undefined {
  if (slack.configured) return undefined;
  const where = '(see README → Slack setup)';
  if (slack.botToken && !slack.signingSecret) {
    return `Slack is almost connected: set SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode) next to SLACK_BOT_TOKEN ${where}`;
  }
  if (slack.oauth) return `Slack is almost connected: set SLACK_SIGNING_SECRET for the multi-workspace install ${where}`;
  if (slack.signingSecret || slack.appToken) return `Slack is almost connected: set SLACK_BOT_TOKEN ${where}`;
  return `Slack is not connected: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET ${where}`;
}

function teamsNextSteps(teams: TeamsConfig): string[] {
  const where = '(see README → Teams setup)';
  if (!teams.enabled) return [];
  if (!teams.configured) {
    return [`Teams is not connected: set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_APP_TENANT_ID ${where}`];
  }
  return teamsCredentialsMissing(teams).map((name) =>
    name === 'TEAMS_APP_TENANT_ID'
      ? `Teams needs TEAMS_APP_TENANT_ID for a ${teams.appType} app, or set TEAMS_APP_TYPE=MultiTenant ${where}`
      : `Teams needs ${name}: ${VARIABLES[name].fix} ${where}`,
  );
}

/** Short sentences for `npm start` on a fresh machine: what to configure next. Empty when done. */
export function describeNextSteps(config: Config): string[] {
  const steps: string[] = [];
  if (!config.slack.configured && !config.teams.configured) {
    steps.push('No chat platform is connected yet: copy .env.example to .env and fill in Slack, Teams or both.');
  }
  const slack = slackNextStep(config.slack);
  if (slack) steps.push(slack);
  steps.push(...teamsNextSteps(config.teams));
  return steps;
}

/**
 * What stops the bot from serving in production. Microsoft's SDK silently turns authentication
 * off when the app id is missing, so in production a Teams endpoint without complete credentials
 * would accept anyone's activities: the bot refuses to start instead. Teams can be turned off
 * (TEAMS_ENABLED=false) for a Slack-only installation. Outside production, missing credentials
 * mean an unauthenticated endpoint for local testing, which the log says loudly.
 */
export function productionProblems(config: Config): ConfigProblem[] {
  if (config.nodeEnv !== 'production' || !config.teams.enabled) return [];
  const missing = teamsCredentialsMissing(config.teams);
  if (missing.length === 0) return [];
  return [
    {
      variables: missing,
      message:
        `NODE_ENV is production, so Teams must be authenticated: set ${missing.join(', ')} from the bot's Azure registration ` +
        '(see README → Teams setup), or set TEAMS_ENABLED=false to run without Teams.',
    },
  ];
}

/**
 * The Teams credential rule, stated once: the variables a Teams app of its type still lacks
 * (empty when complete). Authentication is on whenever TEAMS_APP_ID is set.
 */
export function teamsCredentialsMissing(teams: TeamsConfig): EnvName[] {
  const missing: EnvName[] = [];
  if (!teams.appId) missing.push('TEAMS_APP_ID');
  if (!teams.appPassword && teams.appType !== 'UserAssignedMsi') missing.push('TEAMS_APP_PASSWORD');
  if (!teams.tenantId && teams.appType !== 'MultiTenant') missing.push('TEAMS_APP_TENANT_ID');
  return missing;
}

/**
 * Loads `.env` into the environment when the file exists; variables already set win, as Node's
 * loader does not overwrite them. Called once by the CLI at start-up, never on import, so tests
 * and libraries see only the environment they were given. Returns whether a file was loaded.
 */
export function loadDotEnv(path = '.env'): boolean {
  try {
    process.loadEnvFile(path);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false;
    throw error;
  }
}
