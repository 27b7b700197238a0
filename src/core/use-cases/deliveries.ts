/**
 * At most once per delivery: a platform request that can be sent again (a replayed Slack slash
 * command or button click, signed and still fresh) is acted on only the first time its id is seen,
 * by any instance. The claim expires after `ttlMs`, once the platform itself would refuse the
 * request as stale, so the store does not grow with every request ever made.
 */
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';

/** Platform ids are short; anything longer is not one and must not become a storage key. */
const DELIVERY_ID = /^[\x21-\x7e]{1,255}$/;

/**
 * True for the first delivery of `deliveryId` from `source` (e.g. `slack`), false for every later
 * one within `ttlMs`. Atomic across instances.
 */
export async function firstDelivery(deps: Pick<CoreDeps, 'claims'>, source: string, deliveryId: string, ttlMs: number): Promise<boolean> {
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(source) || !DELIVERY_ID.test(deliveryId)) {
    throw new DomainError('input.invalid', 'This request carries no id I can recognise, so I did not act on it.');
  }
  if (!Number.isFinite(ttlMs) || ttlMs <= 0) throw new Error(`A delivery claim needs a positive lifetime, not ${ttlMs} ms.`);
  return deps.claims.claim(`delivery:${source}:${deliveryId}`, 'first', ttlMs);
}
