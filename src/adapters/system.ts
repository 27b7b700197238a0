/** The real clock and id generator behind the core's Clock and IdGenerator ports. */
import { randomUUID } from 'node:crypto';
import type { Clock, IdGenerator } from '../core/ports.js';

export const systemClock: Clock = { now: () => new Date() };

export const randomIds: IdGenerator = { newId: () => randomUUID() };
