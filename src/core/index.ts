/**
 * The core's public face: every use case bound to its ports, each returning a Result so that
 * adapters show expected failures (bad input, refusals, unknown ids) and let only bugs and
 * infrastructure errors escape as exceptions.
 */
import { type Command, parseCommand } from './commands/grammar.js';
import { type CommandContext, type CommandOutcome, executeCommand } from './commands/execute.js';
import type { Fields, ListField, RequirementField } from './commands/grammar.js';
import type { Actor, IsoDate, Platform, WorkspaceId } from './domain/shared.js';
import { type Result, captureDomainErrors } from './errors.js';
import type { CoreDeps } from './ports.js';
import { resolveRole } from './use-cases/access.js';
import { type AnswerInput, type StartCheckInput, answerCheck, closeAction, dismissCheck, startCheck } from './use-cases/decision-checks.js';
import { type FeedbackInput, recordFeedback } from './use-cases/feedback.js';
import { type ImportRow, importRequirements } from './use-cases/import-requirements.js';
import { type KnowledgeImportRow, importKnowledge } from './use-cases/import-knowledge.js';
import { listEvidence, listRequirements, showRequirement } from './use-cases/queries.js';
import { addRequirement, editRequirement, reviewRequirement } from './use-cases/requirements.js';
import { type FormOutcome, submitForm } from './forms/submit-form.js';
import type { FormKind, FormValues } from './forms/form.js';
import type { ConversationPlace } from './domain/decision-check.js';
import { handleInteraction } from './interactions/handle.js';
import { onceForDelivery } from './interactions/redelivery.js';
import { evidenceJobs, webViews } from './web-views.js';
import type { Interaction } from './interactions/interaction.js';
import type { Surface } from './interactions/surface.js';
import { type CoreLog, silentLog } from './interactions/failures.js';
import { homeFor } from './use-cases/home.js';
import { loadCheck } from './use-cases/decision-checks.js';
import { type SettingsChanges, changeSettings, ensureWorkspace, setRole } from './use-cases/workspaces.js';
import { markDigestReviewed, previewDigest, sendDigestNow } from './digest/on-demand.js';
import { type ReminderOptions, sendDueReminders } from './digest/reminders.js';
import { type ScheduledDigestOptions, runScheduledDigest } from './digest/scheduled-digest.js';
import { firstDelivery } from './use-cases/deliveries.js';

