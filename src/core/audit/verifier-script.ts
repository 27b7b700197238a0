/**
 * The standalone verifier every audit pack carries (`verify-pack.mjs`): plain Node.js 18 or newer,
 * no packages, so an auditor can run it on any machine. It checks each file against the manifest,
 * then re-verifies the evidence entries and seals from the JSONL files with the same hashes as the
 * bot (domain/evidence.ts `entryHash`, audit/seal.ts `sealHash` and `EntriesDigest`); a test runs
 * it against packs the bot made, so the two cannot drift apart unnoticed.
 *
 * Written without template literals or `${`, so it can live in this String.raw text unchanged.
 */
export const VERIFIER_FILE = 'verify-pack.mjs';

export const VERIFIER_SCRIPT = String.raw`#!/usr/bin/env node
// Standalone verifier for a customer-focus audit pack. Plain Node.js 18 or newer; no packages.
//
//   node verify-pack.mjs [folder]     (default: the folder this script is in)
//
// Exit code 0: every check passed. 1: a check failed (the first failure is named). 2: cannot run.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const folder = resolve(process.argv[2] || dirname(fileURLToPath(import.meta.url)));
const sha256 = (data) => createHash('sha256').update(data).digest('hex');

// JSON with object keys sorted at every level: the bot hashes exactly this form.
function canonical(value) {
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  if (value !== null && typeof value === 'object') {
    return '{' + Object.keys(value).sort().map((key) => JSON.stringify(key) + ':' + canonical(value[key])).join(',') + '}';
  }
  return JSON.stringify(value);
}

function fail(message) {
  console.log('FAILED: ' + message);
  console.log('The pack does not verify. Do not rely on it; ask for a new export and report this to the quality manager.');
  process.exit(1);
}

function read(path) {
  const full = join(folder, path);
  if (!existsSync(full)) return undefined;
  return readFileSync(full);
}

function jsonLines(path) {
  const data = read(path);
  if (data === undefined) fail(path + ' is missing.');
  const lines = data.toString('utf8').split('\n').filter((line) => line.trim() !== '');
  return lines.map((line, index) => {
    try {
      return JSON.parse(line);
    } catch {
      return fail(path + ' line ' + (index + 1) + ' is not valid JSON.');
    }
  });
}

// 1. Every file against the manifest.
const manifestData = read('manifest.json');
if (manifestData === undefined) {
  console.log('Cannot run: there is no manifest.json in ' + folder + '. Unzip the pack and run this script inside its folder.');
  process.exit(2);
}
let manifest;
try {
  manifest = JSON.parse(manifestData.toString('utf8'));
} catch {
  fail('manifest.json is not valid JSON.');
}
for (const file of manifest.files) {
  const data = read(file.path);
  if (data === undefined) fail(file.path + ' is missing (it is listed in manifest.json).');
  if (sha256(data) !== file.sha256) fail(file.path + ' was changed: its SHA-256 no longer matches manifest.json.');
}
console.log('OK  ' + manifest.files.length + ' files match manifest.json (manifest SHA-256 ' + sha256(manifestData) + ').');

// 2. Each evidence entry against its own hashes, in sequence order.
const workspaceId = manifest.workspace.id;
const entries = jsonLines('evidence/entries.jsonl');
let redacted = 0;
let previousSeq = 0;
const hashes = new Map();
for (const entry of entries) {
  const name = 'Evidence entry ' + entry.seq;
  if (!(entry.seq > previousSeq)) fail(name + ' is out of order: it follows entry ' + previousSeq + '.');
  previousSeq = entry.seq;
  if (entry.workspaceId !== workspaceId) fail(name + ' belongs to another workspace (' + entry.workspaceId + ').');
  for (const field of Object.keys(entry.personalHashes)) {
    const text = entry.personal[field];
    if (text === null || text === undefined) redacted += 1;
    else if (sha256(Buffer.from(text, 'utf8')) !== entry.personalHashes[field]) fail(name + ' was changed: its field "' + field + '" no longer matches its hash.');
  }
  for (const field of Object.keys(entry.personal)) {
    if (!(field in entry.personalHashes)) fail(name + ' was changed: it has a field "' + field + '" it was not written with.');
  }
  const facts = {
    workspaceId: entry.workspaceId, seq: entry.seq, type: entry.type, at: entry.at, actorId: entry.actorId,
    subject: entry.subject, data: entry.data, personalHashes: entry.personalHashes,
  };
  if (sha256(Buffer.from(canonical(facts), 'utf8')) !== entry.hash) fail(name + ' was changed: its content no longer matches its hash.');
  hashes.set(entry.seq, entry.hash);
}
console.log('OK  ' + entries.length + ' evidence entries match their own hashes' + (redacted > 0 ? ' (' + redacted + ' personal fields redacted; their hashes remain)' : '') + '.');

// 3. The seals: each one's hash, the chain between them, and each recomputed from its entries.
for (const outside of jsonLines('evidence/sealed-outside-period.jsonl')) {
  if (hashes.has(outside.seq)) fail('Entry ' + outside.seq + ' appears both in the period and outside it.');
  hashes.set(outside.seq, outside.hash);
}
const seals = jsonLines('evidence/seals.jsonl');
let previous;
for (const seal of seals) {
  const name = 'Seal #' + seal.number;
  const body = {
    workspaceId: seal.workspaceId, number: seal.number, fromSeq: seal.fromSeq, toSeq: seal.toSeq, gaps: seal.gaps,
    entriesHash: seal.entriesHash, previousHash: seal.previousHash, at: seal.at,
  };
  if (sha256(Buffer.from(canonical(body), 'utf8')) !== seal.hash) fail(name + ' was changed: its content no longer matches its hash.');
  if (seal.workspaceId !== workspaceId) fail(name + ' belongs to another workspace.');
  if (previous !== undefined) {
    if (seal.number !== previous.number + 1) fail(name + ' does not follow seal #' + previous.number + ': a seal is missing.');
    if (seal.previousHash !== previous.hash) fail(name + ' does not follow seal #' + previous.number + ': the chain is broken.');
    if (seal.fromSeq !== previous.toSeq + 1) fail(name + ' is out of order: its entries do not follow on from seal #' + previous.number + '.');
  }
  const gaps = new Set(seal.gaps);
  const digest = createHash('sha256');
  for (let seq = seal.fromSeq; seq <= seal.toSeq; seq++) {
    if (gaps.has(seq)) continue;
    const hash = hashes.get(seq);
    if (hash === undefined) fail('Entry ' + seq + ' is missing: seal #' + seal.number + ' covers it, but the pack has neither the entry nor its hash.');
    digest.update(seq + ':' + hash + '\n', 'utf8');
  }
  if (digest.digest('hex') !== seal.entriesHash) fail(name + ' does not match the entries it seals (' + seal.fromSeq + '-' + seal.toSeq + '): one of them was changed or reordered.');
  previous = seal;
}
const lastSealed = previous === undefined ? 0 : previous.toSeq;
const unsealed = entries.filter((entry) => entry.seq > lastSealed).length;
if (previous === undefined) {
  console.log('OK  no seal covers this period yet: the entries are protected only by their own hashes.');
} else {
  console.log('OK  ' + seals.length + ' seals chain and match their entries; the latest is #' + previous.number + ' ' + previous.hash + ' (' + previous.at + ').');
  console.log('    Compare it with the seal shown in the weekly digest posted in Slack or Teams after ' + previous.at.slice(0, 10) + ': the same number must show the same hash.');
}
if (unsealed > 0) console.log('NOTE ' + (unsealed === 1 ? '1 entry was' : unsealed + ' entries were') + ' not yet sealed when the pack was made: ' + (unsealed === 1 ? 'it is' : 'they are') + ' protected only by ' + (unsealed === 1 ? 'its' : 'their') + ' own hash.');
console.log('PASSED: the pack is intact.');
`;
