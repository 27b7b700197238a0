/** Every benchmark suite, in the order `npm run bench` runs them. */
import { slackAck } from './slack-ack.js';
import { detector } from './detector.js';
import { memoryStartup } from './memory-startup.js';
import { teamsAck } from './teams-ack.js';
import { history } from './history.js';
import { cores } from './cores.js';
import { roundTrips } from './round-trips.js';
import type { Suite } from './suite.js';

export const SUITES: readonly Suite[] = [slackAck, teamsAck, roundTrips, cores, memoryStartup, detector, history];
