/** Every benchmark suite, in the order `npm run bench` runs them. */
import { slackAck } from './slack-ack.js';
import type { Suite } from './suite.js';

export const SUITES: readonly Suite[] = [slackAck];
