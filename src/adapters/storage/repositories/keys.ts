/**
 * Every key and index name the repositories use, in one place. All of a workspace's data lives
 * under `ws:<workspaceId>:` so that it can be exported or purged as a whole.
 */
import type { WorkspaceId } from '../../../core/domain/shared.js';

export const workspacePrefix = (ws: WorkspaceId): string => `ws:${ws}:`;

export const keys = {
  workspacesIndex: 'workspaces',
  workspace: (ws: WorkspaceId) => `ws:${ws}:workspace`,
  role: (ws: WorkspaceId, userId: string) => `ws:${ws}:role:${userId}`,
  rolesIndex: (ws: WorkspaceId) => `ws:${ws}:roles`,
  roleIndex: (ws: WorkspaceId, role: string) => `ws:${ws}:roles.${role}`,
  requirementCounter: (ws: WorkspaceId) => `ws:${ws}:req`,
  requirement: (ws: WorkspaceId, id: string) => `ws:${ws}:req:${id}`,
  requirementsByNumber: (ws: WorkspaceId) => `ws:${ws}:req.number`,
  requirementsByReview: (ws: WorkspaceId) => `ws:${ws}:req.review`,
  /** Requirements whose duplicate key hashes to `keyHash`, by number; a stale member is filtered on read. */
  requirementsByStatement: (ws: WorkspaceId, keyHash: string) => `ws:${ws}:req.statement:${keyHash}`,
  /** Present once every requirement of the workspace is in the statement index (older stores are indexed on first use). */
  requirementStatementsIndexed: (ws: WorkspaceId) => `ws:${ws}:req.statement-indexed`,
  review: (ws: WorkspaceId, requirementId: string, id: string) => `ws:${ws}:review:${requirementId}:${id}`,
  reviewsOf: (ws: WorkspaceId, requirementId: string) => `ws:${ws}:req.reviews:${requirementId}`,
  check: (ws: WorkspaceId, id: string) => `ws:${ws}:check:${id}`,
  checksByStart: (ws: WorkspaceId) => `ws:${ws}:check.started`,
  checksByNumber: (ws: WorkspaceId) => `ws:${ws}:check.number`,
  answer: (ws: WorkspaceId, checkId: string, id: string) => `ws:${ws}:answer:${checkId}:${id}`,
  answersOf: (ws: WorkspaceId, checkId: string) => `ws:${ws}:check.answers:${checkId}`,
  action: (ws: WorkspaceId, id: string) => `ws:${ws}:action:${id}`,
  openActions: (ws: WorkspaceId) => `ws:${ws}:action.open`,
  feedback: (ws: WorkspaceId, id: string) => `ws:${ws}:feedback:${id}`,
  feedbackByReceipt: (ws: WorkspaceId) => `ws:${ws}:feedback.received`,
  knowledgeCounter: (ws: WorkspaceId) => `ws:${ws}:knowledge`,
  knowledge: (ws: WorkspaceId, id: string) => `ws:${ws}:knowledge:${id}`,
  knowledgeByNumber: (ws: WorkspaceId) => `ws:${ws}:knowledge.number`,
  responsibility: (ws: WorkspaceId, area: string) => `ws:${ws}:responsible:${area}`,
  channelDetection: (ws: WorkspaceId, channelId: string) => `ws:${ws}:channel:${channelId}:detection`,
  channelSnooze: (ws: WorkspaceId, channelId: string) => `ws:${ws}:channel:${channelId}:snooze`,
  evidenceCounter: (ws: WorkspaceId) => `ws:${ws}:ev`,
  evidence: (ws: WorkspaceId, seq: number) => `ws:${ws}:ev:${seq}`,
  evidenceByTime: (ws: WorkspaceId) => `ws:${ws}:ev.at`,
  // The evidence log's seals: the head (latest seal, the compare-and-set point), one immutable
  // record per seal, and the claim that decides who writes the first seal.
  sealHead: (ws: WorkspaceId) => `ws:${ws}:seal.head`,
  seal: (ws: WorkspaceId, number: number) => `ws:${ws}:seal:${number}`,
  sealGenesis: (ws: WorkspaceId) => `ws:${ws}:seal.genesis`,
  /** Up to when snapshot retention has been applied. */
  retentionMark: (ws: WorkspaceId) => `ws:${ws}:retention`,
  /** Permanent claim: the signed link is revoked (written by src/core/links/signed-links.ts). */
  linkRevoked: (ws: WorkspaceId, linkId: string) => `ws:${ws}:link-revoked:${linkId}`,
};

/** Scores are numbers: instants as epoch ms, calendar dates as days since 1970. */
export const dayNumber = (isoDate: string): number => Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
export const instant = (iso: string): number => Date.parse(iso);
/** Score for "no date": after every real date. */
export const NO_DATE = 1e9;
export const EVERYTHING = { min: Number.NEGATIVE_INFINITY, max: Number.POSITIVE_INFINITY } as const;

/** Reads the records an index points at, skipping any whose write never completed. */
export async function loadAll<T>(
  records: { getMany<V>(keys: readonly string[]): Promise<(V | undefined)[]> },
  recordKeys: string[],
): Promise<T[]> {
  if (recordKeys.length === 0) return [];
  const values = await records.getMany<T>(recordKeys);
  return values.filter((value): value is T => value !== undefined);
}
