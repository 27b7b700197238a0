/**
 * Platforms may deliver the same request again, to the same or another instance (Teams redelivers
 * a turn that failed or timed out). A delivery runs under a short lease, and a finished one is
 * remembered for a week, so a redelivery records nothing twice; one that failed lets go of its
 * lease, so the redelivery can do the work.
 */
import { sha256 } from '../domain/evidence.js';
import type { Claims } from '../ports.js';

const LEASE_MS = 2 * 60 * 1000;
const REMEMBER_MS = 7 * 24 * 60 * 60 * 1000;

export async function onceForDelivery(
  claims: Claims,
  instanceId: string,
  workspaceId: string,
  deliveryId: string,
  work: () => Promise<void>,
): Promise<'handled' | 'duplicate'> {
  const key = `ws:${workspaceId}:delivery:${sha256(deliveryId).slice(0, 40)}`;
  if (await claims.holder(`${key}:done`)) return 'duplicate';
  const lease = `${instanceId}:${deliveryId.slice(0, 80)}`;
  if (!(await claims.claim(`${key}:lease`, lease, LEASE_MS))) return 'duplicate';
  try {
    if (await claims.holder(`${key}:done`)) return 'duplicate';
    await work();
    await claims.claim(`${key}:done`, lease, REMEMBER_MS);
    return 'handled';
  } finally {
    await claims.release(`${key}:lease`, lease);
  }
}
