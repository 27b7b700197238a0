/** Builds every repository the core needs over one opened backend. */
import type { CoreDeps } from '../../../core/ports.js';
import type { Backend } from '../primitives.js';
import { KeyvChannelSettingsRepository } from './channel-settings-repository.js';
import { KeyvActionRepository, KeyvDecisionCheckRepository } from './decision-check-repository.js';
import { KeyvEvidenceLog } from './evidence-log.js';
import { KeyvFeedbackRepository } from './feedback-repository.js';
import { KeyvKnowledgeRepository } from './knowledge-repository.js';
import { KeyvResponsibilityRepository } from './responsibility-repository.js';
import { KeyvPrivacyStore } from './privacy-store.js';
import { KeyvRequirementRepository } from './requirement-repository.js';
import { KeyvRoleRepository } from './role-repository.js';
import { KeyvSealLog } from './seal-log.js';
import { KeyvUnitOfWork } from './unit-of-work.js';
import { KeyvWorkspaceRepository } from './workspace-repository.js';

export type Repositories = Pick<
  CoreDeps,
  | 'workspaces'
  | 'roles'
  | 'requirements'
  | 'checks'
  | 'actions'
  | 'feedback'
  | 'knowledge'
  | 'responsibilities'
  | 'evidence'
  | 'unitOfWork'
  | 'channels'
  | 'claims'
  | 'counters'
  | 'seals'
  | 'privacy'
>;

export function createRepositories(backend: Backend): Repositories {
  return {
    workspaces: new KeyvWorkspaceRepository(backend),
    roles: new KeyvRoleRepository(backend),
    requirements: new KeyvRequirementRepository(backend),
    checks: new KeyvDecisionCheckRepository(backend),
    actions: new KeyvActionRepository(backend),
    feedback: new KeyvFeedbackRepository(backend),
    knowledge: new KeyvKnowledgeRepository(backend),
    responsibilities: new KeyvResponsibilityRepository(backend),
    evidence: new KeyvEvidenceLog(backend),
    unitOfWork: new KeyvUnitOfWork(backend),
    seals: new KeyvSealLog(backend),
    privacy: new KeyvPrivacyStore(backend),
    channels: new KeyvChannelSettingsRepository(backend),
    // The backend's claims serve the core directly: same contract, namespaced keys.
    claims: backend.claims,
    counters: backend.counters,
  };
}
