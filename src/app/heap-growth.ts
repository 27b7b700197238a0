/**
 * How far V8 lets the heap grow past what is alive before its next full collection. Left to
 * itself, a server that allocates fast (hundreds of requests a second) gets up to four times its
 * live heap: about 40 MB alive became 150–200 MB of old space under the `slack-ack` load, and the
 * resident memory stayed there after it (issue 17). Growing by half instead keeps the heap within
 * about 1.5 times what is alive, at the price of more frequent full collections, which V8 does
 * mostly off the event loop (`npm run bench` measures both sides).
 *
 * Set at run time because Node refuses the flag in NODE_OPTIONS; V8 reads it at every collection.
 * An operator's own `node --heap-growing-percent=N …` wins.
 */
import { setFlagsFromString } from 'node:v8';

const FLAG = '--heap-growing-percent';
/** The heap may grow to (1 + this / 100) times its live size before a full collection. */
export const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(
  execArgv: readonly string[] = process.execArgv,
  setFlag: (flag: string) => void = setFlagsFromString,
): void {
  const chosenByOperator = execArgv.some((arg) => arg.replaceAll('_', '-').startsWith(FLAG));
  if (!chosenByOperator) setFlag(`${FLAG}=${HEAP_GROWING_PERCENT}`);
}
