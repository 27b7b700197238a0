/**
 * The digests that reported a requirement's reviews: the last link of the chain source →
 * requirement → review → digest. A `digest.sent` entry names the reviews it reported
 * (`reviewIds`); a manager's `digest.reviewed` entry says management reviewed it (9.3.2).
 */
import type { EvidenceEntry } from '../domain/evidence.js';
import type { RequirementReview } from '../domain/requirement.js';
import type { CoreDeps } from '../ports.js';

/** A review is reported by the digest of its week; catch-up digests may come a little later. */
const REPORTED_WITHIN_MS = 42 * 86_400_000;

export interface DigestReport {
  readonly digestId: string;
  readonly sentAt: string;
  /** When management first marked the digest reviewed, if it has. */
  readonly reviewedAt?: string;
}

const reviewIdsOf = (entry: EvidenceEntry): readonly unknown[] => (Array.isArray(entry.data.reviewIds) ? entry.data.reviewIds : []);

/** For each review, the digests whose evidence says they reported it, oldest first. */
export async function digestsReporting(
  deps: Pick<CoreDeps, 'evidence'>,
  workspaceId: string,
  reviews: readonly RequirementReview[],
): Promise<Map<string, DigestReport[]>> {
  const reports = new Map<string, DigestReport[]>();
  for (const review of reviews) {
    const from = new Date(review.at);
    const entries = await deps.evidence.listBetween(workspaceId, { from, to: new Date(from.getTime() + REPORTED_WITHIN_MS) });
    const reviewedAt = new Map<string, string>();
    for (const entry of entries) {
      if (entry.type === 'digest.reviewed' && !reviewedAt.has(entry.subject.id)) reviewedAt.set(entry.subject.id, entry.at);
    }
    const found = entries
      .filter((entry) => entry.type === 'digest.sent' && reviewIdsOf(entry).includes(review.id))
      .map((entry): DigestReport => {
        const reviewed = reviewedAt.get(entry.subject.id);
        return { digestId: entry.subject.id, sentAt: entry.at, ...(reviewed ? { reviewedAt: reviewed } : {}) };
      });
    if (found.length) reports.set(review.id, found);
  }
  return reports;
}
