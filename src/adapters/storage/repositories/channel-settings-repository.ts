import type { WorkspaceId } from '../../../core/domain/shared.js';
import type { DetectionMode } from '../../../core/domain/workspace.js';
import type { ChannelSettingsRepository } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { keys } from './keys.js';

/** One record per channel setting, so changing one setting never overwrites another. */
export class KeyvChannelSettingsRepository implements ChannelSettingsRepository {
  constructor(private readonly backend: Backend) {}

  async getDetection(workspaceId: WorkspaceId, channelId: string): Promise<DetectionMode | undefined> {
    return (await this.backend.records.get<{ mode: DetectionMode }>(keys.channelDetection(workspaceId, channelId)))?.mode;
  }

  async setDetection(workspaceId: WorkspaceId, channelId: string, mode: DetectionMode): Promise<void> {
    await this.backend.records.put(keys.channelDetection(workspaceId, channelId), { mode });
  }

  async getSnoozedUntil(workspaceId: WorkspaceId, channelId: string): Promise<string | undefined> {
    return (await this.backend.records.get<{ until: string }>(keys.channelSnooze(workspaceId, channelId)))?.until;
  }

  async setSnoozedUntil(workspaceId: WorkspaceId, channelId: string, until: string): Promise<void> {
    await this.backend.records.put(keys.channelSnooze(workspaceId, channelId), { until });
  }
}
