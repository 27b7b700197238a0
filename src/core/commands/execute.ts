/**
 * Runs a parsed command against the use cases and says what to show. Shared by Slack, Teams,
 * the playground and the CLI, so a command means the same everywhere.
 */
import type { ConversationPlace } from '../domain/decision-check.js';
import { dateInZone } from '../domain/dates.js';
import { parsePerson } from '../domain/person.js';
import { NEW_REQUIREMENT_DEFAULTS, applyRequirementChanges, defaultsApplied } from '../domain/requirement-input.js';
import { requirementPrefill, type RequirementPrefill } from '../forms/catalogue.js';
import { DuplicateRequirement } from '../use-cases/duplicates.js';
import { describeCron } from '../domain/schedule.js';
import type { Actor } from '../domain/shared.js';
import { type Message, textMessage } from '../messages.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from '../use-cases/access.js';
import { startCheck } from '../use-cases/decision-checks.js';
import { recordFeedback } from '../use-cases/feedback.js';
import { listRequirements, showRequirement } from '../use-cases/queries.js';
import {
  addRequirement,
  editRequirement,
  reassignOwner,
  reassignRequirement,
  retireRequirement,
  reviewRequirement,
} from '../use-cases/requirements.js';
import { addDigestTarget, setChannelDetection } from '../use-cases/channel-settings.js';
import { dashboardLinkMessage, issueDashboardLink } from '../dashboard/dashboard-link.js';
import { weekFigures } from '../use-cases/workspace-status.js';
import { changeSettings, listRoles, requireWorkspace, setRole, workspaceTimeZone } from '../use-cases/workspaces.js';
import { requestExportLink, revokeExportLink } from '../audit/export.js';
import { verifyForActor } from '../audit/maintenance.js';
import { verifyReportMessage } from '../audit/verify-view.js';
import { previewDigest, sendDigestNow } from '../digest/on-demand.js';
import { digestSent } from '../digest/replies.js';
import * as views from '../views.js';
import * as knowledgeViews from '../knowledge-views.js';
import type { KnowledgePrefill } from '../forms/knowledge-form.js';
import { knowledgeKindLabel } from '../domain/knowledge.js';
import { listKnowledge, recordKnowledge, setKnowledgeReviewPeriod, showKnowledge } from '../use-cases/knowledge.js';
import { listResponsibilities, responsibilityTable, setResponsible } from '../use-cases/responsibilities.js';
import type { Command, Fields, RequirementField } from './grammar.js';
import { FULL_HELP, USAGE } from './usage.js';

/** Forms the adapters open when a command needs more than one line of input. */
export type FormRequest =
  | {
      readonly form: 'requirement.add';
      readonly prefill: RequirementPrefill;
    }
  | { readonly form: 'requirement.review'; readonly requirementId: string }
  | { readonly form: 'feedback.record'; readonly prefill: { readonly summary?: string; readonly link?: string } }
  | { readonly form: 'knowledge.record'; readonly prefill: KnowledgePrefill }
  | { readonly form: 'check.start' };

/**
 * What the adapter should do with a command's outcome: show a message (privately to the person
 * unless `shareable`), open a form, or post a new decision check.
 */
export type CommandOutcome =
  | {
      readonly kind: 'message';
      readonly message: Message;
      /** Read-only answers (lists, details, figures) that the person may share with the channel. */
      readonly shareable?: boolean;
      /**
       * Holds a signed link that opens data for whoever has it: show it to the person alone, never
       * in a shared conversation (Slack: ephemeral; Teams: the person's own chat with the bot).
       */
      readonly confidential?: boolean;
    }
  | { readonly kind: 'form'; readonly request: FormRequest }
  | { readonly kind: 'check-started'; readonly checkId: string; readonly message: Message };

export interface CommandContext {
  /** Where the command was typed; a check started by command is placed there. */
  readonly place?: ConversationPlace;
}

const show = (message: Message): CommandOutcome => ({ kind: 'message', message });
const showShareable = (message: Message): CommandOutcome => ({ kind: 'message', message, shareable: true });
const showConfidential = (message: Message): CommandOutcome => ({ kind: 'message', message, confidential: true });

