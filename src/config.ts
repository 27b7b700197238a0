/**
 * The one place that reads the environment. Everything else receives a frozen, typed Config, so a
 * wrong setting fails at start-up with one message listing every problem, instead of failing later
 * in the middle of a conversation.
 */
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const TEAMS_APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMsi'] as const;
export type TeamsAppType = (typeof TEAMS_APP_TYPES)[number];

export const PLAYGROUND_MODES = ['auto', 'on', 'off'] as const;
export type PlaygroundMode = (typeof PLAYGROUND_MODES)[number];

export const STORE_URL_SCHEMES = ['sqlite://', 'redis://', 'rediss://', 'postgres://', 'postgresql://', 'memory://'] as const;

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

/**
 * How to fix each variable, and whether its value may be shown back. Values are shown only for
 * settings that cannot hold a secret (STORE_URL may embed a database password).
 */
const RULES: Record<string, { readonly fix: string; readonly showValue?: true }> = {
  PORT: { fix: 'use a whole number from 0 to 65535 (0 picks any free port).', showValue: true },
  HOST: {
    fix: "use an address of this machine to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every IPv4 interface), :: (every interface), or one interface's address.",
    showValue: true,
  },
  STORE_URL: {
    fix: `it must start with ${STORE_URL_SCHEMES.join(', ')} (for example sqlite://./data/customer-focus.sqlite).`,
  },
  LOG_LEVEL: { fix: `use one of ${LOG_LEVELS.join(', ')}.`, showValue: true },
  PUBLIC_URL: { fix: 'use the full http(s) address people reach the bot at, e.g. https://bot.example.com.', showValue: true },
  SLACK_BOT_TOKEN: {
    fix: 'it must start with "xoxb-": copy the Bot User OAuth Token from your Slack app\'s OAuth & Permissions page.',
  },
  SLACK_APP_TOKEN: {
    fix: 'it must start with "xapp-": create an app-level token with the connections:write scope on your Slack app\'s Basic Information page.',
  },
  SLACK_API_URL: { fix: 'use a full http(s) address such as https://slack.com/api/, or leave it unset.', showValue: true },
  CHECK_REACTION: { fix: 'use an emoji name without colons, such as mag.', showValue: true },
  TEAMS_APP_TYPE: { fix: `use one of ${TEAMS_APP_TYPES.join(', ')}.`, showValue: true },
  TEAMS_ENABLED: { fix: 'use true or false.', showValue: true },
  DIGEST_CRON: {
    fix: 'use a cron expression with 5 fields (minute hour day month weekday) or 6 (with seconds first), e.g. "0 9 * * 1" for Mondays at 09:00.',
    showValue: true,
  },
  DIGEST_TIMEZONE: { fix: 'use an IANA time zone name such as Europe/Oslo or America/New_York.', showValue: true },
  LINK_SECRET: { fix: 'use at least 32 random characters, e.g. the output of `openssl rand -hex 32`.' },
  PLAYGROUND: { fix: `use one of ${PLAYGROUND_MODES.join(', ')}.`, showValue: true },
  LINK_TTL_HOURS: { fix: 'use a whole number of hours from 1 to 720 (30 days), e.g. 24.', showValue: true },
};

const httpUrl = z.url({ protocol: /^https?$/ });

