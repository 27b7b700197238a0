/**
 * Expired claims are removed as claims are made, so the claims kept stay about as many as are
 * alive. Every Slack command and click leaves a claim that lives fifteen minutes (its replay
 * guard), every decision prompt a lease: a store that only ever marked them expired would keep a
 * row for every request ever made. Redis expires its keys itself; SQL and memory need this.
 *
 * The work is spread over the claims themselves: after every SWEEP_EVERY claims with a lifetime,
 * a store removes up to SWEEP_AT_MOST expired ones, so it removes up to twice as many as it makes,
 * each step bounded, and a burst of traffic never meets one long clean-up.
 */
export const SWEEP_EVERY = 32;
export const SWEEP_AT_MOST = 2 * SWEEP_EVERY;

/** Counts the claims made with a lifetime; true on each one after which expired claims are swept. */
export function sweepSchedule(): (ttl: number) => boolean {
  let made = 0;
  return (ttl) => {
    if (ttl <= 0) return false;
    made = (made + 1) % SWEEP_EVERY;
    return made === 0;
  };
}