export function createCore(deps: CoreDeps, options: { readonly log?: CoreLog } = {}) {
  const log = options.log ?? silentLog;
  // A workspace is registered on its first interaction; remembered so it costs one read per process.
  const known = new Set<string>();
  const registerOnce = async (id: WorkspaceId, workspace: WorkspaceOnFirstContact): Promise<void> => {
    if (known.has(id)) return;
    await ensureWorkspace(deps, { id, platform: workspace.platform, name: workspace.name ?? id });
    known.add(id);
  };
  const guard =
    <A extends unknown[], T>(fn: (deps: CoreDeps, ...args: A) => Promise<T>) =>
    (...args: A): Promise<Result<T>> =>
      captureDomainErrors(() => fn(deps, ...args));

  return {
    deps,
    ensureWorkspace: (input: { id: WorkspaceId; platform: Platform; name: string }) => ensureWorkspace(deps, input),
    listWorkspaces: () => deps.workspaces.list(),
    /** The dashboard and audit-pack downloads (read-only, behind signed links). */
    web: webViews(deps),
    /** The evidence log's scheduled work (retention, seals). */
    evidenceJobs: evidenceJobs(deps),
    /**
     * node-cron's run coordination and the scheduler's own hourly slot: true when this instance
     * claimed the slot (atomic across instances).
     */
    claimSchedulerSlot: (slot: string, owner: string, ttlMs: number) => deps.claims.claim(`cron:${slot}`, owner, ttlMs),
    /** The core's clock: what "now" is for every record (a test clock in tests). */
    now: () => deps.clock.now(),
    roleOf: (actor: Actor) => resolveRole(deps, actor),
    /** Parses and runs a command line such as `requirement add …`. */
    runCommand: async (actor: Actor, text: string, context?: CommandContext): Promise<Result<CommandOutcome>> => {
      const parsed = parseCommand(text);
      if (!parsed.ok) return parsed;
      return captureDomainErrors(() => executeCommand(deps, actor, parsed.value, context));
    },
    runParsedCommand: guard((d, actor: Actor, command: Command, context?: CommandContext) => executeCommand(d, actor, command, context)),
    addRequirement: guard((d, actor: Actor, fields: Fields<RequirementField>) => addRequirement(d, actor, fields)),
    editRequirement: guard((d, actor: Actor, id: string, fields: Fields<RequirementField>) => editRequirement(d, actor, id, fields)),
    reviewRequirement: guard((d, actor: Actor, id: string, outcome: string, note?: string) =>
      reviewRequirement(d, actor, id, outcome, note),
    ),
    listRequirements: guard((d, actor: Actor, filter?: Fields<ListField>) => listRequirements(d, actor, filter)),
    showRequirement: guard((d, actor: Actor, id: string) => showRequirement(d, actor, id)),
    /** Requirements whose id or statement contains `query` (the searchable select in forms); at most 100. */
    suggestRequirements: async (actor: Actor, query: string) => {
      const wanted = query.trim().toLowerCase();
      const result = await captureDomainErrors(() => listRequirements(deps, actor));
      if (!result.ok) return [];
      return result.value
        .filter((r) => !wanted || r.id.toLowerCase().includes(wanted) || r.statement.toLowerCase().includes(wanted))
        .slice(0, 100);
    },
    startCheck: guard((d, actor: Actor, input: StartCheckInput) => startCheck(d, actor, input)),
    answerCheck: guard((d, actor: Actor, checkId: string, input: AnswerInput) => answerCheck(d, actor, checkId, input)),
    dismissCheck: guard((d, actor: Actor, checkId: string) => dismissCheck(d, actor, checkId)),
    closeAction: guard((d, actor: Actor, actionId: string, note?: string) => closeAction(d, actor, actionId, note)),
    recordFeedback: guard((d, actor: Actor, input: FeedbackInput) => recordFeedback(d, actor, input)),
    changeSettings: guard((d, actor: Actor, changes: SettingsChanges) => changeSettings(d, actor, changes)),
    setRole: guard((d, actor: Actor, person: string, role: string) => setRole(d, actor, person, role)),
    importKnowledge: guard((d, actor: Actor, rows: readonly KnowledgeImportRow[], options?: { dryRun?: boolean }) =>
      importKnowledge(d, actor, rows, options),
    ),
    importRequirements: guard((d, actor: Actor, rows: readonly ImportRow[], options?: { dryRun?: boolean }) =>
      importRequirements(d, actor, rows, options),
    ),
    /**
     * Everything a person does in chat, on every surface: the core decides what happens and asks
     * the surface for the platform calls (post, replace, reply, open a form).
     */
    handle: (actor: Actor, interaction: Interaction, surface: Surface, workspace?: WorkspaceOnFirstContact) =>
      handleInteraction(deps, log, actor, interaction, surface, workspace && (() => registerOnce(actor.workspaceId, workspace))),
    /**
     * Runs the work for one platform delivery (a Teams activity) unless it was done, or is being
     * done, already: a redelivery records nothing twice.
     */
    onceForDelivery: (instanceId: string, workspaceId: WorkspaceId, deliveryId: string, work: () => Promise<void>) =>
      onceForDelivery(deps.claims, instanceId, workspaceId, deliveryId, work),
    getCheck: guard((d, actor: Actor, checkId: string) => loadCheck(d, actor, checkId)),
    submitForm: (
      actor: Actor,
      form: { kind: FormKind; context: Readonly<Record<string, string>> },
      values: FormValues,
      place?: ConversationPlace,
    ): Promise<FormOutcome> => submitForm(deps, actor, form, values, place),
    home: guard((d, actor: Actor) => homeFor(d, actor)),
    listEvidence: guard((d, actor: Actor, from: IsoDate, to: IsoDate) => listEvidence(d, actor, from, to)),
    /** The weekly digest of the last seven days, for the person asking only. */
    previewDigest: guard((d, actor: Actor) => previewDigest(d, actor)),
    /** An admin's "send it now": always sends, and leaves the week's scheduled digest untouched. */
    sendDigestNow: guard((d, actor: Actor) => sendDigestNow(d, actor)),
    /** A manager's *Reviewed* click: the management-review record; false when already recorded. */
    markDigestReviewed: guard((d, actor: Actor, digestId: string) => markDigestReviewed(d, actor, digestId)),
    /** The scheduler's work for one workspace: what its schedule owes, exactly once per week. */
    runScheduledDigest: (workspaceId: WorkspaceId, options: ScheduledDigestOptions) => runScheduledDigest(deps, workspaceId, options),
    firstDelivery: (source: string, deliveryId: string, ttlMs: number) => firstDelivery(deps, source, deliveryId, ttlMs),
    /** Owner reminders that are due in one workspace, at most one per item and week. */
    sendDueReminders: (workspaceId: WorkspaceId, options: ReminderOptions) => sendDueReminders(deps, workspaceId, options),
  };
}

export type Core = ReturnType<typeof createCore>;

/** What the platform says about a workspace the first time one of its people acts. */
export interface WorkspaceOnFirstContact {
  readonly platform: Platform;
  readonly name?: string;
}

// What the adapters need to decode interactions and implement their surfaces.
export type {
  ConfidentialDelivery,
  FormState,
  InstallScope,
  Interaction,
  Place,
  PostTarget,
  PostedMessage,
} from './interactions/interaction.js';
export { needsPersonDetails } from './interactions/interaction.js';
export { type Surface, SurfaceError } from './interactions/surface.js';
export { type CoreLog, apology, referenceFrom } from './interactions/failures.js';
export { SILENCE_REASONS } from './interactions/texts.js';
export type { SeenMessage } from './use-cases/prompts.js';
