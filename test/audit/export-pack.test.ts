/**
 * The audit pack as an auditor receives it: written by `customer-focus export`, unzipped with
 * fflate, every file checked against manifest.json and SHA256SUMS, and the included verifier run
 * with plain `node` on the untouched pack (passes) and on edited copies (each failure named).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erasePerson } from '../../src/core/audit/redaction.js';
import { sealWorkspace } from '../../src/core/audit/seal-workspace.js';
import { type EvidenceEntry, entryHash } from '../../src/core/domain/evidence.js';
import { cli } from '../support/cli-harness.js';
import { createTestCore, expectOk } from '../support/test-core.js';

const run = promisify(execFile);
const directory = mkdtempSync(join(tmpdir(), 'cfb-pack-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const WORKSPACE = 'slack:TPACK';
const storeUrl = `sqlite://${join(directory, 'store.sqlite')}`;
const env = { STORE_URL: storeUrl, DIGEST_TIMEZONE: 'Europe/Oslo' };
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

interface Manifest {
  workspace: { id: string };
  latestSeal: { number: number; hash: string } | null;
  files: { path: string; bytes: number; sha256: string }[];
}

/** Unzips the pack into a fresh folder and returns that folder (the pack's own top folder). */
function unpack(zip: Uint8Array, into: string): string {
  let top = '';
  for (const [path, data] of Object.entries(unzipSync(zip))) {
    top = path.split('/')[0] ?? '';
    mkdirSync(dirname(join(into, path)), { recursive: true });
    writeFileSync(join(into, path), data);
  }
  return join(into, top);
}

async function verifier(folder: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [join(folder, 'verify-pack.mjs')], { cwd: tmpdir() });
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, out: failed.stdout };
  }
}

/** Copies an unpacked pack, applies `change`, and updates manifest.json's hashes if asked (a careful forger). */
function editedCopy(folder: string, name: string, change: (folder: string) => void, options: { fixManifest?: boolean } = {}): string {
  const copy = join(directory, name);
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(copy);
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
  for (const file of [...manifest.files.map((f) => f.path), 'manifest.json', 'SHA256SUMS']) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    writeFileSync(join(copy, file), readFileSync(join(folder, file)));
  }
  change(copy);
  if (options.fixManifest) {
    for (const file of manifest.files) file.sha256 = sha256(readFileSync(join(copy, file.path)));
    writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest, null, 2));
  }
  return copy;
}

