/**
 * Authorisation for a single-workspace install (SLACK_BOT_TOKEN). Bolt's own version checks the
 * token with auth.test as soon as the app is built and, if Slack cannot be reached at that moment,
 * the rejection ends the process. Here the check happens on the first request, is cached, is
 * retried after a failure, and a request from any other workspace is refused: the token of one
 * workspace is never used for another.
 */
import type { Authorize, AuthorizeResult } from '@slack/bolt';
import { WebClient, type WebClientOptions } from '@slack/web-api';

export function singleWorkspaceAuthorize(botToken: string, clientOptions: WebClientOptions): Authorize<boolean> {
  const client = new WebClient(botToken, clientOptions);
  let identity: Promise<AuthorizeResult> | undefined;
  return async (source) => {
    identity ??= client.auth
      .test()
      .then((auth) => ({
        botToken,
        ...(auth.bot_id ? { botId: auth.bot_id } : {}),
        ...(auth.user_id ? { botUserId: auth.user_id } : {}),
        ...(auth.team_id ? { teamId: auth.team_id } : {}),
        ...(auth.enterprise_id ? { enterpriseId: auth.enterprise_id } : {}),
      }))
      .catch((error: unknown) => {
        identity = undefined;
        throw error;
      });
    const result = await identity;
    // Within an Enterprise Grid org the same bot token serves the org's teams.
    const sameOrg = result.enterpriseId !== undefined && source.enterpriseId === result.enterpriseId;
    if (source.teamId && result.teamId && source.teamId !== result.teamId && !sameOrg) {
      throw new Error(
        `A request from Slack workspace ${source.teamId}, but SLACK_BOT_TOKEN belongs to ${result.teamId}; refusing to use it.`,
      );
    }
    return result;
  };
}
