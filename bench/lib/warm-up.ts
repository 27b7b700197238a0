/**
 * How long each side is loaded, per kind of request, before anything is measured. V8 compiles a
 * function with its optimising compiler only after it has run many times, and until then the
 * work costs more CPU: measured on 2026-12-07 (our bot, `/requirement add` at 300 a second,
 * slices of 4 s after 2 s at 100 a second) 4.30, 3.43 and then 3.15 ms of CPU per request. A
 * warm-up of a hundred requests left that cost in the first row measured and not in the others,
 * so the first row (the add at 200 a second) looked dearer than the same request at 500.
 */
export interface WarmUp {
  readonly rate: number;
  readonly seconds: number;
}

/** Each kind is sent at `rate` (one the suite measures at) for 6 s (`--quick`) or 10 s: at 200 a second, 1,200 or 2,000 requests. */
export const warmUp = (quick: boolean, rate: number): WarmUp => ({ rate, seconds: quick ? 6 : 10 });