const jsonl = (folder: string, path: string): Record<string, unknown>[] =>
  readFileSync(join(folder, path), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
const writeJsonl = (folder: string, path: string, lines: unknown[]) =>
  writeFileSync(join(folder, path), lines.map((line) => `${JSON.stringify(line)}\n`).join(''));

describe('the audit pack', () => {
  let folder = '';
  let zipPath = '';

  beforeAll(async () => {
    // The bot's store, as a running bot would have left it (same file and namespace as the CLI).
    const t = await createTestCore({ storeUrl, namespace: 'cfb', workspaceId: WORKSPACE });
    t.clock.set('2026-02-10T09:00:00.000Z');
    const admin = await t.actor('admin', 'U_ADMIN');
    const member = { id: 'U_DANA', name: 'Dana', workspaceId: WORKSPACE };
    const requirement = expectOk(
      await t.core.addRequirement(member, {
        statement: 'Deliveries <script>alert(1)</script> within 5 days',
        customer: '=HYPERLINK("http://evil")',
      }),
    );
    expectOk(await t.core.reviewRequirement(admin, requirement.id, 'at_risk', 'carrier strike'));
    const check = expectOk(
      await t.core.startCheck(member, {
        text: 'We move support hours to 9–17 <b>now</b>',
        place: { platform: 'slack', channelId: 'C1', channelName: 'support' },
        origin: 'command',
        decidedBy: { id: 'U_KIM', name: 'Kim' },
      }),
    );
    expectOk(
      await t.core.answerCheck(member, check.id, {
        impact: 'negative',
        explanation: 'Evening callers lose support',
        followUp: { kind: 'accepted', reason: 'Few evening calls' },
      }),
    );
    expectOk(
      await t.core.recordFeedback(member, {
        summary: 'Great onboarding <b>now</b>',
        fields: { customer: 'Acme AS', sentiment: 'positive', kind: 'compliment', received: '2026-02-09' },
      }),
    );
    expectOk(await t.core.changeSettings(admin, { cap: '3' }));
    expectOk(await t.core.setRole(admin, '<@U_KIM|Kim>', 'manager'));
    await sealWorkspace(t.deps, WORKSPACE);
    t.clock.set('2026-03-02T09:00:00.000Z');
    expectOk(await t.core.addRequirement(member, { statement: 'Invoices in NOK', customer: 'Acme AS' }));
    await sealWorkspace(t.deps, WORKSPACE);
    t.clock.set('2026-04-02T09:00:00.000Z');
    // After the period, but sealed together with nothing else: the pack only carries its hash if a seal covers it.
    expectOk(await t.core.addRequirement(member, { statement: 'Refunds within 14 days', customer: 'Globex' }));
    await erasePerson(t.deps, admin, 'U_KIM');
    await t.close();

    zipPath = join(directory, 'pack.zip');
    const exported = await cli(['export', '--workspace', WORKSPACE, '--from', '2026-01-01', '--to', '2026-03-31', '--out', zipPath], env);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.err).toMatch(
      /Wrote the audit pack for slack:TPACK, 2026-01-01 to 2026-03-31 \(Europe\/Oslo\), to .*pack\.zip: 20 files, manifest SHA-256 [0-9a-f]{64}\./,
    );
    folder = unpack(readFileSync(zipPath), join(directory, 'unzipped'));
  });

  it('holds the CSVs, the raw evidence and seals, summary.html, VERIFY.md, the verifier and a manifest that matches every file', () => {
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.files.map((file) => file.path).sort()).toEqual([
      'VERIFY.md',
      'csv/answers.csv',
      'csv/customer-knowledge.csv',
      'csv/decision-checks.csv',
      'csv/digests.csv',
      'csv/feedback.csv',
      'csv/follow-up-actions.csv',
      'csv/requirement-reviews.csv',
      'csv/requirements.csv',
      'csv/responsibilities.csv',
      'csv/roles.csv',
      'csv/settings-and-roles-trail.csv',
      'evidence/entries.jsonl',
      'evidence/evidence.csv',
      'evidence/sealed-outside-period.jsonl',
      'evidence/seals.jsonl',
      'summary.html',
      'verify-pack.mjs',
    ]);
    for (const file of manifest.files) {
      const data = readFileSync(join(folder, file.path));
      expect(sha256(data), file.path).toBe(file.sha256);
      expect(data.byteLength, file.path).toBe(file.bytes);
    }
    const sums = readFileSync(join(folder, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums).toContain(`${sha256(readFileSync(join(folder, 'manifest.json')))}  manifest.json`);
    expect(sums).toHaveLength(manifest.files.length + 1);
    expect(manifest.workspace.id).toBe(WORKSPACE);
    expect(manifest.latestSeal?.number).toBe(2);
  });

  it('keeps the period: entries from 2026-01-01 to 2026-03-31 only, with the settings and roles trail', () => {
    const entries = jsonl(folder, 'evidence/entries.jsonl') as unknown as EvidenceEntry[];
    expect(entries.map((entry) => entry.type)).toEqual([
      'requirement.created',
      'requirement.reviewed',
      'check.started',
      'check.answered',
      'action.created',
      'feedback.recorded',
      'settings.changed',
      'role.changed',
      'requirement.created',
    ]);
    const trail = readFileSync(join(folder, 'csv/settings-and-roles-trail.csv'), 'utf8');
    expect(trail).toContain('settings.changed');
    expect(trail).toContain('role.changed');
    // The erased person's name is gone from the pack; the hash of it stays.
    expect(entries.find((entry) => entry.type === 'role.changed')?.personal.personName).toBeNull();
    const csv = readFileSync(join(folder, 'csv/requirements.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFid,statement,customer')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  it('summary.html is organised by clause and escapes everything people typed', () => {
    const html = readFileSync(join(folder, 'summary.html'), 'utf8');
    for (const heading of [
      '5.1.2</span> Customer focus',
      '8.2.2</span> Determining the requirements',
      '8.5.6</span> Control of changes',
      '9.1.2</span> Customer satisfaction',
      '9.3.2</span> Management review inputs',
      'Audit trail of settings, roles and access',
    ]) {
      expect(html).toContain(heading);
    }
    expect(html).toContain('Deliveries &lt;script&gt;alert(1)&lt;/script&gt; within 5 days');
    expect(html).toContain('&lt;b&gt;now&lt;/b&gt;');
    expect(html).not.toMatch(/<script|<b>now/);
    expect(html).toContain('Few evening calls');
  });

  it('VERIFY.md tells an auditor how to check the pack', () => {
    const text = readFileSync(join(folder, 'VERIFY.md'), 'utf8');
    expect(text).toContain('sha256sum -c SHA256SUMS');
    expect(text).toContain('node verify-pack.mjs');
    expect(text).toContain('weekly digest');
  });

  it('the included verifier accepts the untouched pack', async () => {
    const result = await verifier(folder);
    expect(result.code, result.out).toBe(0);
    expect(result.out).toContain('OK  18 files match manifest.json');
    expect(result.out).toContain('OK  9 evidence entries match their own hashes (');
    expect(result.out).toMatch(/OK {2}2 seals chain and match their entries; the latest is #2 [0-9a-f]{64}/);
    expect(result.out).toContain('PASSED: the pack is intact.');
  });

  it('rejects an edited CSV, naming the file', async () => {
    const copy = editedCopy(folder, 'edited-csv', (dir) => {
      const path = join(dir, 'csv/feedback.csv');
      writeFileSync(path, readFileSync(path, 'utf8').replace('Great onboarding', 'Terrible onboarding'));
    });
    const result = await verifier(copy);
    expect(result.code).toBe(1);
    expect(result.out).toContain('FAILED: csv/feedback.csv was changed: its SHA-256 no longer matches manifest.json.');
  });

  it('rejects an edited entry even when the manifest was fixed to match', async () => {
    const copy = editedCopy(
      folder,
      'edited-entry',
      (dir) => {
        const lines = jsonl(dir, 'evidence/entries.jsonl');
        const answered = lines[3] as { data: Record<string, unknown> };
        answered.data = { ...answered.data, impact: 'positive' };
        writeJsonl(dir, 'evidence/entries.jsonl', lines);
      },
      { fixManifest: true },
    );
    const result = await verifier(copy);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/FAILED: Evidence entry \d+ was changed: its content no longer matches its hash\./);
  });

  it('rejects an entry rewritten with a recomputed hash through its seal, and two entries swapped', async () => {
    const forged = editedCopy(
      folder,
      'forged-entry',
      (dir) => {
        const lines = jsonl(dir, 'evidence/entries.jsonl') as unknown as EvidenceEntry[];
        const changed = { ...lines[3], data: { ...lines[3]?.data, impact: 'positive' } } as EvidenceEntry;
        lines[3] = { ...changed, hash: entryHash(changed) };
        writeJsonl(dir, 'evidence/entries.jsonl', lines);
      },
      { fixManifest: true },
    );
    const result = await verifier(forged);
    expect(result.code).toBe(1);
    expect(result.out).toContain('FAILED: Seal #1 does not match the entries it seals');

    const swapped = editedCopy(
      folder,
      'swapped',
      (dir) => {
        const lines = jsonl(dir, 'evidence/entries.jsonl');
        writeJsonl(dir, 'evidence/entries.jsonl', [lines[1], lines[0], ...lines.slice(2)]);
      },
      { fixManifest: true },
    );
    expect((await verifier(swapped)).out).toMatch(/FAILED: Evidence entry 1 is out of order: it follows entry 2\./);
  });

  it('the export itself is evidence, with the manifest hash the verifier prints', async () => {
    const t = await createTestCore({ storeUrl, namespace: 'cfb', workspaceId: WORKSPACE });
    try {
      const last = await t.deps.evidence.listBySeq(
        WORKSPACE,
        await t.deps.evidence.lastSeq(WORKSPACE),
        await t.deps.evidence.lastSeq(WORKSPACE),
      );
      expect(last[0]).toMatchObject({ type: 'evidence.exported', data: { from: '2026-01-01', to: '2026-03-31', via: 'command line' } });
      const printed = (await verifier(folder)).out;
      expect(printed).toContain(`manifest SHA-256 ${String(last[0]?.data.manifestSha256)}`);
    } finally {
      await t.close();
    }
  });

  it('refuses a period it cannot read, saying how to write it', async () => {
    const result = await cli(['export', '--workspace', WORKSPACE, '--period', '2026-Q5'], env);
    expect(result.code).toBe(2);
    expect(result.err).toContain('"2026-Q5" is not a period I understand: a year has quarters Q1 to Q4.');
    const swapped = await cli(['export', '--workspace', WORKSPACE, '--from', '2026-03-31', '--to', '2026-01-01'], env);
    expect(swapped.err).toContain('--from (2026-03-31) is after --to (2026-01-01). Swap them.');
  });
});
