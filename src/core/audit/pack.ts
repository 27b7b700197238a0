/**
 * The audit pack's files, built from collected data with no I/O: CSVs, the raw evidence and seals
 * as JSONL, summary.html, VERIFY.md, the standalone verifier, and manifest.json / SHA256SUMS with
 * every file's SHA-256. An adapter zips them (src/adapters/audit/zip.ts).
 */
import { type EvidenceEntry, sha256 } from '../domain/evidence.js';
import { evidenceToCsv, requirementsToCsv } from '../exports.js';
import type { AuditData } from './audit-data.js';
import {
  DIGEST_TYPES,
  SETTINGS_TRAIL_TYPES,
  actionsToCsv,
  answersToCsv,
  checksToCsv,
  feedbackToCsv,
  knowledgeToCsv,
  responsibilitiesToCsv,
  reviewsToCsv,
  rolesToCsv,
  trailToCsv,
} from './pack-tables.js';
import { renderSummaryHtml } from './summary-html.js';
import { VERIFIER_FILE, VERIFIER_SCRIPT } from './verifier-script.js';
import { verifyInstructions } from './verify-md.js';
import { verdictSentence } from './verify-view.js';

export interface PackFile {
  /** Relative path inside the pack, `/`-separated. */
  readonly path: string;
  readonly content: string;
}

export interface AuditPack {
  /** The folder name the pack unzips into, and the zip's base name. */
  readonly name: string;
  readonly files: readonly PackFile[];
  /** SHA-256 of manifest.json: recorded in the evidence log when the pack is handed out. */
  readonly manifestSha256: string;
}

export const PACK_FORMAT = 'customer-focus-audit-pack';
/** Excel guesses the encoding of a CSV without a byte-order mark, and guesses wrong. */
const BOM = '\uFEFF';

/** An entry with exactly the fields the verifier reads (storage bookkeeping such as `version` left out). */
const entryLine = (e: EvidenceEntry): string =>
  JSON.stringify({
    workspaceId: e.workspaceId,
    seq: e.seq,
    type: e.type,
    at: e.at,
    actorId: e.actorId,
    subject: e.subject,
    data: e.data,
    personal: e.personal,
    personalHashes: e.personalHashes,
    hash: e.hash,
  });

const jsonl = (lines: readonly string[]): string => lines.map((line) => `${line}\n`).join('');

/** File names safe everywhere: `slack:T1` becomes `slack-T1`. */
export const safeName = (text: string): string => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'workspace';

export function buildAuditPack(data: AuditData): AuditPack {
  const name = `customer-focus-audit_${safeName(data.workspace.id)}_${data.period.from}_${data.period.to}`;
  const content: PackFile[] = [
    { path: 'csv/requirements.csv', content: BOM + requirementsToCsv(data.requirements) },
    { path: 'csv/requirement-reviews.csv', content: BOM + reviewsToCsv(data.reviews, data.entries) },
    { path: 'csv/decision-checks.csv', content: BOM + checksToCsv(data.checks) },
    { path: 'csv/answers.csv', content: BOM + answersToCsv(data.answers) },
    { path: 'csv/follow-up-actions.csv', content: BOM + actionsToCsv(data.actions) },
    { path: 'csv/feedback.csv', content: BOM + feedbackToCsv(data.feedback) },
    { path: 'csv/customer-knowledge.csv', content: BOM + knowledgeToCsv(data.knowledge) },
    { path: 'csv/responsibilities.csv', content: BOM + responsibilitiesToCsv(data.responsibilities) },
    { path: 'csv/digests.csv', content: BOM + trailToCsv(data.entries, DIGEST_TYPES) },
    { path: 'csv/settings-and-roles-trail.csv', content: BOM + trailToCsv(data.entries, SETTINGS_TRAIL_TYPES) },
    { path: 'csv/roles.csv', content: BOM + rolesToCsv(data.roles) },
    { path: 'evidence/evidence.csv', content: BOM + evidenceToCsv(data.entries) },
    { path: 'evidence/entries.jsonl', content: jsonl(data.entries.map(entryLine)) },
    { path: 'evidence/seals.jsonl', content: jsonl(data.seals.map((seal) => JSON.stringify(seal))) },
    {
      path: 'evidence/sealed-outside-period.jsonl',
      content: jsonl(data.sealedElsewhere.map((e) => JSON.stringify({ seq: e.seq, hash: e.hash }))),
    },
    { path: VERIFIER_FILE, content: VERIFIER_SCRIPT },
    { path: 'VERIFY.md', content: verifyInstructions(data) },
  ];
  const summaryPath = 'summary.html';
  const listed = [summaryPath, ...content.map((file) => file.path), 'manifest.json', 'SHA256SUMS'];
  const files: PackFile[] = [{ path: summaryPath, content: renderSummaryHtml(data, listed) }, ...content];

  const seal = data.verification.latestSeal;
  const manifest = {
    format: PACK_FORMAT,
    version: 1,
    workspace: { id: data.workspace.id, name: data.workspace.name },
    period: { from: data.period.from, to: data.period.to, timeZone: data.workspace.settings.timeZone },
    generatedAt: data.generatedAt,
    generatedBy: data.generatedBy,
    latestSeal: seal ? { number: seal.number, hash: seal.hash, at: seal.at, toSeq: seal.toSeq } : null,
    verification: verdictSentence(data.verification, data.workspace.settings.timeZone),
    counts: {
      requirements: data.requirements.length,
      reviews: data.reviews.length,
      decisionChecks: data.checks.length,
      answers: data.answers.length,
      followUpActions: data.actions.length,
      feedback: data.feedback.length,
      customerKnowledge: data.knowledge.length,
      responsibilities: data.responsibilities.filter((row) => row.responsibility).length,
      evidenceEntries: data.entries.length,
      seals: data.seals.length,
    },
    files: files.map((file) => ({ path: file.path, bytes: Buffer.byteLength(file.content, 'utf8'), sha256: sha256(file.content) })),
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const all = [...files, { path: 'manifest.json', content: manifestText }];
  // sha256sum's own format: hash, two spaces, path.
  const sums = all.map((file) => `${sha256(file.content)}  ${file.path}\n`).join('');
  return { name, files: [...all, { path: 'SHA256SUMS', content: sums }], manifestSha256: sha256(manifestText) };
}
