/**
 * What the code registers with Bolt and what manifests/slack/manifest.yaml declares must match:
 * a command, shortcut or event missing on either side fails here rather than in a workspace.
 */
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { registerActionListeners } from '../../src/adapters/slack/listeners/actions.js';
import { registerCommandListeners } from '../../src/adapters/slack/listeners/commands.js';
import { registerEventListeners } from '../../src/adapters/slack/listeners/events.js';
import { homeAndLifecycleHandlers, registerRequirementSearch } from '../../src/adapters/slack/listeners/home-and-lifecycle.js';
import { messageEventHandlers } from '../../src/adapters/slack/listeners/messages.js';
import { registerShortcutListeners } from '../../src/adapters/slack/listeners/shortcuts.js';
import { registerViewListeners } from '../../src/adapters/slack/listeners/views.js';
import type { SlackRuntime } from '../../src/adapters/slack/runtime.js';
import { BOT_SCOPES, SHORTCUT_IDS, SLASH_COMMANDS } from '../../src/adapters/slack/surface.js';
import { loadSlackManifest } from '../support/slack/manifest.js';

/**
 * Stands in for Bolt's App only to record what each listener module registers. Commands,
 * shortcuts and events are each registered once, with a pattern that matches all of them (Bolt
 * runs every listener on every request); `names` are the candidates a pattern is checked against.
 */
function recordRegistrations(names: readonly string[]) {
  const seen = {
    commands: [] as string[],
    shortcuts: [] as string[],
    events: [] as string[],
    actions: 0,
    views: 0,
    options: 0,
  };
  const matching = (pattern: string | RegExp) =>
    names.filter((name) => (typeof pattern === 'string' ? name === pattern : pattern.test(name)));
  const recorder = {
    command: (pattern: string | RegExp) => seen.commands.push(...matching(pattern)),
    shortcut: (pattern: string | RegExp) => seen.shortcuts.push(...matching(pattern)),
    event: (pattern: string | RegExp) => seen.events.push(...matching(pattern)),
    message: () => seen.events.push('message'),
    action: () => (seen.actions += 1),
    view: () => (seen.views += 1),
    options: () => (seen.options += 1),
  } as unknown as App;
  const runtime = {} as SlackRuntime;
  registerEventListeners(recorder, messageEventHandlers(runtime), homeAndLifecycleHandlers(runtime));
  registerCommandListeners(recorder, runtime);
  registerActionListeners(recorder, runtime);
  registerViewListeners(recorder, runtime);
  registerShortcutListeners(recorder, runtime);
  registerRequirementSearch(recorder, runtime);
  return seen;
}

describe('Slack manifest and code agree', () => {
  const manifest = loadSlackManifest();
  // Every name either side knows, and near misses a loose pattern would also accept.
  const known = [
    ...manifest.commands,
    ...manifest.shortcuts,
    ...manifest.botEvents,
    ...SLASH_COMMANDS,
    ...Object.values(SHORTCUT_IDS),
    ...Object.keys(messageEventHandlers({} as SlackRuntime)),
    ...Object.keys(homeAndLifecycleHandlers({} as SlackRuntime)),
  ];
  const candidates = [...new Set([...known, ...known.map((name) => `${name}_x`), ...known.map((name) => `x${name}`)])];
  const code = recordRegistrations(candidates);

  it("registers exactly the manifest's slash commands", () => {
    expect([...code.commands].sort()).toEqual([...manifest.commands].sort());
  });

  it("registers exactly the manifest's shortcuts", () => {
    expect([...code.shortcuts].sort()).toEqual([...manifest.shortcuts].sort());
  });

  it('subscribes to exactly the events it listens to', () => {
    const expected = code.events.flatMap((event) => (event === 'message' ? ['message.channels', 'message.groups'] : [event])).sort();
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
