/**
 * The dashboard's tables as CSV, in the product's one format (csv.ts). Requirements and evidence
 * use the register's and the log's export columns (exports.ts), so a download from the dashboard
 * reads like one from the command line; checks, actions and feedback have their columns here.
 */
import { toCsv } from '../csv.js';
import type { DecisionCheck } from '../domain/decision-check.js';
import type { CustomerFeedback } from '../domain/feedback.js';
import { personLabel } from '../domain/person.js';
import { evidenceToCsv, requirementsToCsv } from '../exports.js';
import type { CoreDeps } from '../ports.js';
import {
  type ActionRow,
  type RawFilter,
  type TableName,
  answerSummaries,
  queryActions,
  queryChecks,
  queryEvidence,
  queryFeedback,
  queryRequirements,
} from './tables.js';
import { type DashboardViewer, requireViewerPermission } from './viewer.js';
import { recordEvidence } from '../use-cases/record-evidence.js';
import { knowledgeToCsv } from '../audit/pack-tables.js';
import { queryKnowledge } from './knowledge-table.js';

export const CHECK_COLUMNS = [
  'id',
  'started_at',
  'status',
  'origin',
  'decision',
  'platform',
  'channel_id',
  'channel_name',
  'decided_by',
  'started_by',
  'answers',
  'positive',
  'negative',
  'no_impact',
  'not_sure',
  'permalink',
];
export const ACTION_COLUMNS = [
  'id',
  'description',
  'owner',
  'owner_id',
  'due_on',
  'overdue',
  'status',
  'check_id',
  'created_at',
  'created_by',
];
export const FEEDBACK_COLUMNS = [
  'id',
  'received_at',
  'customer',
  'kind',
  'sentiment',
  'summary',
  'requirements',
  'source_link',
  'recorded_at',
  'recorded_by',
];

async function checksToCsv(deps: CoreDeps, workspaceId: string, checks: readonly DecisionCheck[]): Promise<string> {
  const summaries = await answerSummaries(deps, workspaceId, checks);
  return toCsv(
    CHECK_COLUMNS,
    checks.map((check) => {
      const summary = summaries.get(check.id);
      return [
        check.id,
        check.startedAt,
        check.status,
        check.origin,
        check.text,
        check.place.platform,
        check.place.channelId,
        check.place.channelName,
        personLabel(check.decidedBy),
        personLabel(check.startedBy),
        summary?.answers ?? 0,
        summary?.byImpact.positive ?? 0,
        summary?.byImpact.negative ?? 0,
        summary?.byImpact.none ?? 0,
        summary?.byImpact.unknown ?? 0,
        check.place.permalink,
      ];
    }),
  );
}

const actionsToCsv = (rows: readonly ActionRow[]): string =>
  toCsv(
    ACTION_COLUMNS,
    rows.map(({ action, overdue }) => [
      action.id,
      action.description,
      action.owner?.name ?? action.owner?.id,
      action.owner?.id,
      action.dueOn,
      overdue,
      action.status,
      action.checkId,
      action.createdAt,
      personLabel(action.createdBy),
    ]),
  );

const feedbackToCsv = (rows: readonly CustomerFeedback[]): string =>
  toCsv(
    FEEDBACK_COLUMNS,
    rows.map((item) => [
      item.id,
      item.receivedAt,
      item.customer,
      item.kind,
      item.sentiment,
      item.summary,
      item.requirementIds.join(' '),
      item.sourceLink,
      item.recordedAt,
      personLabel(item.recordedBy),
    ]),
  );

export interface TableDownload {
  readonly csv: string;
  readonly rows: number;
  /** A file name that says what and when: `requirements-2026-11-24.csv`. */
  readonly fileName: string;
}

/**
 * Every row of one table that matches the filter, as CSV. Downloading evidence is an export, so it
 * needs the export permission and is itself recorded as evidence (who, which days, how many).
 */
export async function downloadTable(
  deps: CoreDeps,
  viewer: DashboardViewer & { readonly linkId: string; readonly issuedTo: string },
  table: TableName,
  raw: RawFilter,
): Promise<TableDownload> {
  const day = deps.clock.now().toISOString().slice(0, 10);
  const named = (csv: string, rows: number, suffix = day): TableDownload => ({ csv, rows, fileName: `${table}-${suffix}.csv` });
  switch (table) {
    case 'requirements': {
      const { rows } = await queryRequirements(deps, viewer, raw);
      return named(requirementsToCsv(rows), rows.length);
    }
    case 'knowledge': {
      const { rows } = await queryKnowledge(deps, viewer, raw);
      return named(knowledgeToCsv(rows.map((row) => ({ ...row.record, requirementIds: row.requirementIds }))), rows.length);
    }
    case 'checks': {
      const { rows } = await queryChecks(deps, viewer, raw);
      return named(await checksToCsv(deps, viewer.workspaceId, rows), rows.length);
    }
    case 'actions': {
      const { rows } = await queryActions(deps, viewer, raw);
      return named(actionsToCsv(rows), rows.length);
    }
    case 'feedback': {
      const { rows } = await queryFeedback(deps, viewer, raw);
      return named(feedbackToCsv(rows), rows.length);
    }
    case 'evidence': {
      requireViewerPermission(viewer, 'evidence.export');
      const { filter, rows } = await queryEvidence(deps, viewer, raw);
      const inOrder = [...rows].reverse();
      await recordEvidence(deps, { id: viewer.issuedTo, workspaceId: viewer.workspaceId }, deps.clock.now(), {
        type: 'evidence.exported',
        subject: { kind: 'evidence', id: `${filter.window.from}..${filter.window.to}` },
        data: {
          from: filter.window.from,
          to: filter.window.to,
          entries: rows.length,
          type: filter.type ?? null,
          searched: filter.q !== undefined,
          via: 'dashboard',
          linkId: viewer.linkId,
        },
      });
      return named(evidenceToCsv(inOrder), rows.length, `${filter.window.from}-to-${filter.window.to}`);
    }
  }
}