const envSchema = z.object({
  PORT: z
    .string()
    .regex(/^\d{1,5}$/)
    .transform(Number)
    .pipe(z.number().max(65535))
    .default(3978),
  // An IP address or a host name; `[::1]` as people write it in URLs is taken as ::1.
  HOST: z
    .string()
    .transform((host) => host.replace(/^\[(.*)\]$/, '$1'))
    .pipe(z.string().regex(/^[A-Za-z0-9.:%_-]{1,253}$/))
    .optional(),
  STORE_URL: z
    .string()
    .refine((url) => STORE_URL_SCHEMES.some((scheme) => url.startsWith(scheme)))
    .default('sqlite://./data/customer-focus.sqlite'),
  // People write INFO or Debug; pino wants lower case.
  LOG_LEVEL: z
    .string()
    .transform((level) => level.toLowerCase())
    .pipe(z.enum(LOG_LEVELS))
    .default('info'),
  // Links are built as `${publicUrl}/path`, so drop a trailing slash once here.
  PUBLIC_URL: httpUrl.transform((url) => url.replace(/\/+$/, '')).optional(),
  ADMIN_USERS: z
    .string()
    .transform((list) =>
      list
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    )
    .default([]),
  NODE_ENV: z.string().optional(),
  SLACK_BOT_TOKEN: z.string().startsWith('xoxb-').optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_APP_TOKEN: z.string().startsWith('xapp-').optional(),
  SLACK_API_URL: httpUrl.optional(),
  // 🔍 exists in every workspace, unlike custom emoji; reacting with it asks about the message.
  CHECK_REACTION: z
    .string()
    .transform((name) => name.replace(/^:|:$/g, ''))
    .pipe(z.string().regex(/^[a-z0-9_+'-]{1,100}$/))
    .default('mag'),
  SLACK_CLIENT_ID: z.string().optional(),
  SLACK_CLIENT_SECRET: z.string().optional(),
  SLACK_STATE_SECRET: z.string().optional(),
  TEAMS_APP_ID: z.string().optional(),
  TEAMS_APP_PASSWORD: z.string().optional(),
  TEAMS_APP_TENANT_ID: z.string().optional(),
  // Accept any letter case, as Azure's portal and docs are inconsistent about it.
  TEAMS_APP_TYPE: z
    .string()
    .transform((type) => TEAMS_APP_TYPES.find((known) => known.toLowerCase() === type.toLowerCase()) ?? type)
    .pipe(z.enum(TEAMS_APP_TYPES))
    .default('SingleTenant'),
  TEAMS_ENABLED: z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(['true', 'false', 'yes', 'no', 'on', 'off', '1', '0']))
    .transform((value) => ['true', 'yes', 'on', '1'].includes(value))
    .default(true),
  // Only the shape for now; the scheduler validates the fields themselves.
  DIGEST_CRON: z
    .string()
    .refine((cron) => [5, 6].includes(cron.split(/\s+/).length))
    .default('0 9 * * 1'),
  DIGEST_TIMEZONE: z.string().transform(canonicalTimeZone).pipe(z.string()).default('UTC'),
  LINK_SECRET: z.string().min(32).optional(),
  PLAYGROUND: z
    .string()
    .transform((mode) => mode.toLowerCase())
    .pipe(z.enum(PLAYGROUND_MODES))
    .default('auto'),
  LINK_TTL_HOURS: z
    .string()
    .regex(/^\d{1,3}$/)
    .transform(Number)
    .pipe(z.number().min(1).max(720))
    .default(24),
});

type EnvName = keyof typeof envSchema.shape;
const ENV_NAMES = Object.keys(envSchema.shape) as EnvName[];
const OAUTH_NAMES = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/** The zone's canonical spelling (europe/oslo → Europe/Oslo), or undefined when Intl does not know it. */
function canonicalTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Trims every value and drops blank ones, so `FOO=` in a .env file means "not set". */
function cleanEnv(env: Record<string, string | undefined>): Partial<Record<EnvName, string>> {
  const cleaned: Partial<Record<EnvName, string>> = {};
  for (const name of ENV_NAMES) {
    const value = env[name]?.trim();
    if (value) cleaned[name] = value;
  }
  return cleaned;
}

function describeInvalid(name: string, value: string | undefined): string {
  const rule = RULES[name];
  const shown = rule?.showValue && value !== undefined ? ` (it is ${JSON.stringify(value.slice(0, 60))})` : '';
  return `${name} is not valid${shown}: ${rule?.fix ?? 'check its value.'}`;
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
      problems.push({ variables: [name], message: describeInvalid(name, cleaned[name as EnvName]) });
    }
  }
  const oauth = oauthProblem(cleaned);
  if (oauth) problems.push(oauth);
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  return buildConfig(parsed.data);
}

function buildConfig(e: z.output<typeof envSchema>): Config {
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
function playgroundEnabled(e: z.output<typeof envSchema>): boolean {
  if (e.PLAYGROUND !== 'auto') return e.PLAYGROUND === 'on';
  const credentials = [
    e.SLACK_BOT_TOKEN,
    e.SLACK_SIGNING_SECRET,
    e.SLACK_APP_TOKEN,
    e.SLACK_CLIENT_ID,
    e.SLACK_CLIENT_SECRET,
    e.TEAMS_APP_ID,
    e.TEAMS_APP_PASSWORD,
  ];
  return credentials.every((value) => value === undefined);
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
  const steps: string[] = [];
  if (!teams.appPassword && teams.appType !== 'UserAssignedMsi') {
    steps.push(`Teams needs TEAMS_APP_PASSWORD, the client secret of the bot's app registration ${where}`);
  }
  if (!teams.tenantId && teams.appType !== 'MultiTenant') {
    steps.push(`Teams needs TEAMS_APP_TENANT_ID for a ${teams.appType} app, or set TEAMS_APP_TYPE=MultiTenant ${where}`);
  }
  return steps;
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

/** The credential variables a Teams app of its type still lacks (empty when complete). */
export function teamsCredentialsMissing(teams: TeamsConfig): string[] {
  const missing: string[] = [];
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
