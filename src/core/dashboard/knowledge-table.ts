/**
 * The dashboard's customer-knowledge table (ISO 9001 5.1.2) and the links between sources and
 * requirements both ways: each record with the requirements it informed, and each decision check
 * with the requirements that name it as their source.
 */
import { refOfCheck, type DecisionCheck } from '../domain/decision-check.js';
import { KNOWLEDGE_KINDS, type KnowledgeKind, type KnowledgeRecord } from '../domain/knowledge.js';
import { personLabel } from '../domain/person.js';
import type { WorkspaceId } from '../domain/shared.js';
import { MAX_SHORT_TEXT_LENGTH, cleanOptionalText, oneOf } from '../domain/text.js';
import type { CoreDeps } from '../ports.js';
import { requirementsInformedBy } from '../use-cases/knowledge.js';
import type { RawFilter } from './tables.js';
import { type DashboardViewer, requireViewerPermission } from './viewer.js';

export interface KnowledgeRow {
  readonly record: KnowledgeRecord;
  /** Requirements it informed, both ways round (named by the record, or naming it), in number order. */
  readonly requirementIds: readonly string[];
}

export interface KnowledgeFilter {
  readonly kind?: KnowledgeKind;
  readonly q?: string;
}

/** Every record, newest first, with the requirements it informed; filtered by kind and search. */
export async function queryKnowledge(
  deps: CoreDeps,
  viewer: DashboardViewer,
  raw: RawFilter,
): Promise<{ filter: KnowledgeFilter; rows: KnowledgeRow[] }> {
  requireViewerPermission(viewer, 'knowledge.read');
  const kind = raw.kind?.trim() && raw.kind.trim().toLowerCase() !== 'all' ? oneOf(raw.kind, KNOWLEDGE_KINDS, 'kind') : undefined;
  const q = cleanOptionalText(raw.q, { field: 'search', max: MAX_SHORT_TEXT_LENGTH })?.toLocaleLowerCase('en');
  const requirements = await deps.requirements.list(viewer.workspaceId);
  const rows = (await deps.knowledge.list(viewer.workspaceId))
    .map((record) => ({ record, requirementIds: requirementsInformedBy(record, requirements).map((r) => r.id) }))
    .filter(
      ({ record, requirementIds }) =>
        (!kind || record.kind === kind) &&
        (q === undefined ||
          [record.id, record.title, record.customers, record.summary, record.fileName, personLabel(record.owner), ...requirementIds].some(
            (text) => typeof text === 'string' && text.toLocaleLowerCase('en').includes(q),
          )),
    )
    .sort((a, b) => b.record.date.localeCompare(a.record.date) || b.record.number - a.record.number);
  return { filter: { ...(kind ? { kind } : {}), ...(q ? { q } : {}) }, rows };
}

/** For the checks on one page: the requirements that name each as their source (`source:D-12`), by check id. */
export async function requirementsFromChecks(
  deps: Pick<CoreDeps, 'requirements'>,
  workspaceId: WorkspaceId,
  checks: readonly DecisionCheck[],
): Promise<Map<string, string[]>> {
  const byRef = new Map<string, string>();
  for (const check of checks) {
    const ref = refOfCheck(check);
    if (ref) byRef.set(ref, check.id);
  }
  const found = new Map<string, string[]>();
  if (byRef.size === 0) return found;
  for (const requirement of await deps.requirements.list(workspaceId)) {
    for (const ref of requirement.checkRefs ?? []) {
      const checkId = byRef.get(ref);
      if (checkId) found.set(checkId, [...(found.get(checkId) ?? []), requirement.id]);
    }
  }
  return found;
}