export async function executeCommand(
  deps: CoreDeps,
  actor: Actor,
  command: Command,
  context: CommandContext = {},
): Promise<CommandOutcome> {
  switch (command.family) {
    case 'requirement':
      return executeRequirement(deps, actor, command);
    case 'feedback':
      if (command.action === 'help') return show(textMessage(USAGE.feedback));
      if (!command.summary) {
        await requirePermission(deps, actor, 'feedback.record');
        return { kind: 'form', request: { form: 'feedback.record', prefill: {} } };
      }
      return show(views.feedbackRecorded(await recordFeedback(deps, actor, { summary: command.summary, fields: command.fields })));
    case 'knowledge':
      return executeKnowledge(deps, actor, command);
    case 'check': {
      if (!command.text || !context.place) {
        await requirePermission(deps, actor, 'check.start');
        return { kind: 'form', request: { form: 'check.start' } };
      }
      const check = await startCheck(deps, actor, { text: command.text, place: context.place, origin: 'command', decidedBy: actor });
      return { kind: 'check-started', checkId: check.id, message: textMessage('Decision check started.') };
    }
    case 'focus':
      return executeFocus(deps, actor, command, context);
  }
}

async function executeRequirement(
  deps: CoreDeps,
  actor: Actor,
  command: Extract<Command, { family: 'requirement' }>,
): Promise<CommandOutcome> {
  switch (command.action) {
    case 'help':
      return show(textMessage(USAGE.requirement));
    case 'add': {
      if (!command.statement) {
        await requirePermission(deps, actor, 'requirement.record');
        // Options typed without a statement are checked now and carried into the form.
        const today = dateInZone(deps.clock.now(), await workspaceTimeZone(deps, actor.workspaceId));
        const values = applyRequirementChanges(NEW_REQUIREMENT_DEFAULTS, command.fields, actor, today);
        return { kind: 'form', request: { form: 'requirement.add', prefill: requirementPrefill(command.fields, values) } };
      }
      const fields = { ...command.fields, statement: command.statement };
      try {
        const requirement = await addRequirement(deps, actor, fields, { allowDuplicate: command.allowDuplicate === true });
        return show(views.requirementSaved(requirement, 'Recorded', defaultsApplied(fields)));
      } catch (error) {
        if (!(error instanceof DuplicateRequirement)) throw error;
        return show(views.duplicateRequirement(error.existing, confirmLine(fields)));
      }
    }
    case 'list': {
      const requirements = await listRequirements(deps, actor, command.filter);
      const page = command.filter.page ? Number.parseInt(command.filter.page, 10) : 1;
      const list = views.requirementList(requirements, {
        ...(command.filter.due ? { qualifier: 'due for review' } : {}),
        page: Number.isFinite(page) ? page : 1,
        filtered: Object.entries(command.filter).some(([name, value]) => name !== 'page' && value !== undefined),
      });
      // The register names who determines requirements per category (ISO 9001 5.1.2).
      const responsible = knowledgeViews.responsibleLine(await responsibilityTable(deps, actor.workspaceId));
      return showShareable({ ...list, blocks: [...list.blocks, responsible] });
    }
    case 'show': {
      const { requirement, reviews, sources, digests } = await showRequirement(deps, actor, command.id);
      return showShareable(views.requirementDetail(requirement, reviews, knowledgeViews.sourceLines(sources), digests));
    }
    case 'edit':
      return show(views.requirementSaved(await editRequirement(deps, actor, command.id, command.fields), 'Updated'));
    case 'review': {
      if (!command.outcome) {
        await requirePermission(deps, actor, 'requirement.record');
        const { requirement } = await showRequirement(deps, actor, command.id);
        return { kind: 'form', request: { form: 'requirement.review', requirementId: requirement.id } };
      }
      const { requirement, review } = await reviewRequirement(deps, actor, command.id, command.outcome, command.note);
      return show(views.reviewRecorded(requirement, review));
    }
    case 'retire': {
      const { requirement, review } = await retireRequirement(deps, actor, command.id, command.note);
      return show(views.reviewRecorded(requirement, review));
    }
    case 'reassign': {
      if (command.id) {
        return show(views.requirementSaved(await reassignRequirement(deps, actor, command.id, command.to), 'Reassigned'));
      }
      const moved = await reassignOwner(deps, actor, command.from ?? '', command.to);
      return show(views.ownersReassigned(moved, parsePerson(command.to, actor, 'new owner')));
    }
  }
}

