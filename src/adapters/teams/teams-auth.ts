/**
 * Bot Framework authentication from our config (never from process.env). With TEAMS_APP_ID set,
 * every inbound request must carry a valid token and outbound calls get one; without it the
 * adapter accepts anonymous requests, which is only for local testing (the composition root
 * refuses that in production and says so in the log otherwise).
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { type TeamsConfig, teamsCredentialsMissing } from '../../config.js';
import { TeamsCredentialsError } from './teams-credentials-error.js';

export interface TeamsConnection {
  readonly adapter: CloudAdapter;
  readonly authenticated: boolean;
  /** What `continueConversationAsync` needs: the app id, or '' when authentication is off. */
  readonly botAppId: string;
}

export function connectTeams(teams: TeamsConfig): TeamsConnection {
  if (!teams.appId) {
    return { adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), authenticated: false, botAppId: '' };
  }
  const missing = teamsCredentialsMissing(teams);
  if (missing.length > 0) {
    throw new TeamsCredentialsError(
      `TEAMS_APP_ID is set, so Teams authentication is on, and it also needs ${missing.join(' and ')} (see README → Teams setup).`,
    );
  }
  const settings = {
    MicrosoftAppId: teams.appId,
    MicrosoftAppType: teams.appType,
    ...(teams.appPassword ? { MicrosoftAppPassword: teams.appPassword } : {}),
    ...(teams.tenantId ? { MicrosoftAppTenantId: teams.tenantId } : {}),
  };
  const credentials = new ConfigurationServiceClientCredentialFactory(settings);
  return {
    adapter: new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, credentials)),
    authenticated: true,
    botAppId: teams.appId,
  };
}
