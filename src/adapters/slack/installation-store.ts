/**
 * Slack installations (bot tokens per workspace or Enterprise Grid org) for the multi-workspace
 * OAuth install, kept in the store so every instance sees them. Keys sit under the workspace's
 * prefix, so purging a workspace removes its tokens too; uninstalling removes only the tokens.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { RecordStore } from '../storage/primitives.js';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

const keyFor = (isEnterpriseInstall: boolean | undefined, enterpriseId: string | undefined, teamId: string | undefined): string => {
  const id = isEnterpriseInstall ? enterpriseId : teamId;
  if (!id) throw new Error('An installation without a team or enterprise id');
  return `ws:slack:${id}:installation`;
};

export class StoreInstallationStore implements InstallationStore {
  constructor(private readonly records: RecordStore) {}

  async storeInstallation(installation: AnyInstallation): Promise<void> {
    await this.records.put(keyFor(installation.isEnterpriseInstall, installation.enterprise?.id, installation.team?.id), installation);
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    const installation = await this.records.get<AnyInstallation>(keyFor(query.isEnterpriseInstall, query.enterpriseId, query.teamId));
    if (!installation) throw new Error(`No installation for ${query.isEnterpriseInstall ? query.enterpriseId : query.teamId}`);
    return installation;
  }

  /** The bot token of a workspace or org install, or undefined when the app is not installed there. */
  async botToken(query: InstallationQuery<boolean>): Promise<string | undefined> {
    const installation = await this.records.get<AnyInstallation>(keyFor(query.isEnterpriseInstall, query.enterpriseId, query.teamId));
    return installation?.bot?.token;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.records.delete(keyFor(query.isEnterpriseInstall, query.enterpriseId, query.teamId));
  }
}
