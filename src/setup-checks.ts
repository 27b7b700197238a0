/**
 * What is not set up yet, as one list that start-up and `customer-focus doctor` both print, so
 * the two never disagree: the local-mode note, what to configure next, and the warnings about
 * settings that work but will surprise someone later (an unset LINK_SECRET, a Teams endpoint
 * without authentication next to a real Slack installation).
 */
import { type Config, describeNextSteps } from './config.js';

export type SetupCheckKind =
  /** Nothing is wrong: the bot runs locally for trying it out (no chat platform is connected). */
  | 'local'
  /** Something to configure before real use. */
  | 'todo'
  /** It works now, but not as someone would expect later. */
  | 'warning';

export interface SetupCheck {
  readonly kind: SetupCheckKind;
  readonly text: string;
}

/** No Slack or Teams credentials at all, and the playground is on: everything runs locally. */
export const runsLocally = (config: Config): boolean => config.playground.enabled && !config.slack.configured && !config.teams.configured;

/** Undefined when LINK_SECRET is set. */
export function linkSecretCheck(config: Pick<Config, 'linkSecret' | 'nodeEnv'>): SetupCheck | undefined {
  if (config.linkSecret) return undefined;
  if (config.nodeEnv === 'production') {
    return {
      kind: 'warning',
      text: 'LINK_SECRET is not set, so download and dashboard links are off: set it to at least 32 random characters (openssl rand -hex 32) to turn them on.',
    };
  }
  return {
    kind: 'warning',
    text: 'LINK_SECRET is not set: links are signed with a random secret of this process, so they stop working when it restarts and other instances refuse them. Set LINK_SECRET (openssl rand -hex 32).',
  };
}

/** Undefined when Teams is off or authenticated; production refuses to start instead (config.ts). */
function teamsAuthenticationCheck(config: Config): SetupCheck | undefined {
  if (!config.teams.enabled || config.teams.appId) return undefined;
  if (runsLocally(config)) {
    return {
      kind: 'local',
      text:
        'Running locally to try the bot out: no Slack or Teams credentials are set, so the playground and the Teams test ' +
        'endpoint (/api/messages) take messages without a login. Connect Slack or Teams (the steps below) before other people use it.',
    };
  }
  return {
    kind: 'warning',
    text: 'Teams runs WITHOUT authentication (TEAMS_APP_ID is not set): anyone who can reach /api/messages can post as anyone. Use this only for local testing; set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_APP_TENANT_ID for real use, or TEAMS_ENABLED=false for a Slack-only installation.',
  };
}

/**
 * Teams says nothing about who administers it, so without ADMIN_USERS the first person who installs
 * the app into a team becomes its admin (once). Undefined when Teams is not connected or ADMIN_USERS is set.
 */
function teamsAdminsCheck(config: Config): SetupCheck | undefined {
  if (!config.teams.enabled || !config.teams.configured || config.adminUsers.length > 0) return undefined;
  return {
    kind: 'todo',
    text: 'Set ADMIN_USERS for Teams (the Entra object ids of your admins, comma-separated): without it the first person who installs the app into a team becomes its admin. Personal and group-chat installs never grant a role.',
  };
}

/** Every check, calm note first, then what to configure, then warnings. */
export function setupChecks(config: Config): SetupCheck[] {
  const checks: SetupCheck[] = [
    teamsAuthenticationCheck(config),
    ...describeNextSteps(config).map((text): SetupCheck => ({ kind: 'todo', text })),
    teamsAdminsCheck(config),
    linkSecretCheck(config),
  ].filter((check): check is SetupCheck => check !== undefined);
  const order: Record<SetupCheckKind, number> = { local: 0, todo: 1, warning: 2 };
  return checks.sort((a, b) => order[a.kind] - order[b.kind]);
}

/** How each kind is marked in the terminal (doctor and the start banner). */
export const SETUP_MARKS: Record<SetupCheckKind, string> = { local: 'ℹ', todo: '→', warning: '!' };

export const setupLine = (check: SetupCheck): string => `${SETUP_MARKS[check.kind]} ${check.text}`;
