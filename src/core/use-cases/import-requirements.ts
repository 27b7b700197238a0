/**
 * Imports an existing register (a spreadsheet export). Every row is checked first; rows that are
 * refused are reported with their line and reason, and rows already in the register (same
 * statement and customer) are skipped, so running the same import twice adds nothing.
 */
import type { Fields, RequirementField } from '../domain/input-fields.js';
import { REQUIREMENT_STATUSES, type Requirement } from '../domain/requirement.js';
import { requirementValuesForCreate } from '../domain/requirement-input.js';
import type { Actor } from '../domain/shared.js';
import { oneOf } from '../domain/text.js';
import { DomainError } from '../errors.js';
import { requirePermission } from './access.js';
import { type RequirementDeps, addRequirement, reviewRequirement } from './requirements.js';

export interface ImportRow {
  /** Line in the file, for the report. */
  readonly line: number;
  readonly fields: Fields<RequirementField> & { status?: string };
}

export interface ImportReport {
  readonly imported: Requirement[];
  readonly rejected: { line: number; reason: string }[];
  readonly skipped: { line: number; reason: string }[];
}

const sameKey = (statement: string, customer: string) => `${statement.trim().toLowerCase()}\u0000${customer.trim().toLowerCase()}`;

export async function importRequirements(
  deps: RequirementDeps,
  actor: Actor,
  rows: readonly ImportRow[],
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  await requirePermission(deps, actor, 'requirement.record');
  const existing = new Map((await deps.requirements.list(actor.workspaceId)).map((r) => [sameKey(r.statement, r.customer), r.id]));
  const rejected: ImportReport['rejected'] = [];
  const skipped: ImportReport['skipped'] = [];
  const accepted: { row: ImportRow; status?: string }[] = [];
  for (const row of rows) {
    try {
      const values = requirementValuesForCreate(row.fields, actor);
      const status = row.fields.status?.trim() ? oneOf(row.fields.status, REQUIREMENT_STATUSES, 'status') : undefined;
      const key = sameKey(values.statement, values.customer);
      const already = existing.get(key);
      if (already) {
        skipped.push({ line: row.line, reason: `already in the register as ${already}` });
        continue;
      }
      existing.set(key, `line ${row.line}`);
      accepted.push({ row, ...(status && status !== 'open' ? { status } : {}) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      rejected.push({ line: row.line, reason: error.message });
    }
  }
  const imported: Requirement[] = [];
  if (options.dryRun) return { imported, rejected, skipped };
  for (const { row, status } of accepted) {
    let requirement = await addRequirement(deps, actor, row.fields);
    if (status) {
      const outcome = status === 'retired' ? 'retire' : status;
      requirement = (await reviewRequirement(deps, actor, requirement.id, outcome, 'Status as imported')).requirement;
    }
    imported.push(requirement);
  }
  return { imported, rejected, skipped };
}
