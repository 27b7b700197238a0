import type { EvidenceDraft, EvidenceEntry, EvidenceType, JsonValue } from '../domain/evidence.js';
import type { Actor, PersonRef } from '../domain/shared.js';
import type { CoreDeps } from '../ports.js';

export interface EvidenceFacts {
  readonly type: EvidenceType;
  readonly subject: { readonly kind: string; readonly id: string };
  readonly data: { readonly [key: string]: JsonValue };
  /** Personal and free-text fields; undefined values are left out. */
  readonly personal?: { readonly [key: string]: string | undefined };
}

/** Appends one evidence entry for what `actor` just did. Called after the record itself is saved. */
export async function recordEvidence(
  deps: Pick<CoreDeps, 'evidence'>,
  actor: Pick<Actor, 'id' | 'name' | 'workspaceId'>,
  at: Date,
  facts: EvidenceFacts,
): Promise<EvidenceEntry> {
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
  return deps.evidence.append(draft);
}

/** A person as evidence data: the id is a fact; the name goes to the personal fields. */
export const personId = (person: PersonRef | undefined): string | null => person?.id ?? null;
