import type { EvidenceDraft, EvidenceEntry, EvidenceType, JsonValue } from '../domain/evidence.js';
import type { Actor, PersonRef } from '../domain/shared.js';
import type { CoreDeps, Transaction } from '../ports.js';

export interface EvidenceFacts {
  readonly type: EvidenceType;
  readonly subject: { readonly kind: string; readonly id: string };
  readonly data: { readonly [key: string]: JsonValue };
  /** Personal and free-text fields; undefined values are left out. */
  readonly personal?: { readonly [key: string]: string | undefined };
}

type EvidenceActor = Pick<Actor, 'id' | 'name' | 'workspaceId'>;

/**
 * Appends one evidence entry on its own, for what `actor` just did when no record goes with it
 * (an export, a link issued). A record and its evidence go through `recordIn` in a unit of work.
 */
export async function recordEvidence(
  deps: Pick<CoreDeps, 'evidence'>,
  actor: EvidenceActor,
  at: Date,
  facts: EvidenceFacts,
): Promise<EvidenceEntry> {
  return deps.evidence.append(evidenceDraft(actor, at, facts));
}

/** Adds the evidence entry for what `actor` did to the unit of work `tx`: it is stored with the records, or not at all. */
export function recordIn(tx: Pick<Transaction, 'record'>, actor: EvidenceActor, at: Date, facts: EvidenceFacts): void {
  tx.record(evidenceDraft(actor, at, facts));
}

function evidenceDraft(actor: EvidenceActor, at: Date, facts: EvidenceFacts): EvidenceDraft {
  const personal: Record<string, string> = {};
  for (const [field, value] of Object.entries({ actorName: actor.name, ...facts.personal })) {
    if (value !== undefined && value !== '') personal[field] = value;
  }
  const draft: EvidenceDraft = {
    workspaceId: actor.workspaceId,
    type: facts.type,
    at: at.toISOString(),
    actorId: actor.id,
    subject: facts.subject,
    data: facts.data,
    personal,
  };
  return draft;
}

/** A person as evidence data: the id is a fact; the name goes to the personal fields. */
export const personId = (person: PersonRef | undefined): string | null => person?.id ?? null;
