/**
 * What the code registers with Bolt and what manifests/slack/manifest.yaml declares must match:
 * a command, shortcut or event missing on either side fails here rather than in a workspace.
 */
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { registerActionListeners } from '../../src/adapters/slack/listeners/actions.js';
import { registerCommandListeners } from '../../src/adapters/slack/listeners/commands.js';
import { registerHomeAndLifecycle } from '../../src/adapters/slack/listeners/home-and-lifecycle.js';
import { registerMessageListeners } from '../../src/adapters/slack/listeners/messages.js';
import { registerShortcutListeners } from '../../src/adapters/slack/listeners/shortcuts.js';
import { registerViewListeners } from '../../src/adapters/slack/listeners/views.js';
import type { SlackRuntime } from '../../src/adapters/slack/runtime.js';
import { BOT_SCOPES } from '../../src/adapters/slack/surface.js';
import { loadSlackManifest } from '../support/slack/manifest.js';

/** Stands in for Bolt's App only to record what each listener module registers. */
function recordRegistrations() {
  const seen = {
    commands: [] as string[],
    shortcuts: [] as string[],
    events: [] as string[],
    message: 0,
    actions: 0,
    views: 0,
    options: 0,
  };
  const recorder = {
    command: (name: string) => seen.commands.push(name),
    shortcut: (id: string) => seen.shortcuts.push(id),
    event: (name: string) => seen.events.push(name),
    message: () => (seen.message += 1),
    action: () => (seen.actions += 1),
    view: () => (seen.views += 1),
    options: () => (seen.options += 1),
  } as unknown as App;
  const runtime = {} as SlackRuntime;
  registerMessageListeners(recorder, runtime);
  registerCommandListeners(recorder, runtime);
  registerActionListeners(recorder, runtime);
  registerViewListeners(recorder, runtime);
  registerShortcutListeners(recorder, runtime);
  registerHomeAndLifecycle(recorder, runtime);
  return seen;
}

describe('Slack manifest and code agree', () => {
  const manifest = loadSlackManifest();
  const code = recordRegistrations();

  it("registers exactly the manifest's slash commands", () => {
    expect([...code.commands].sort()).toEqual([...manifest.commands].sort());
  });

  it("registers exactly the manifest's shortcuts", () => {
    expect([...code.shortcuts].sort()).toEqual([...manifest.shortcuts].sort());
  });

  it('subscribes to exactly the events it listens to', () => {
    const expected = [...code.events, ...(code.message > 0 ? ['message.channels', 'message.groups'] : [])].sort();
    expect([...manifest.botEvents].sort()).toEqual(expected);
  });

  it('asks for exactly the scopes the OAuth install requests', () => {
    expect([...manifest.scopes].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('has interactivity for its buttons, forms and requirement search', () => {
    expect(code.actions).toBeGreaterThan(0);
    expect(code.views).toBeGreaterThan(0);
    expect(code.options).toBeGreaterThan(0);
  });
});
