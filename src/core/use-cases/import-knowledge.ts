/**
 * Imports a list of customer-knowledge documents (a spreadsheet export), in the style of the
 * requirements import: every row is checked first; refused rows are reported with their line and
 * reason; rows already recorded (same kind, title and date) are skipped, so a second run adds nothing.
 */
import type { Fields, KnowledgeField } from '../commands/grammar.js';
import type { KnowledgeRecord } from '../domain/knowledge.js';
import { knowledgeValues } from '../domain/knowledge-input.js';
import type { Actor } from '../domain/shared.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from './access.js';
import { recordKnowledge, requireRequirementsExist, workspaceToday } from './knowledge.js';

export interface KnowledgeImportRow {
  /** Line in the file, for the report. */
  readonly line: number;
  readonly fields: Fields<KnowledgeField>;
}

export interface KnowledgeImportReport {
  readonly imported: KnowledgeRecord[];
  readonly rejected: { line: number; reason: string }[];
  readonly skipped: { line: number; reason: string }[];
}

const sameKey = (kind: string, title: string, date: string) => `${kind}\u0000${title.trim().toLowerCase()}\u0000${date}`;

export async function importKnowledge(
  deps: CoreDeps,
  actor: Actor,
  rows: readonly KnowledgeImportRow[],
  options: { dryRun?: boolean } = {},
): Promise<KnowledgeImportReport> {
  await requirePermission(deps, actor, 'knowledge.record');
  const today = await workspaceToday(deps, actor.workspaceId);
  const existing = new Map((await deps.knowledge.list(actor.workspaceId)).map((r) => [sameKey(r.kind, r.title, r.date), r.id]));
  const rejected: KnowledgeImportReport['rejected'] = [];
  const skipped: KnowledgeImportReport['skipped'] = [];
  const accepted: KnowledgeImportRow[] = [];
  for (const row of rows) {
    try {
      const values = knowledgeValues(row.fields, actor, today, { ownerDefaultsToActor: false });
      await requireRequirementsExist(deps, actor.workspaceId, values.requirementIds);
      const key = sameKey(values.kind, values.title, values.date);
      const already = existing.get(key);
      if (already) {
        skipped.push({ line: row.line, reason: `already recorded as ${already}` });
        continue;
      }
      existing.set(key, `line ${row.line}`);
      accepted.push(row);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      rejected.push({ line: row.line, reason: error.message });
    }
  }
  const imported: KnowledgeRecord[] = [];
  if (options.dryRun) return { imported, rejected, skipped };
  for (const row of accepted) {
    // A row without a date means "today" at the moment of import, the same day it was checked.
    imported.push(await recordKnowledge(deps, actor, { ...row.fields, date: row.fields.date ?? today }, { ownerDefaultsToActor: false }));
  }
  return { imported, rejected, skipped };
}
