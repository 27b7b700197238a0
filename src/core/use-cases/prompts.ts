/**
 * Deciding whether to ask "How does this decision affect customers?" about a message, and making
 * sure a thread is asked at most once, across event types, retries and instances.
 *
 * A thread is claimed with a lease before the prompt is posted and marked for good once it is;
 * if an instance dies between the two, the lease runs out and Slack's retry can post the prompt.
 */
import type { CheckOrigin, ConversationPlace, DecisionCheck } from '../domain/decision-check.js';
import { sha256 } from '../domain/evidence.js';
import type { Actor, Person } from '../domain/shared.js';
import { dateInZone, zoneFormatter } from '../domain/dates.js';
import { DEFAULT_DAILY_PROMPT_CAP, type DetectionMode, type WorkspaceSettings } from '../domain/workspace.js';
import type { Message } from '../messages.js';
import type { CoreDeps } from '../ports.js';
import { decisionPrompt } from '../views.js';
import { startCheck } from './decision-checks.js';

/** Detected decisions older than this are replays (history imports, late retries): never asked. */
export const MAX_DETECTION_AGE_MS = 60 * 60 * 1000;
/** How long one instance may take between claiming a thread and posting its prompt. */
export const PROMPT_LEASE_MS = 2 * 60 * 1000;

export interface SeenMessage {
  /** Where it was said; `threadId` is the thread's root (the message itself when it is a root). */
  readonly place: ConversationPlace & { readonly threadId: string };
  readonly text: string;
  readonly author: Person;
  readonly postedAt: Date;
  readonly isThreadReply: boolean;
  /** How the check starts: `detected` runs the detector; the others are explicit requests. */
  readonly origin: CheckOrigin;
  /** Who asked, for explicit requests (the person who clicked, reacted or mentioned the bot). */
  readonly requestedBy?: Person;
}

export type PromptPlan =
  | {
      readonly kind: 'skip';
      readonly reason:
        | 'not-a-decision'
        | 'too-old'
        | 'detection-off'
        | 'mention-only'
        | 'snoozed'
        | 'quiet-hours'
        | 'daily-cap'
        | 'already-asked'
        | 'being-asked';
    }
  | { readonly kind: 'post'; readonly check: DecisionCheck; readonly message: Message; readonly lease: string };

const threadKey = (workspaceId: string, place: SeenMessage['place']) =>
  `ws:${workspaceId}:prompt:${sha256(`${place.platform}|${place.channelId}|${place.threadId}`).slice(0, 32)}`;

/** The check of a thread has an id derived from the thread, so a retry finds the same check. */
export const threadCheckId = (place: SeenMessage['place']) =>
  `t${sha256(`${place.platform}|${place.channelId}|${place.threadId}`).slice(0, 24)}`;

type Noise = 'detection-off' | 'mention-only' | 'snoozed' | 'quiet-hours';

