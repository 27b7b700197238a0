/**
 * Every Events API event we handle goes through one Bolt listener, which hands it to the handler
 * for its type. Bolt runs each request through every registered listener's middleware chain, the
 * ones that do not match included, and keeps all of them alive until the slowest has finished: with
 * one listener per event, command and shortcut, each request built and held about eighteen chains
 * (issue 17: Bolt's listener fan-out was the largest single share of what requests kept in memory).
 */
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs, types } from '@slack/bolt';
import { oneOf } from './one-of.js';

type EventArgs<Type extends string> = SlackEventMiddlewareArgs<Type> & AllMiddlewareArgs;

/** A handler per event type (the names the manifest subscribes to). */
export type EventHandlers = { readonly [Type in types.SlackEvent['type']]?: (args: EventArgs<Type>) => Promise<void> };

export function registerEventListeners(app: App, ...groups: readonly EventHandlers[]): void {
  const handlers: EventHandlers = Object.assign({}, ...groups);
  app.event(oneOf(Object.keys(handlers)), async (args) => {
    const handler = handlers[args.event.type] as ((args: EventArgs<string>) => Promise<void>) | undefined;
    await handler?.(args);
  });
}
