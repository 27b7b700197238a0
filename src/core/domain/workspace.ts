import type { KnowledgeKind } from './knowledge.js';
import type { Role } from './roles.js';
import type { IsoTimestamp, Platform, WorkspaceId } from './shared.js';

export const DETECTION_MODES = ['auto', 'mention-only', 'off'] as const;
export type DetectionMode = (typeof DETECTION_MODES)[number];

export interface WorkspaceSettings {
  /** IANA time zone the workspace's dates, weeks and digest times are in. */
  readonly timeZone: string;
  /** Weekday (1 = Monday … 7 = Sunday) and local time `HH:MM` of the weekly digest; unset uses DIGEST_CRON. */
  readonly digestWeekday?: number;
  readonly digestTime?: string;
  /** Detection mode for channels without their own setting. */
  readonly defaultDetection: DetectionMode;
  /** Most prompts the bot posts unasked per channel and day (default {@link DEFAULT_DAILY_PROMPT_CAP}). */
  readonly dailyPromptCap?: number;
  /** Local times `HH:MM-HH:MM` during which the bot asks nothing unasked (may wrap midnight). */
  readonly quietHours?: string;
  /**
   * Days after which decision-message snapshots are redacted in the evidence log and the checks
   * (the hashes stay, so the log still verifies); unset keeps them.
   */
  readonly snapshotRetentionDays?: number;
  /** Months after which each kind of customer knowledge counts as stale (default 12), set by admins. */
  readonly knowledgeReviewMonths?: Readonly<Partial<Record<KnowledgeKind, number>>>;
  /** Conversations the weekly digest is posted to (`digest here`). */
  readonly digestTargets?: readonly { readonly platform: Platform; readonly channelId: string }[];
}

export interface Workspace {
  readonly id: WorkspaceId;
  readonly platform: Platform;
  readonly name: string;
  readonly createdAt: IsoTimestamp;
  readonly settings: WorkspaceSettings;
  readonly version: number;
}

export interface RoleAssignment {
  readonly workspaceId: WorkspaceId;
  readonly userId: string;
  readonly role: Role;
  readonly assignedBy: string;
  readonly assignedAt: IsoTimestamp;
}

export const DEFAULT_DAILY_PROMPT_CAP = 5;

/** The playground's workspace and the one a fresh local store starts with. */
export const LOCAL_WORKSPACE_ID = 'local';
