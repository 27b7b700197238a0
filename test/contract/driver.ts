/**
 * What the surface contract suite needs from a surface: a way to act as a person would (post in a
 * channel, click, submit a form, type a command) and to read what the bot showed and what the store
 * holds. Each surface implements it by driving the running bot from outside, as its platform would;
 * the expectations live in the scenarios (surface-contract.test.ts), never in a driver.
 */
import type { Core } from '../../src/core/index.js';
import type { CoreDeps } from '../../src/core/ports.js';

/** Who acts: a workspace admin (may retire) or an ordinary member. */
export type Who = 'admin' | 'member';

/** A decision prompt the bot posted, to click on. */
export interface Prompt {
  /** What a person reads on it, as plain text. */
  readonly text: string;
  /** The platform's own handle on it (a Slack call, a Teams connector call, a playground post). */
  readonly handle: unknown;
}

/** A form the bot opened, to submit. */
export interface OpenedForm {
  readonly kind: string;
  readonly handle: unknown;
}

/** What the person was shown while the bot handled one action. */
export interface Shown {
  /** Every message posted, shown privately or redrawn, and every refusal, as plain text in order. */
  readonly texts: string[];
  readonly form?: OpenedForm;
}

/** A message a person posted in a channel, once the bot has handled it. */
export interface Posted {
  /** Prompts the bot posted for it (in its thread). */
  readonly prompts: Prompt[];
  /** The HTTP status the platform got for it (Teams redelivers after a 5xx). */
  readonly status: number;
  /** Delivers the very same event or activity again, as the platform does on a retry. */
  redeliver(): Promise<Posted>;
}

/**
 * Why a surface cannot do something the scenario wants from the platform; the scenario then checks
 * the core's protocol with the surface's core instead (see core-protocol.ts).
 */
export interface Unsupported {
  readonly unsupported: string;
}

export interface SurfaceDriver {
  readonly name: 'slack' | 'teams' | 'playground';
  /** A member posts a message in a channel (a root post, not a command). */
  post(text: string): Promise<Posted>;
  /** Makes the platform refuse the next prompt post for a passing reason (Slack error, connector 500). */
  failNextPrompt(): void | Unsupported;
  /** Whether the platform can deliver one message twice; the playground's page cannot. */
  readonly redelivers: true | Unsupported;
  /** How a form's person field names this person on the platform (a user picker's id, typed text). */
  personValue(who: Who): string;
  click(who: Who, prompt: Prompt, label: string): Promise<Shown>;
  submit(who: Who, form: OpenedForm, values: Readonly<Record<string, string>>): Promise<Shown>;
  /**
   * A command line in neutral spelling, its first word naming the family (`requirement …`,
   * `feedback …`, `knowledge …`, `check …`, `focus …`); the driver spells it as its platform does.
   */
  command(who: Who, line: string): Promise<Shown>;
  /** The workspace's evidence log, oldest first, as `type subject-kind`. */
  evidence(): Promise<string[]>;
  /** The core the surface runs on, for what the platform cannot show (see Unsupported). */
  readonly core: Core;
  readonly deps: CoreDeps;
  readonly workspaceId: string;
  close(): Promise<void>;
}

/** The store's evidence as the suite compares it across surfaces. */
export async function evidenceOf(deps: SurfaceDriver['deps'], workspaceId: string): Promise<string[]> {
  const last = await deps.evidence.lastSeq(workspaceId);
  const entries = last === 0 ? [] : await deps.evidence.listBySeq(workspaceId, 1, last);
  return entries.map((entry) => `${entry.type} ${entry.subject.kind}`);
}

/** The neutral family word of a command line and the rest of it. */
const FAMILIES = ['requirement', 'feedback', 'knowledge', 'check', 'focus'] as const;

export function splitCommand(line: string): { family: (typeof FAMILIES)[number]; rest: string } {
  const [family = '', ...rest] = line.split(' ');
  const known = FAMILIES.find((name) => name === family);
  if (!known) throw new Error(`a contract command starts with ${FAMILIES.join(', ')}: ${line}`);
  return { family: known, rest: rest.join(' ') };
}

/** Every string under a `text` key, depth first: what a person reads in blocks or a card. */
export function textsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) textsIn(item, out);
  } else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') out.push(value);
      else textsIn(value, out);
    }
  }
  return out;
}
