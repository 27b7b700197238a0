/**
 * Every environment variable the bot reads, described once: how it is parsed, what to tell
 * someone who set it wrong, whether its value is a secret (never shown back, never logged), and
 * whether it is a chat-platform credential (any credential turns the unauthenticated playground off).
 */
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const TEAMS_APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMsi'] as const;
export type TeamsAppType = (typeof TEAMS_APP_TYPES)[number];

export const PLAYGROUND_MODES = ['auto', 'on', 'off'] as const;
export type PlaygroundMode = (typeof PLAYGROUND_MODES)[number];

export const STORE_URL_SCHEMES = ['sqlite://', 'redis://', 'rediss://', 'postgres://', 'postgresql://', 'memory://'] as const;

export interface Variable {
  readonly schema: z.ZodType;
  /** How to set it right; said when the value is refused. */
  readonly fix: string;
  /** A secret, or a value that may embed one (STORE_URL may hold a password): never shown back. */
  readonly secret: boolean;
  /** A chat-platform credential. */
  readonly credential?: 'slack' | 'teams';
}

const httpUrl = z.url({ protocol: /^https?$/ });
const optionalSecret = (fix: string, credential?: 'slack' | 'teams') =>
  ({ schema: z.string().optional(), fix, secret: true, ...(credential ? { credential } : {}) }) as const;

