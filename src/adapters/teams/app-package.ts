/**
 * The Teams app package: `manifests/teams/manifest.json` with this installation's ids and
 * addresses filled in, and the two icons, zipped with every file at the zip's root (Teams refuses
 * a package whose files sit in a folder).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

/** Where the manifest template and icons live, from src/… and from dist/… alike. */
export const TEAMS_MANIFEST_DIR = fileURLToPath(new URL('../../../manifests/teams/', import.meta.url));

export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

export interface PackageSettings {
  /** The bot's Microsoft Entra application id (TEAMS_APP_ID), also used as the Teams app id. */
  readonly appId: string;
  /** Public https address of the bot (PUBLIC_URL): website, and the one valid domain. */
  readonly publicUrl: string;
  readonly version: string;
  readonly developerName?: string;
  readonly privacyUrl?: string;
  readonly termsUrl?: string;
}

export class PackageError extends Error {
  override readonly name = 'PackageError';
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** JSON string contents: a value must not end the string it is put in. */
const jsonInner = (value: string) => JSON.stringify(value).slice(1, -1);

export function fillManifest(template: string, settings: PackageSettings): Record<string, unknown> {
  if (!GUID.test(settings.appId)) {
    throw new PackageError(
      `TEAMS_APP_ID must be the GUID of the bot's app registration (like 00000000-0000-0000-0000-000000000000), not "${settings.appId}".`,
    );
  }
  let url: URL;
  try {
    url = new URL(settings.publicUrl);
  } catch {
    throw new PackageError('PUBLIC_URL must be the https address the bot is reachable at, e.g. https://customer-focus.example.com.');
  }
  if (url.protocol !== 'https:') throw new PackageError(`Teams needs an https address; PUBLIC_URL is ${settings.publicUrl}.`);
  const base = url.href.replace(/\/+$/, '');
  const values: Record<string, string> = {
    TEAMS_APP_ID: settings.appId.toLowerCase(),
    VERSION: settings.version,
    DEVELOPER_NAME: settings.developerName ?? url.hostname,
    PUBLIC_URL: base,
    PUBLIC_HOST: url.host,
    PRIVACY_URL: settings.privacyUrl ?? `${base}/privacy`,
    TERMS_URL: settings.termsUrl ?? `${base}/terms`,
  };
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new PackageError(`The manifest template uses ${whole}, which the packager does not know.`);
    return jsonInner(value);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

/** The zip's bytes and the filled manifest. */
export function buildTeamsPackage(
  settings: PackageSettings,
  directory = TEAMS_MANIFEST_DIR,
): { zip: Uint8Array; manifest: Record<string, unknown> } {
  const manifest = fillManifest(readFileSync(`${directory}manifest.json`, 'utf8'), settings);
  const zip = zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`),
    'color.png': readFileSync(`${directory}color.png`),
    'outline.png': readFileSync(`${directory}outline.png`),
  });
  return { zip, manifest };
}
