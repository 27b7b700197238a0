/**
 * Imports an existing register (a spreadsheet export). Every row is checked first; rows that are
 * refused are reported with their line and reason, and rows already in the register (same
 * statement and customer as a live requirement) are skipped, so running the same import twice adds nothing.
 */
import type { Fields, RequirementField } from '../domain/input-fields.js';
import { REQUIREMENT_STATUSES, type Requirement } from '../domain/requirement.js';
import { requirementValuesForCreate } from '../domain/requirement-input.js';
import type { Actor } from '../domain/shared.js';
import { oneOf } from '../domain/text.js';
import { DomainError } from '../errors.js';
import { dateInZone } from '../domain/dates.js';
import { requirePermission } from './access.js';
import { duplicateKey, liveRequirementsByKey } from './duplicates.js';
import { workspaceTimeZone } from './workspaces.js';
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

export async function importRequirements(
  deps: RequirementDeps,
  actor: Actor,
  rows: readonly ImportRow[],
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  await requirePermission(deps, actor, 'requirement.record');
  const today = dateInZone(deps.clock.now(), await workspaceTimeZone(deps, actor.workspaceId));
  // Only live requirements count as "already there": a skipped row points at one still in force.
  const existing = new Map(
    [...liveRequirementsByKey(await deps.requirements.list(actor.workspaceId))].map(([key, requirement]) => [key, requirement.id]),
  );
  const rejected: ImportReport['rejected'] = [];
  const skipped: ImportReport['skipped'] = [];
  const accepted: { row: ImportRow; status?: string }[] = [];
  for (const row of rows) {
    try {
      const values = requirementValuesForCreate(row.fields, actor, today);
      const status = row.fields.status?.trim() ? oneOf(row.fields.status, REQUIREMENT_STATUSES, 'status') : undefined;
      const key = duplicateKey(values.statement, values.customer);
      const already = existing.get(key);
      if (already) {
        skipped.push({ line: row.line, reason: `already in the register as ${already}` });
        continue;
      }
      // A row recorded as retired is no live requirement, so it does not make later rows duplicates.
      if (status !== 'retired') existing.set(key, `line ${row.line}`);
      accepted.push({ row, ...(status && status !== 'open' ? { status } : {}) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      rejected.push({ line: row.line, reason: error.message });
    }
  }
  const imported: Requirement[] = [];
  if (options.dryRun) return { imported, rejected, skipped };
  for (const { row, status } of accepted) {
    // Duplicates were sorted out above, once for the whole file.
    let requirement = await addRequirement(deps, actor, row.fields, { allowDuplicate: true });
    if (status) {
      const outcome = status === 'retired' ? 'retire' : status;
      requirement = (await reviewRequirement(deps, actor, requirement.id, outcome, 'Status as imported')).requirement;
    }
    imported.push(requirement);
  }
  return { imported, rejected, skipped };
}
