/**
 * node-cron's run coordinator over the store's atomic claims (Redis `SET NX PX`, SQL
 * `INSERT … ON CONFLICT`): of all instances whose ticker fires for a slot, the one that claims it
 * runs it. Claims are never released early: a lagging clock could otherwise claim the slot again.
 *
 * node-cron names each slot `<task>:<ISO time>`. Claims are kept per second of the hour
 * (`<task>:<0–3599>`) instead, with a lease far shorter than an hour: a slot's claim has expired
 * long before the same second comes round again, and a SQL store keeps at most 3,600 rows per
 * task rather than one row per tick for ever.
 */
import type { RunCoordinator } from 'node-cron';

export function slotClaimKey(key: string): string {
  const split = key.indexOf(':');
  const slot = Date.parse(key.slice(split + 1));
  if (split < 0 || Number.isNaN(slot)) return key;
  return `${key.slice(0, split)}:${Math.floor(slot / 1000) % 3600}`;
}

/** Claims a slot for good or for `ttlMs` (the core prefixes and stores it); true when this call won. */
export type ClaimSlot = (slot: string, owner: string, ttlMs: number) => Promise<boolean>;

/** The most a lease may be and still expire before its key comes round again. */
const MAX_LEASE_MS = 30 * 60_000;

export function claimsRunCoordinator(claimSlot: ClaimSlot, owner: string): RunCoordinator {
  return {
    shouldRun: (key, ttlMs) => claimSlot(slotClaimKey(key), owner, Math.min(Math.max(ttlMs, 1_000), MAX_LEASE_MS)),
  };
}
