/** Shared value types used by every part of the domain. */

export type Platform = 'slack' | 'teams' | 'local';

/**
 * A workspace is one Slack workspace or Enterprise Grid org, or one Teams tenant, or the local
 * playground. Its id is platform-prefixed (`slack:T123`, `slack:E456`, `teams:<tenant>`, `local`)
 * so that two platforms can never collide, and every record is scoped to exactly one workspace.
 */
export type WorkspaceId = string;

/** A person as the platform identifies them; `name` is a display snapshot, never used for identity. */
export interface Person {
  readonly id: string;
  readonly name?: string;
}

/**
 * Someone named in a record (an owner): a platform user when `id` is set, otherwise just a name
 * or e-mail as written (imports from spreadsheets carry names, not platform ids).
 */
export interface PersonRef {
  readonly id?: string;
  readonly name?: string;
}

/** Who is acting, in which workspace, and with what they are allowed to do. */
export interface Actor extends Person {
  readonly workspaceId: WorkspaceId;
  /** Set by the platform adapter when the platform itself says this person administers the workspace. */
  readonly platformAdmin?: boolean;
  /** The person's id in the organisation's directory (Teams: the Entra object id), which ADMIN_USERS may name. */
  readonly directoryId?: string;
}

/** ISO 8601 timestamp in UTC, e.g. `2026-11-24T09:00:00.000Z`. Records store dates as these strings. */
export type IsoTimestamp = string;

/** A calendar date `YYYY-MM-DD`, interpreted in the workspace's time zone. */
export type IsoDate = string;

/** The system's own actor, for work the bot does by itself (scheduled digests, imports). */
export const SYSTEM_ACTOR_ID = 'system';
