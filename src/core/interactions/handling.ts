/** One interaction being handled: who acts, through which surface, and how far it has got. */
import type { Actor } from '../domain/shared.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';
import type { CoreLog, Progress } from './failures.js';
import type { Surface } from './surface.js';

export interface Handling {
  /** The core's ports, watched: any evidence written marks the interaction as saved. */
  readonly deps: CoreDeps;
  readonly actor: Actor;
  readonly surface: Surface;
  readonly log: CoreLog;
  /** "saved" once anything was committed, so a later failure is never reported as "not saved". */
  progress: Progress;
}

export function startHandling(deps: CoreDeps, actor: Actor, surface: Surface, log: CoreLog): Handling {
  const handling: Handling = { deps, actor, surface, log, progress: 'nothing-written' };
  // Every write is committed together with its evidence entry, so an evidence entry that went
  // through is exactly "something was saved".
  const evidence = deps.evidence;
  const unitOfWork = deps.unitOfWork;
  const watched: CoreDeps = {
    ...deps,
    unitOfWork: {
      run: async (work) => {
        let committed;
        try {
          committed = await unitOfWork.run(work);
        } catch (error) {
          // A refusal writes nothing; a store failure during a commit may have been applied.
          if (!(error instanceof DomainError) && handling.progress !== 'saved') handling.progress = 'unknown';
          throw error;
        }
        if (committed.evidence.length > 0) handling.progress = 'saved';
        return committed;
      },
    },
    evidence: Object.assign(Object.create(evidence) as typeof evidence, {
      append: async (draft: Parameters<typeof evidence.append>[0]) => {
        const entry = await evidence.append(draft);
        handling.progress = 'saved';
        return entry;
      },
    }),
  };
  return Object.assign(handling, { deps: watched });
}
