/** Reads manifests/slack/manifest.yaml into the lists tests compare with the code. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export interface SlackManifestSurface {
  commands: string[];
  shortcuts: string[];
  botEvents: string[];
  scopes: string[];
  raw: Record<string, unknown>;
}

interface Manifest {
  features?: { slash_commands?: { command: string }[]; shortcuts?: { callback_id: string }[] };
  oauth_config?: { scopes?: { bot?: string[] } };
  settings?: { event_subscriptions?: { bot_events?: string[] } };
}

export function loadSlackManifest(): SlackManifestSurface {
  const path = fileURLToPath(new URL('../../../manifests/slack/manifest.yaml', import.meta.url));
  const raw = parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const manifest = raw as Manifest;
  return {
    commands: manifest.features?.slash_commands?.map((command) => command.command) ?? [],
    shortcuts: manifest.features?.shortcuts?.map((shortcut) => shortcut.callback_id) ?? [],
    botEvents: manifest.settings?.event_subscriptions?.bot_events ?? [],
    scopes: manifest.oauth_config?.scopes?.bot ?? [],
    raw,
  };
}
