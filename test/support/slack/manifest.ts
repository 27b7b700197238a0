/**
 * Reads manifests/slack/manifest.yaml into the lists tests compare with what the code registers.
 * The YAML is checked as it is read, so a typo in the manifest fails with the path to the field
 * rather than as an empty list that makes a comparison pass or fail for the wrong reason.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const SLACK_MANIFEST_PATH = fileURLToPath(new URL('../../../manifests/slack/manifest.yaml', import.meta.url));

export interface SlackManifestSurface {
  /** Slash commands, with the leading `/`. */
  commands: string[];
  /** Shortcut callback ids. */
  shortcuts: string[];
  botEvents: string[];
  /** Bot token scopes. */
  scopes: string[];
  /** The whole parsed document, for checks beyond these lists. */
  raw: Record<string, unknown>;
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value at a dotted path, e.g. `features.slash_commands`; undefined where the path stops. */
export function at(document: unknown, path: string): unknown {
  let value = document;
  for (const key of path.split('.')) value = isRecord(value) ? value[key] : undefined;
  return value;
}

function list(document: unknown, path: string): unknown[] {
  const value = at(document, path);
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`manifest: ${path} should be a list`);
  return value;
}

function strings(document: unknown, path: string): string[] {
  return list(document, path).map((item, index) => {
    if (typeof item !== 'string') throw new Error(`manifest: ${path}[${index}] should be a string`);
    return item;
  });
}

function fieldOfEach(document: unknown, path: string, field: string): string[] {
  return list(document, path).map((item, index) => {
    const value = isRecord(item) ? item[field] : undefined;
    if (typeof value !== 'string') throw new Error(`manifest: ${path}[${index}].${field} should be a string`);
    return value;
  });
}

export function readSlackManifest(path = SLACK_MANIFEST_PATH): Record<string, unknown> {
  const document: unknown = parse(readFileSync(path, 'utf8'));
  if (!isRecord(document)) throw new Error(`manifest: ${path} is not a YAML mapping`);
  return document;
}

export function loadSlackManifest(path = SLACK_MANIFEST_PATH): SlackManifestSurface {
  const raw = readSlackManifest(path);
  return {
    commands: fieldOfEach(raw, 'features.slash_commands', 'command'),
    shortcuts: fieldOfEach(raw, 'features.shortcuts', 'callback_id'),
    botEvents: strings(raw, 'settings.event_subscriptions.bot_events'),
    scopes: strings(raw, 'oauth_config.scopes.bot'),
    raw,
  };
}
