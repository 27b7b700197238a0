/** `customer-focus package-teams [--out appPackage.zip]`: the Teams app package for upload. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../config.js';
import { PackageError, buildTeamsPackage } from '../../adapters/teams/app-package.js';
import { type CliIo, UsageError } from '../io.js';

export async function packageTeamsCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      out: { type: 'string', default: 'appPackage.zip' },
      version: { type: 'string', default: '1.0.0' },
      developer: { type: 'string' },
      'privacy-url': { type: 'string' },
      'terms-url': { type: 'string' },
    },
  });
  const config = loadConfig(io.env);
  if (!config.teams.appId)
    throw new UsageError("Set TEAMS_APP_ID (the Application (client) id of the bot's Azure registration) first; see README → Teams setup.");
  if (!config.publicUrl)
    throw new UsageError(
      "Set PUBLIC_URL (the https address the bot is reachable at) first; Teams needs it for the app's website and valid domain.",
    );
  let built: ReturnType<typeof buildTeamsPackage>;
  try {
    built = buildTeamsPackage({
      appId: config.teams.appId,
      publicUrl: config.publicUrl,
      version: values.version,
      ...(values.developer ? { developerName: values.developer } : {}),
      ...(values['privacy-url'] ? { privacyUrl: values['privacy-url'] } : {}),
      ...(values['terms-url'] ? { termsUrl: values['terms-url'] } : {}),
    });
  } catch (error) {
    if (error instanceof PackageError) throw new UsageError(error.message);
    throw error;
  }
  const out = resolve(io.cwd, values.out);
  await writeFile(out, built.zip);
  io.err(`Wrote ${out} (manifest.json, color.png, outline.png). Upload it in Teams: Apps → Manage your apps → Upload an app.`);
  return 0;
}
