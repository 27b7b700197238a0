/**
 * Everything the Slack app registers with Slack, in one place. manifests/slack/manifest.yaml must
 * list exactly these; a test compares the two, and another checks the listeners register them.
 */
export const SLASH_COMMANDS = ['/requirement', '/customer-feedback', '/customer-knowledge', '/customer-check', '/customer-focus'] as const;

export const SHORTCUT_IDS = {
  check: 'check_customer_impact',
  requirement: 'record_requirement',
  feedback: 'record_feedback',
  knowledge: 'record_knowledge',
} as const;

/** Bot events as the manifest names them; `message` listens to the first two. */
export const BOT_EVENTS = [
  'message.channels',
  'message.groups',
  'app_mention',
  'reaction_added',
  'app_home_opened',
  'member_joined_channel',
  'app_uninstalled',
  'tokens_revoked',
] as const;

/** Least privilege: each scope is explained in manifests/slack/SCOPES.md. */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'channels:read',
  'chat:write',
  'commands',
  'groups:history',
  'groups:read',
  'reactions:read',
  'users:read',
] as const;
