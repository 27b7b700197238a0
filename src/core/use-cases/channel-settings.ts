/** Per-channel settings: decision detection, and where the weekly digest goes. */
import type { ConversationPlace } from '../domain/decision-check.js';
import type { Actor } from '../domain/shared.js';
import { oneOf } from '../domain/text.js';
import { DETECTION_MODES, type DetectionMode, type Workspace } from '../domain/workspace.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from './access.js';
import { recordIn } from './record-evidence.js';

/** The ports the channel settings use. */
export type ChannelSettingsDeps = Pick<CoreDeps, 'clock' | 'roles' | 'adminUsers' | 'workspaces' | 'unitOfWork'>;

function requirePlace(place: ConversationPlace | undefined): ConversationPlace {
  if (!place) throw new DomainError('input.invalid', 'Run this in the channel it is about.');
  return place;
}

export const SNOOZE_DAYS = 7;

export type DetectionChange = { mode: DetectionMode } | { snoozedUntil: string };

/** `auto`, `mention-only`, `off`, or `snooze` (no unasked prompts here for a week). */
export async function setChannelDetection(
  deps: ChannelSettingsDeps,
  actor: Actor,
  place: ConversationPlace | undefined,
  rawMode: string,
): Promise<DetectionChange> {
  await requirePermission(deps, actor, 'settings.change');
  const channel = requirePlace(place);
  if (rawMode.trim().toLowerCase() === 'snooze') {
    const until = new Date(deps.clock.now().getTime() + SNOOZE_DAYS * 86_400_000).toISOString();
    await deps.unitOfWork.run(async (tx) => {
      await tx.channels.setSnoozedUntil(actor.workspaceId, channel.channelId, until);
      recordIn(tx, actor, deps.clock.now(), {
        type: 'settings.changed',
        subject: { kind: 'channel', id: channel.channelId },
        data: { detectionSnoozedUntil: until },
      });
    });
    return { snoozedUntil: until };
  }
  const mode = oneOf(rawMode, [...DETECTION_MODES, 'snooze'], 'detection mode') as DetectionMode;
  await deps.unitOfWork.run(async (tx) => {
    await tx.channels.setDetection(actor.workspaceId, channel.channelId, mode);
    recordIn(tx, actor, deps.clock.now(), {
      type: 'settings.changed',
      subject: { kind: 'channel', id: channel.channelId },
      data: { detection: mode },
    });
  });
  return { mode };
}

/** Adds this conversation to the digest's recipients (ISO 9001 9.3.2 management review input). */
export async function addDigestTarget(deps: ChannelSettingsDeps, actor: Actor, place: ConversationPlace | undefined): Promise<Workspace> {
  await requirePermission(deps, actor, 'settings.change');
  const channel = requirePlace(place);
  const target = { platform: channel.platform, channelId: channel.channelId };
  const { result: updated } = await deps.unitOfWork.run(async (tx) => {
    const changed = await tx.workspaces.update(actor.workspaceId, (current) => {
      const others = (current.settings.digestTargets ?? []).filter(
        (t) => !(t.platform === target.platform && t.channelId === target.channelId),
      );
      return { ...current, settings: { ...current.settings, digestTargets: [...others, target] } };
    });
    if (!changed) throw new DomainError('workspace.unknown', 'This workspace is not set up yet. Try again in a moment.');
    recordIn(tx, actor, deps.clock.now(), {
      type: 'settings.changed',
      subject: { kind: 'channel', id: channel.channelId },
      data: { digestTarget: true, platform: channel.platform },
    });
    return changed;
  });
  return updated;
}
