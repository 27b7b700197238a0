/** Teams authentication is asked for (TEAMS_APP_ID) but a credential it needs is missing. */
export class TeamsCredentialsError extends Error {
  override readonly name = 'TeamsCredentialsError';
}