/** The zone's canonical spelling (europe/oslo → Europe/Oslo), or undefined when Intl does not know it. */
function canonicalTimeZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export const VARIABLES = {
  PORT: {
    schema: z
      .string()
      .regex(/^\d{1,5}$/)
      .transform(Number)
      .pipe(z.number().max(65535))
      .default(3978),
    fix: 'use a whole number from 0 to 65535 (0 picks any free port).',
    secret: false,
  },
  WORKERS: {
    // Unset: one process per core once a chat platform is configured, else one (see config.ts).
    schema: z
      .string()
      .regex(/^\d{1,3}$/)
      .transform(Number)
      .pipe(z.number().min(1).max(64))
      .optional(),
    fix: 'use a whole number of processes from 1 to 64 (unset: 1), e.g. the number of CPU cores the bot may use.',
    secret: false,
  },
  HOST: {
    // An IP address or a host name; `[::1]` as people write it in URLs is taken as ::1.
    schema: z
      .string()
      .transform((host) => host.replace(/^\[(.*)\]$/, '$1'))
      .pipe(z.string().regex(/^[A-Za-z0-9.:%_-]{1,253}$/))
      .optional(),
    fix: "use an address of this machine to listen on: 127.0.0.1 (this machine only), 0.0.0.0 (every IPv4 interface), :: (every interface), or one interface's address.",
    secret: false,
  },
  STORE_URL: {
    schema: z
      .string()
      .refine((url) => STORE_URL_SCHEMES.some((scheme) => url.startsWith(scheme)))
      .default('sqlite://./data/customer-focus.sqlite'),
    fix: `it must start with ${STORE_URL_SCHEMES.join(', ')} (for example sqlite://./data/customer-focus.sqlite).`,
    secret: true,
  },
  LOG_LEVEL: {
    // People write INFO or Debug; pino wants lower case.
    schema: z
      .string()
      .transform((level) => level.toLowerCase())
      .pipe(z.enum(LOG_LEVELS))
      .default('info'),
    fix: `use one of ${LOG_LEVELS.join(', ')}.`,
    secret: false,
  },
  PUBLIC_URL: {
    // Links are built as `${publicUrl}/path`, so drop a trailing slash once here.
    schema: httpUrl.transform((url) => url.replace(/\/+$/, '')).optional(),
    fix: 'use the full http(s) address people reach the bot at, e.g. https://bot.example.com.',
    secret: false,
  },
  ADMIN_USERS: {
    schema: z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== ''),
      )
      .default([]),
    fix: 'list platform user ids separated by commas (Slack U…, Teams Entra object ids).',
    secret: false,
  },
  NODE_ENV: { schema: z.string().optional(), fix: 'use production, development or test.', secret: false },
  SLACK_BOT_TOKEN: {
    schema: z.string().startsWith('xoxb-').optional(),
    fix: 'it must start with "xoxb-": copy the Bot User OAuth Token from your Slack app\'s OAuth & Permissions page.',
    secret: true,
    credential: 'slack',
  },
  SLACK_SIGNING_SECRET: optionalSecret("copy the Signing Secret from your Slack app's Basic Information page.", 'slack'),
  SLACK_APP_TOKEN: {
    schema: z.string().startsWith('xapp-').optional(),
    fix: 'it must start with "xapp-": create an app-level token with the connections:write scope on your Slack app\'s Basic Information page.',
    secret: true,
    credential: 'slack',
  },
  SLACK_API_URL: {
    schema: httpUrl.optional(),
    fix: 'use a full http(s) address such as https://slack.com/api/, or leave it unset.',
    secret: false,
  },
  CHECK_REACTION: {
    // 🔍 exists in every workspace, unlike custom emoji; reacting with it asks about the message.
    schema: z
      .string()
      .transform((name) => name.replace(/^:|:$/g, ''))
      .pipe(z.string().regex(/^[a-z0-9_+'-]{1,100}$/))
      .default('mag'),
    fix: 'use an emoji name without colons, such as mag.',
    secret: false,
  },
  SLACK_CLIENT_ID: {
    schema: z.string().optional(),
    fix: "copy the Client ID from your Slack app's Basic Information page.",
    secret: false,
    credential: 'slack',
  },
  SLACK_CLIENT_SECRET: optionalSecret("copy the Client Secret from your Slack app's Basic Information page.", 'slack'),
  SLACK_STATE_SECRET: optionalSecret('use any long random string you choose.'),
  TEAMS_APP_ID: {
    schema: z.string().optional(),
    fix: "copy the Application (client) ID of the bot's Azure app registration.",
    secret: false,
    credential: 'teams',
  },
  TEAMS_APP_PASSWORD: optionalSecret("use a client secret of the bot's Azure app registration.", 'teams'),
  TEAMS_APP_TENANT_ID: {
    schema: z.string().optional(),
    fix: "copy the Directory (tenant) ID of the bot's Azure app registration.",
    secret: false,
  },
  TEAMS_APP_TYPE: {
    // Accept any letter case, as Azure's portal and docs are inconsistent about it.
    schema: z
      .string()
      .transform((type) => TEAMS_APP_TYPES.find((known) => known.toLowerCase() === type.toLowerCase()) ?? type)
      .pipe(z.enum(TEAMS_APP_TYPES))
      .default('SingleTenant'),
    fix: `use one of ${TEAMS_APP_TYPES.join(', ')}.`,
    secret: false,
  },
  TEAMS_ENABLED: {
    schema: z
      .string()
      .transform((value) => value.toLowerCase())
      .pipe(z.enum(['true', 'false', 'yes', 'no', 'on', 'off', '1', '0']))
      .transform((value) => ['true', 'yes', 'on', '1'].includes(value))
      .default(true),
    fix: 'use true or false.',
    secret: false,
  },
  DIGEST_CRON: {
    // Only the shape here; the scheduler validates the fields themselves.
    schema: z
      .string()
      .refine((cron) => [5, 6].includes(cron.split(/\s+/).length))
      .default('0 9 * * 1'),
    fix: 'use a cron expression with 5 fields (minute hour day month weekday) or 6 (with seconds first), e.g. "0 9 * * 1" for Mondays at 09:00.',
    secret: false,
  },
  DIGEST_TIMEZONE: {
    schema: z.string().transform(canonicalTimeZone).pipe(z.string()).default('UTC'),
    fix: 'use an IANA time zone name such as Europe/Oslo or America/New_York.',
    secret: false,
  },
  LINK_SECRET: {
    schema: z.string().min(32).optional(),
    fix: 'use at least 32 random characters, e.g. the output of `openssl rand -hex 32`.',
    secret: true,
  },
  PLAYGROUND: {
    schema: z
      .string()
      .transform((mode) => mode.toLowerCase())
      .pipe(z.enum(PLAYGROUND_MODES))
      .default('auto'),
    fix: `use one of ${PLAYGROUND_MODES.join(', ')}.`,
    secret: false,
  },
  LINK_TTL_HOURS: {
    schema: z
      .string()
      .regex(/^\d{1,3}$/)
      .transform(Number)
      .pipe(z.number().min(1).max(720))
      .default(24),
    fix: 'use a whole number of hours from 1 to 720 (30 days), e.g. 24.',
    secret: false,
  },
} as const satisfies Record<string, Variable>;

export type EnvName = keyof typeof VARIABLES;
export const ENV_NAMES = Object.keys(VARIABLES) as EnvName[];

/** The zod schema of the whole environment, built from the table. */
export const envSchema = z.object(
  Object.fromEntries(ENV_NAMES.map((name) => [name, VARIABLES[name].schema])) as { [K in EnvName]: (typeof VARIABLES)[K]['schema'] },
);

export type Env = z.output<typeof envSchema>;

/** The chat-platform credentials set in `env`. */
export const credentialsSet = (env: Env): EnvName[] =>
  ENV_NAMES.filter((name) => (VARIABLES[name] as Variable).credential !== undefined && env[name] !== undefined);
