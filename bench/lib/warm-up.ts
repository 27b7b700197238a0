/**
 * How long each side is loaded, per kind of request, before anything is measured. V8 compiles a
 * function with its optimising compiler only after it has run many times, and until then the
 * work costs more CPU: measured on 2026-12-07 (our bot, `/requirement add` at 300 a second,
 * slices of 4 s after 2 s at 100 a second) 4.30, 3.43 and then 3.15 ms of CPU per request. A
 * warm-up of a hundred requests left that cost in the first row measured and not in the others,
 * so the first row (the add at 200 a second) looked dearer than the same request at 500.
 */
/**
 * Seconds each kind is sent for, at a rate the suite measures at: 6 s (`--quick`) or 10 s, so
 * 1,200 or 2,000 requests at 200 a second.
 */
export const warmUpSeconds = (quick: boolean): number => (quick ? 6 : 10);
