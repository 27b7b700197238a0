/**
 * The Teams manifest and app package: valid against the schema bundled with
 * @microsoft/app-manifest (offline), every listed command understood by the bot, icons of the
 * sizes Teams requires, and a zip with its files at the root.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TEAMS_MANIFEST_DIR, buildTeamsPackage } from '../../src/adapters/teams/app-package.js';
import { parseCommand } from '../../src/core/commands/grammar.js';
import { escapeHtml } from '../../src/adapters/web/html.js';
import { ABOUT_AND_PRIVACY } from '../../src/core/views.js';
import { cli } from '../support/cli-harness.js';
import { startTeamsBot } from '../support/teams-bot.js';
import { decodePng } from '../support/png.js';

type AnyManifest = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

const APP_ID = '8f0c2a7e-1b3d-4e5f-9a6b-7c8d9e0f1a2b';
const settings = { appId: APP_ID, publicUrl: 'https://focus.example.com', version: '1.2.3' };

/** Width, height and RGBA pixels of a PNG we drew (8-bit RGBA, no interlace). */
function pngSize(bytes: Buffer): { width: number; height: number; colourType: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes.readUInt8(25) };
}

describe('the Teams app package', () => {
  const { manifest, zip } = buildTeamsPackage(settings);

  it('is valid against the bundled v1.22 schema, offline', async () => {
    expect(await AppManifestUtils.validateAgainstSchema(manifest as unknown as AnyManifest)).toEqual([]);
    // The validator really validates: a wrongly cased scope is refused.
    const broken = structuredClone(manifest) as { bots: { scopes: string[] }[] };
    broken.bots[0]!.scopes.push('groupchat');
    expect((await AppManifestUtils.validateAgainstSchema(broken as unknown as AnyManifest)).join('\n')).toContain('scopes');
  });

  it('carries the ids and addresses of this installation, and the permissions the bot needs', () => {
    const m = manifest as {
      id: string;
      version: string;
      bots: { botId: string; scopes: string[] }[];
      validDomains: string[];
      developer: { websiteUrl: string };
      authorization: { permissions: { resourceSpecific: { name: string }[] } };
    };
    expect(m.id).toBe(APP_ID);
    expect(m.bots[0]?.botId).toBe(APP_ID);
    expect(m.version).toBe('1.2.3');
    expect(m.bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(m.validDomains).toEqual(['focus.example.com']);
    expect(m.developer.websiteUrl).toBe('https://focus.example.com');
    expect(m.authorization.permissions.resourceSpecific.map((p) => p.name).sort()).toEqual([
      'ChannelMessage.Read.Group',
      'ChatMessage.Read.Chat',
    ]);
  });

  it('lists only commands the bot understands', () => {
    const lists = (manifest as { bots: { commandLists: { commands: { title: string }[] }[] }[] }).bots[0]?.commandLists ?? [];
    const titles = lists.flatMap((list) => list.commands.map((command) => command.title));
    expect(titles.length).toBeGreaterThan(4);
    for (const title of titles) expect(parseCommand(title), title).toMatchObject({ ok: true });
  });

  it('has a 192×192 colour icon and a 32×32 white outline on transparency', () => {
    const color = readFileSync(join(TEAMS_MANIFEST_DIR, 'color.png'));
    const outline = readFileSync(join(TEAMS_MANIFEST_DIR, 'outline.png'));
    expect(pngSize(color)).toMatchObject({ width: 192, height: 192 });
    expect(pngSize(outline)).toMatchObject({ width: 32, height: 32, colourType: 6 });
  });

  it('has a colour icon that is a full opaque square: no rounded or transparent corners (Teams rounds it itself)', () => {
    // What Teams receives: the icon inside the package.
    const icon = decodePng(Buffer.from(unzipSync(zip)['color.png']!));
    const last = icon.width - 1;
    const background = icon.pixel(Math.floor(icon.width / 2), 0);
    for (const [x, y] of [
      [0, 0],
      [last, 0],
      [0, last],
      [last, last],
      [2, 2],
      [last - 2, last - 2],
    ] as const) {
      expect(icon.pixel(x, y), `pixel ${x},${y}`).toEqual(background);
    }
    for (let y = 0; y < icon.height; y += 1) {
      for (let x = 0; x < icon.width; x += 1) if (icon.pixel(x, y)[3] !== 255) expect.fail(`pixel ${x},${y} is not opaque`);
    }
  });

  it('zips manifest.json and both icons at the root of the zip', () => {
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json']))).toEqual(manifest);
  });

  it('refuses an app id that is not a GUID and an address that is not https', () => {
    expect(() => buildTeamsPackage({ ...settings, appId: 'my-bot' })).toThrow(/GUID/);
    expect(() => buildTeamsPackage({ ...settings, publicUrl: 'http://focus.example.com' })).toThrow(/https/);
  });
});

describe("the package's privacy and terms links", () => {
  it('open pages the bot serves: privacy from its own "About and privacy" text, and terms of use', async () => {
    const { manifest } = buildTeamsPackage(settings);
    const links = (manifest as { developer: { privacyUrl: string; termsOfUseUrl: string } }).developer;
    expect(links.privacyUrl).toBe('https://focus.example.com/privacy');
    expect(links.termsOfUseUrl).toBe('https://focus.example.com/terms');
    const h = await startTeamsBot();
    try {
      const base = `http://127.0.0.1:${h.bot.port}`;
      const privacy = await fetch(`${base}${new URL(links.privacyUrl).pathname}`);
      expect(privacy.status).toBe(200);
      expect(privacy.headers.get('content-type')).toMatch(/^text\/html/);
      expect(privacy.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      const privacyPage = await privacy.text();
      expect(privacyPage).toContain('<h1 id="about-title">About and privacy</h1>');
      // Every sentence the bot says about privacy in chat, on the page too (markup and placeholders aside).
      for (const sentence of ABOUT_AND_PRIVACY.split('\n').slice(1))
        expect(privacyPage).toContain(escapeHtml(sentence.split(' Admins can')[0]!));
      expect(privacyPage).toContain(
        escapeHtml('"/customer-focus detection off" in Slack ("detection off" in a chat with the bot in Teams)'),
      );
      expect(privacyPage).toContain('href="/assets/dashboard.css"');
      const terms = await fetch(`${base}${new URL(links.termsOfUseUrl).pathname}`);
      expect(terms.status).toBe(200);
      const termsPage = await terms.text();
      expect(termsPage).toContain('<h1 id="about-title">Terms of use</h1>');
      expect(termsPage).toContain('href="/privacy"');
    } finally {
      await h.close();
    }
  });
});

describe('npm run package:teams', () => {
  it('writes appPackage.zip from TEAMS_APP_ID and PUBLIC_URL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfb-pkg-'));
    try {
      const out = join(dir, 'appPackage.zip');
      const run = await cli(['package-teams', '--out', out], { TEAMS_APP_ID: APP_ID, PUBLIC_URL: 'https://focus.example.com' });
      expect(run.code).toBe(0);
      expect(Object.keys(unzipSync(readFileSync(out))).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what to set when the ids are missing', async () => {
    const run = await cli(['package-teams'], {});
    expect(run.code).toBe(2);
    expect(run.err).toContain('TEAMS_APP_ID');
  });
});
