/**
 * The people one can post as in the playground. Dana is the platform's admin (like a Slack
 * workspace owner), Kim an ordinary member; anyone can be given another role with
 * `/customer-focus role @kim auditor`, exactly as in Slack.
 */
import type { Actor } from '../../../core/domain/shared.js';
import { LOCAL_WORKSPACE_ID } from '../../../core/domain/workspace.js';

export interface Persona {
  readonly key: string;
  readonly id: string;
  readonly name: string;
  readonly platformAdmin: boolean;
  readonly about: string;
}

export const PERSONAS: readonly Persona[] = [
  { key: 'dana', id: 'local:dana', name: 'Dana', platformAdmin: true, about: 'workspace owner (admin)' },
  { key: 'kim', id: 'local:kim', name: 'Kim', platformAdmin: false, about: 'team member' },
];

/** The bot as the author of its own posts. */
export const BOT = { id: 'local:bot', name: 'customer_focus', bot: true } as const;

export const personaByKey = (key: unknown): Persona | undefined => PERSONAS.find((persona) => persona.key === key);

export const actorOf = (persona: Persona): Actor => ({
  id: persona.id,
  name: persona.name,
  workspaceId: LOCAL_WORKSPACE_ID,
  ...(persona.platformAdmin ? { platformAdmin: true } : {}),
});

/**
 * `@dana` and `@kim` as typed become mentions (`<@local:dana|Dana>`), the form Slack and Teams
 * hand the core, so roles and owners point at the person and not at a bare name.
 */
export function withMentions(text: string): string {
  return text.replace(/(^|[\s,(:="])@([a-z][a-z0-9._-]*)\b/gi, (whole, before: string, name: string) => {
    const persona = PERSONAS.find((candidate) => candidate.key === name.toLowerCase());
    return persona ? `${before}<@${persona.id}|${persona.name}>` : whole;
  });
}

/** A person's display name: a persona's name for its id, else what the record carries. */
export function displayName(person: { readonly id?: string; readonly name?: string }): string {
  return PERSONAS.find((persona) => persona.id === person.id)?.name ?? person.name ?? person.id ?? 'someone';
}
