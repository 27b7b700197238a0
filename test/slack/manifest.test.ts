/**
 * manifests/slack/manifest.yaml is accepted by Slack only within its limits, and is only useful if
 * its URLs, events and scopes fit together. The limits are Slack's own: the manifest is validated
 * against Slack's published JSON schema (slackapi/manifest-schema, vendored in
 * manifests/slack/schema/ with its licence and source), so every field we use is checked against
 * the limit Slack enforces, not against a number copied into this test.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { at, isRecord, loadSlackManifest } from '../support/slack/manifest.js';
import { slackSchemaErrors } from '../support/slack/manifest-schema.js';

const manifest = loadSlackManifest();
const doc = manifest.raw;
const records = (path: string): Record<string, unknown>[] => {
  const value = at(doc, path);
  return Array.isArray(value) ? value.filter(isRecord) : [];
};
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const commands = records('features.slash_commands');
const shortcuts = records('features.shortcuts');
const eventsUrl = text(at(doc, 'settings.event_subscriptions.request_url'));

/** The scope Slack requires before it delivers each bot event (Slack's event reference). */
const EVENT_SCOPES: Record<string, string[]> = {
  'message.channels': ['channels:history'],
  'message.groups': ['groups:history'],
  app_mention: ['app_mentions:read'],
  reaction_added: ['reactions:read'],
  member_joined_channel: ['channels:read', 'groups:read'],
  app_home_opened: [],
  app_uninstalled: [],
  tokens_revoked: [],
};

describe('Slack app manifest', () => {
  it("is valid against Slack's manifest schema: every name, description and usage hint within Slack's limits", () => {
    expect(at(doc, '_metadata.major_version')).toBe(1);
    expect(slackSchemaErrors(doc)).toEqual([]);
  });

  it('the schema check really checks: a shortcut name over 24 characters is refused, naming the field', () => {
    const broken = structuredClone(doc);
    const brokenShortcuts = at(broken, 'features.shortcuts') as Record<string, unknown>[];
    brokenShortcuts[1]!.name = 'Record as customer requirement';
    expect(slackSchemaErrors(broken)).toEqual(['features.shortcuts[1].name should NOT be longer than 24 characters']);
    const unknownField = structuredClone(doc);
    (at(unknownField, 'features.slash_commands') as Record<string, unknown>[])[0]!.hint = 'typo for usage_hint';
    expect(slackSchemaErrors(unknownField).join('\n')).toContain('features.slash_commands[0]');
  });

  it('keeps our own display choices', () => {
    expect(text(at(doc, 'display_information.name'))).toBe('Customer Focus');
    // Slack refuses a long description under 174 characters (documented, but not in the schema).
    expect(text(at(doc, 'display_information.long_description')).length).toBeGreaterThanOrEqual(174);
    expect(text(at(doc, 'features.bot_user.display_name'))).toBe('customer_focus');
    expect(at(doc, 'features.bot_user.always_online')).toBe(false);
  });

  it("has lower-case slash commands with one-line descriptions (our rules, stricter than Slack's)", () => {
    for (const command of commands) {
      const name = text(command.command);
      expect(name, name).toMatch(/^\/[a-z0-9_-]+$/);
      // The autocomplete list shows about one line.
      expect(text(command.description).length, name).toBeLessThanOrEqual(100);
      // Escaped mentions (<@U123|name>) are what the command parsers expect.
      expect(command.should_escape, name).toBe(true);
    }
    expect(new Set(manifest.commands).size).toBe(manifest.commands.length);
    expect([...manifest.commands].sort()).toEqual([
      '/customer-check',
      '/customer-feedback',
      '/customer-focus',
      '/customer-knowledge',
      '/requirement',
    ]);
  });

  it('has shortcuts with unique callback ids in our own spelling', () => {
    for (const shortcut of shortcuts) {
      const id = text(shortcut.callback_id);
      expect(id, id).toMatch(/^[a-z0-9_.-]+$/);
    }
    expect(new Set(manifest.shortcuts).size).toBe(manifest.shortcuts.length);
    expect([...manifest.shortcuts].sort()).toEqual(['check_customer_impact', 'record_feedback', 'record_knowledge', 'record_requirement']);
  });

  it('sends events, commands, interactions and option loads to the one Bolt endpoint', () => {
    expect(at(doc, 'settings.socket_mode_enabled')).toBe(false);
    expect(eventsUrl).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
    expect(at(doc, 'settings.interactivity.is_enabled')).toBe(true);
    expect(at(doc, 'settings.interactivity.request_url')).toBe(eventsUrl);
    expect(at(doc, 'settings.interactivity.message_menu_options_url')).toBe(eventsUrl);
    for (const command of commands) expect(command.url, text(command.command)).toBe(eventsUrl);
    expect(at(doc, 'oauth_config.redirect_urls')).toEqual([eventsUrl.replace(/\/slack\/events$/, '/slack/oauth_redirect')]);
  });

  it('is ready for Enterprise Grid and keeps long-lived tokens', () => {
    expect(at(doc, 'settings.org_deploy_enabled')).toBe(true);
    expect(at(doc, 'settings.token_rotation_enabled')).toBe(false);
  });

  it('asks for each scope its events need, and no user scopes or public posting', () => {
    expect(new Set(manifest.botEvents).size).toBe(manifest.botEvents.length);
    for (const event of manifest.botEvents) {
      const needed = EVENT_SCOPES[event];
      expect(needed, `${event}: add it to EVENT_SCOPES with the scopes Slack requires`).toBeDefined();
      for (const scope of needed ?? []) expect(manifest.scopes, `${event} needs ${scope}`).toContain(scope);
    }
    expect(new Set(manifest.scopes).size).toBe(manifest.scopes.length);
    expect(manifest.scopes).not.toContain('chat:write.public');
    expect(at(doc, 'oauth_config.scopes.user')).toBeUndefined();
    expect(manifest.scopes).toContain('commands');
  });

  it('explains every scope, and only those, in SCOPES.md', () => {
    const scopesMd = readFileSync(fileURLToPath(new URL('../../manifests/slack/SCOPES.md', import.meta.url)), 'utf8');
    const tableRows = [...scopesMd.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
    expect([...tableRows].sort()).toEqual([...manifest.scopes].sort());
  });

  it('loadSlackManifest names the field that is wrong in a malformed manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    const path = join(dir, 'manifest.yaml');
    writeFileSync(path, 'features:\n  slash_commands:\n    - description: no command\n');
    expect(() => loadSlackManifest(path)).toThrow('manifest: features.slash_commands[0].command should be a string');
    writeFileSync(path, 'oauth_config:\n  scopes:\n    bot: chat:write\n');
    expect(() => loadSlackManifest(path)).toThrow('manifest: oauth_config.scopes.bot should be a list');
  });
});