async function executeKnowledge(deps: CoreDeps, actor: Actor, command: Extract<Command, { family: 'knowledge' }>): Promise<CommandOutcome> {
  switch (command.action) {
    case 'help':
      return show(textMessage(USAGE.knowledge));
    case 'add':
      if (!command.title && Object.keys(command.fields).length === 0) {
        await requirePermission(deps, actor, 'knowledge.record');
        return { kind: 'form', request: { form: 'knowledge.record', prefill: {} } };
      }
      return show(
        knowledgeViews.knowledgeRecorded(
          await recordKnowledge(deps, actor, { ...command.fields, ...(command.title ? { title: command.title } : {}) }),
        ),
      );
    case 'list':
      return showShareable(knowledgeViews.knowledgeList(await listKnowledge(deps, actor, command.kind), command.kind));
    case 'show': {
      const { record, requirements } = await showKnowledge(deps, actor, command.id);
      return showShareable(knowledgeViews.knowledgeDetail(record, requirements));
    }
    case 'review-every': {
      const { kind, months } = await setKnowledgeReviewPeriod(deps, actor, command.kind, command.period);
      return show(
        textMessage(
          `${knowledgeKindLabel(kind)[0]?.toUpperCase()}${knowledgeKindLabel(kind).slice(1)} now counts as stale ${months} month${months === 1 ? '' : 's'} after the latest record; the digest flags it after that, and its owner gets one reminder.`,
        ),
      );
    }
  }
}

/** Characters that would end a quoted value early; a command holding them gets no button. */
const QUOTES = /["\u201c\u201d\u201e\u00ab\u00bb\n]/;

/**
 * `requirement add … duplicate:ok` for the same fields, for the *Record anyway* button; undefined
 * when a value cannot be quoted safely or the line is too long for a button.
 */
function confirmLine(fields: Fields<RequirementField>): string | undefined {
  const entries = Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (entries.some(([, value]) => QUOTES.test(value))) return undefined;
  const { statement, ...options } = Object.fromEntries(entries);
  const line = [
    'requirement add',
    `"${statement ?? ''}"`,
    ...Object.entries(options).map(([key, value]) => `${key}:"${value}"`),
    'duplicate:ok',
  ].join(' ');
  return line.length <= MAX_CONFIRM_COMMAND_LENGTH ? line : undefined;
}

/** Buttons carry at most 2,000 characters on Slack and Teams alike. */
const MAX_CONFIRM_COMMAND_LENGTH = 2000;

async function executeFocus(
  deps: CoreDeps,
  actor: Actor,
  command: Extract<Command, { family: 'focus' }>,
  context: CommandContext,
): Promise<CommandOutcome> {
  const schedule = describeCron(deps.defaultDigestCron);
  switch (command.action) {
    case 'help':
      return show(textMessage(FULL_HELP));
    case 'settings': {
      if (Object.keys(command.changes).length === 0) {
        await requirePermission(deps, actor, 'requirement.read');
        return show(views.settingsShown(await requireWorkspace(deps, actor.workspaceId), schedule));
      }
      return show(views.settingsShown(await changeSettings(deps, actor, command.changes), schedule));
    }
    case 'role':
      // The person as mentioned (with their name, where the mention carries one) for the confirmation.
      return show(
        views.roleChanged(await setRole(deps, actor, command.person, command.role), parsePerson(command.person, actor, 'person')),
      );
    case 'roles':
      return showShareable(views.rolesList(await listRoles(deps, actor)));
    case 'responsible':
      if (!command.area || !command.person) {
        return showShareable(knowledgeViews.responsibilityList(await listResponsibilities(deps, actor)));
      }
      return show(knowledgeViews.responsibilitySet(await setResponsible(deps, actor, command.area, command.person)));
    case 'detection':
      return show(views.detectionChanged(await setChannelDetection(deps, actor, context.place, command.mode)));
    case 'status':
      return showShareable(views.weekStatus(await weekFigures(deps, actor)));
    case 'dashboard':
      // Confidential: the link opens the dashboard for whoever holds it.
      return showConfidential(dashboardLinkMessage(await issueDashboardLink(deps, actor)));
    case 'verify':
      return showShareable(
        verifyReportMessage(await verifyForActor(deps, actor, { full: command.full }), await workspaceTimeZone(deps, actor.workspaceId)),
      );
    case 'export':
      // Confidential: the link opens the pack for whoever holds it.
      return showConfidential(await requestExportLink(deps, actor, command.period));
    case 'revoke-link':
      return show(await revokeExportLink(deps, actor, command.linkId));
    case 'digest':
      if (command.mode === 'here') {
        await addDigestTarget(deps, actor, context.place);
        return show(views.digestHere());
      }
      // The preview is for the person asking only (confidential: it is management's reading before
      // anyone chose to send it); a manual send goes out now.
      if (command.mode === 'preview') return showConfidential(await previewDigest(deps, actor));
      return show(digestSent(await sendDigestNow(deps, actor)));
  }
}