/** Minutes since local midnight of `HH:MM`. */
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** True when `now` falls in `HH:MM-HH:MM` local time; a range may wrap midnight (18:00-08:00). */
export function inQuietHours(now: Date, timeZone: string, quietHours: string | undefined): boolean {
  if (!quietHours) return false;
  const [from = '', to = ''] = quietHours.split('-');
  const local = zoneFormatter(
    'hour-minute',
    timeZone,
    () => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  ).format(now);
  const minute = minutesOf(local);
  const start = minutesOf(from);
  const end = minutesOf(to);
  return start <= end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * Why the bot must stay quiet about unasked-for decisions in this channel now, if it must; and the
 * workspace's settings, read once here for the daily cap too.
 */
async function channelSilence(
  deps: CoreDeps,
  workspaceId: string,
  channelId: string,
): Promise<{ silence?: Noise; settings: WorkspaceSettings | undefined }> {
  const settings = (await deps.workspaces.get(workspaceId))?.settings;
  const mode: DetectionMode = (await deps.channels.getDetection(workspaceId, channelId)) ?? settings?.defaultDetection ?? 'auto';
  if (mode !== 'auto') return { silence: mode === 'off' ? 'detection-off' : 'mention-only', settings };
  const snoozedUntil = await deps.channels.getSnoozedUntil(workspaceId, channelId);
  if (snoozedUntil && snoozedUntil > deps.clock.now().toISOString()) return { silence: 'snoozed', settings };
  if (settings && inQuietHours(deps.clock.now(), settings.timeZone, settings.quietHours)) return { silence: 'quiet-hours', settings };
  return { settings };
}

/** Counts this unasked prompt against the channel's daily cap; false when the cap is reached. */
async function withinDailyCap(
  deps: CoreDeps,
  workspaceId: string,
  channelId: string,
  settings: WorkspaceSettings | undefined,
): Promise<boolean> {
  const day = dateInZone(deps.clock.now(), settings?.timeZone ?? deps.defaultTimeZone);
  const count = await deps.counters.next(`ws:${workspaceId}:prompts:${channelId}:${day}`);
  return count <= (settings?.dailyPromptCap ?? DEFAULT_DAILY_PROMPT_CAP);
}

/** Decides whether to prompt, and if so claims the thread and records the check (evidence first). */
export async function planPrompt(deps: CoreDeps, workspaceId: string, seen: SeenMessage): Promise<PromptPlan> {
  let settings: WorkspaceSettings | undefined;
  if (seen.origin === 'detected') {
    if (deps.clock.now().getTime() - seen.postedAt.getTime() > MAX_DETECTION_AGE_MS) return { kind: 'skip', reason: 'too-old' };
    // Detection first: most messages are not decisions, and detecting costs no store read.
    if (!deps.detect(seen.text, { isThreadReply: seen.isThreadReply }).decision) return { kind: 'skip', reason: 'not-a-decision' };
    const channel = await channelSilence(deps, workspaceId, seen.place.channelId);
    if (channel.silence) return { kind: 'skip', reason: channel.silence };
    settings = channel.settings;
  }
  const key = threadKey(workspaceId, seen.place);
  if (await deps.claims.holder(`${key}:posted`)) return { kind: 'skip', reason: 'already-asked' };
  const lease = deps.ids.newId();
  if (!(await deps.claims.claim(`${key}:lease`, lease, PROMPT_LEASE_MS))) return { kind: 'skip', reason: 'being-asked' };
  // Another instance may have posted and let go between our two looks.
  if (await deps.claims.holder(`${key}:posted`)) {
    await deps.claims.release(`${key}:lease`, lease);
    return { kind: 'skip', reason: 'already-asked' };
  }
  const id = threadCheckId(seen.place);
  // Read once: the lease keeps every other instance from starting this thread's check meanwhile.
  const existing = await deps.checks.get(workspaceId, id);
  // Only a thread this instance will really ask counts against the cap; explicit requests never do.
  if (seen.origin === 'detected' && !existing && !(await withinDailyCap(deps, workspaceId, seen.place.channelId, settings))) {
    await deps.claims.release(`${key}:lease`, lease);
    return { kind: 'skip', reason: 'daily-cap' };
  }
  const requester = seen.requestedBy ?? seen.author;
  const actor: Actor = { ...requester, workspaceId, ...(seen.origin === 'detected' ? { platformAdmin: true } : {}) };
  const check =
    existing ?? (await startCheck(deps, actor, { id, text: seen.text, place: seen.place, decidedBy: seen.author, origin: seen.origin }));
  return { kind: 'post', check, message: decisionPrompt(check, await deps.checks.listAnswers(workspaceId, id)), lease };
}

/** The prompt is in the thread: mark the thread as asked for good and remember the message. */
export async function promptPosted(
  deps: CoreDeps,
  check: DecisionCheck,
  lease: string,
  prompt: { channelId: string; messageId: string },
): Promise<void> {
  const key = threadKey(check.workspaceId, { ...check.place, threadId: check.place.threadId ?? check.place.messageId ?? '' });
  await deps.claims.claim(`${key}:posted`, lease, 0);
  await attachPrompt(deps, check, prompt);
  await deps.claims.release(`${key}:lease`, lease);
}

/** Remembers the message that shows a check (prompts, and checks started by command). */
export async function attachPrompt(deps: CoreDeps, check: DecisionCheck, prompt: { channelId: string; messageId: string }): Promise<void> {
  await deps.checks.update(check.workspaceId, check.id, (current) => ({ ...current, prompt }));
}

/** Posting failed: let go of the thread at once so a retry can ask (the check itself is kept). */
export async function promptFailed(deps: CoreDeps, check: DecisionCheck, lease: string): Promise<void> {
  const key = threadKey(check.workspaceId, { ...check.place, threadId: check.place.threadId ?? check.place.messageId ?? '' });
  await deps.claims.release(`${key}:lease`, lease);
}

/** The prompt as it should look now, after an answer or a dismissal. */
export async function currentPrompt(deps: CoreDeps, check: DecisionCheck): Promise<Message> {
  return decisionPrompt(check, await deps.checks.listAnswers(check.workspaceId, check.id));
}
