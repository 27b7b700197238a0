/** Workspaces, their settings and the roles people hold in them. */
import { isValidTimeZone } from '../domain/dates.js';
import { parsePerson } from '../domain/person.js';
import { ROLES, type Role } from '../domain/roles.js';
import type { Actor, Platform, WorkspaceId } from '../domain/shared.js';
import { oneOf } from '../domain/text.js';
import { DETECTION_MODES, type RoleAssignment, type Workspace, type WorkspaceSettings } from '../domain/workspace.js';
import { DomainError } from '../errors.js';
import type { CoreDeps } from '../ports.js';
import { requirePermission } from './access.js';
import { recordIn } from './record-evidence.js';

export async function workspaceTimeZone(deps: Pick<CoreDeps, 'workspaces' | 'defaultTimeZone'>, id: WorkspaceId) {
  return (await deps.workspaces.get(id))?.settings.timeZone ?? deps.defaultTimeZone;
}

/** Registers a workspace the first time the bot hears from it; later calls return it unchanged. */
export async function ensureWorkspace(
  deps: Pick<CoreDeps, 'workspaces' | 'clock' | 'defaultTimeZone'>,
  input: { id: WorkspaceId; platform: Platform; name: string },
): Promise<Workspace> {
  const known = await deps.workspaces.get(input.id);
  if (known) return known;
  return deps.workspaces.ensure({
    id: input.id,
    platform: input.platform,
    name: input.name,
    createdAt: deps.clock.now().toISOString(),
    settings: { timeZone: deps.defaultTimeZone, defaultDetection: 'auto' },
    version: 1,
  });
}

/** The workspace an actor acts in; unknown workspaces are refused, never created implicitly. */
export async function requireWorkspace(deps: Pick<CoreDeps, 'workspaces'>, id: WorkspaceId): Promise<Workspace> {
  const workspace = await deps.workspaces.get(id);
  if (!workspace) {
    throw new DomainError(
      'workspace.unknown',
      `This workspace (${id}) is not set up yet. Try again in a moment; if it keeps happening, ask your admin to check the bot with "customer-focus doctor".`,
    );
  }
  return workspace;
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** `mon 09:00`, `Monday 9:30` → weekday 1–7 and `HH:MM`. */
function parseDigestSchedule(raw: string): Pick<WorkspaceSettings, 'digestWeekday' | 'digestTime'> {
  const match = /^([a-z]+)\s+(\d{1,2}):(\d{2})$/i.exec(raw.trim());
  const weekday = match ? WEEKDAYS.indexOf((match[1] ?? '').slice(0, 3).toLowerCase()) + 1 : 0;
  const hour = Number(match?.[2]);
  const minute = Number(match?.[3]);
  if (!match || weekday === 0 || hour > 23 || minute > 59) {
    throw new DomainError(
      'input.invalid',
      `"${raw.trim()}" is not a digest time I understand. Give a weekday and a 24-hour time, e.g. digest:"mon 09:00".`,
      'digest',
    );
  }
  return { digestWeekday: weekday, digestTime: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

export interface SettingsChanges {
  readonly timezone?: string;
  readonly digest?: string;
  readonly detection?: string;
  /** Most unasked prompts per channel and day, 1–50. */
  readonly cap?: string;
  /** `HH:MM-HH:MM` local time with no unasked prompts, or `off`. */
  readonly quiet?: string;
  /** Days decision-message snapshots are kept in the evidence (`365d`, `12m`), or `keep`. */
  readonly retention?: string;
}

/** `365d`, `90 days`, `12m`, `2y` → days; `keep` → undefined. At least a week, at most 100 years. */
function parseRetention(raw: string): number | undefined {
  const text = raw.trim().toLowerCase();
  if (['keep', 'forever', 'off', 'none'].includes(text)) return undefined;
  const match = /^(\d{1,5})\s*(d|days?|w|weeks?|m|months?|y|years?)?$/.exec(text);
  const unit = match?.[2]?.[0] ?? 'd';
  const days = match ? Number(match[1]) * ({ d: 1, w: 7, m: 30, y: 365 }[unit] ?? 1) : Number.NaN;
  if (!Number.isInteger(days) || days < 7 || days > 36_500) {
    throw new DomainError(
      'input.invalid',
      `"${raw.trim()}" is not a retention period I can use. Give days, months or years of at least a week, e.g. retention:365d or retention:24m, or retention:keep to keep message text.`,
      'retention',
    );
  }
  return days;
}

function parseCap(raw: string): number {
  const cap = Number(raw.trim());
  if (!Number.isInteger(cap) || cap < 1 || cap > 50) {
    throw new DomainError(
      'input.invalid',
      `"${raw.trim()}" is not a daily prompt cap I can use. Give a whole number from 1 to 50, e.g. cap:5.`,
      'cap',
    );
  }
  return cap;
}

function parseQuietHours(raw: string): string | undefined {
  const text = raw.trim().toLowerCase();
  if (text === 'off' || text === 'none') return undefined;
  const match = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text);
  const parts = match ? match.slice(1).map(Number) : [];
  const [h1 = 99, m1 = 99, h2 = 99, m2 = 99] = parts;
  if (!match || h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59 || (h1 === h2 && m1 === m2)) {
    throw new DomainError(
      'input.invalid',
      `"${raw.trim()}" is not a quiet-hours range. Write it as quiet:"18:00-08:00" (local time), or quiet:off.`,
      'quiet',
    );
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(h1)}:${pad(m1)}-${pad(h2)}:${pad(m2)}`;
}

export async function changeSettings(
  deps: Pick<CoreDeps, 'clock' | 'roles' | 'adminUsers' | 'workspaces' | 'unitOfWork'>,
  actor: Actor,
  changes: SettingsChanges,
): Promise<Workspace> {
  await requirePermission(deps, actor, 'settings.change');
  const patch: Partial<
    Pick<
      WorkspaceSettings,
      'timeZone' | 'digestWeekday' | 'digestTime' | 'defaultDetection' | 'dailyPromptCap' | 'quietHours' | 'snapshotRetentionDays'
    >
  > = {};
  if (changes.timezone !== undefined) {
    if (!isValidTimeZone(changes.timezone.trim())) {
      throw new DomainError(
        'input.invalid',
        `"${changes.timezone.trim()}" is not a time zone I know. Use an IANA name such as Europe/Oslo, America/New_York or Asia/Kolkata.`,
        'timezone',
      );
    }
    Object.assign(patch, { timeZone: changes.timezone.trim() });
  }
  if (changes.digest !== undefined) Object.assign(patch, parseDigestSchedule(changes.digest));
  if (changes.detection !== undefined) {
    Object.assign(patch, { defaultDetection: oneOf(changes.detection, DETECTION_MODES, 'detection mode') });
  }
  if (changes.cap !== undefined) Object.assign(patch, { dailyPromptCap: parseCap(changes.cap) });
  const keepSnapshots = changes.retention !== undefined && parseRetention(changes.retention) === undefined;
  if (changes.retention !== undefined && !keepSnapshots) Object.assign(patch, { snapshotRetentionDays: parseRetention(changes.retention) });
  const quietOff = changes.quiet !== undefined && parseQuietHours(changes.quiet) === undefined;
  if (changes.quiet !== undefined && !quietOff) Object.assign(patch, { quietHours: parseQuietHours(changes.quiet) });
  await requireWorkspace(deps, actor.workspaceId);
  if (Object.keys(patch).length === 0 && !quietOff && !keepSnapshots) return requireWorkspace(deps, actor.workspaceId);
  const now = deps.clock.now();
  const { result: updated } = await deps.unitOfWork.run(async (tx) => {
    const changed = await tx.workspaces.update(actor.workspaceId, (current) => ({
      ...current,
      settings: {
        ...current.settings,
        ...patch,
        ...(quietOff ? { quietHours: undefined } : {}),
        ...(keepSnapshots ? { snapshotRetentionDays: undefined } : {}),
      },
    }));
    if (!changed) throw new DomainError('workspace.unknown', `There is no workspace "${actor.workspaceId}".`);
    recordIn(tx, actor, now, {
      type: 'settings.changed',
      subject: { kind: 'workspace', id: actor.workspaceId },
      data: { ...patch, ...(quietOff ? { quietHours: 'off' } : {}), ...(keepSnapshots ? { snapshotRetentionDays: 'keep' } : {}) },
    });
    return changed;
  });
  return updated;
}

export async function setRole(
  deps: Pick<CoreDeps, 'clock' | 'roles' | 'adminUsers' | 'unitOfWork'>,
  actor: Actor,
  rawPerson: string,
  rawRole: string,
): Promise<RoleAssignment> {
  await requirePermission(deps, actor, 'role.change');
  const role: Role = oneOf(rawRole, ROLES, 'role');
  const person = parsePerson(rawPerson, actor, 'person');
  if (!person.id) {
    throw new DomainError('input.invalid', 'Mention the person with @ so I know exactly who gets the role.', 'person');
  }
  if (person.id === actor.id && role !== 'admin' && !deps.adminUsers.has(actor.id)) {
    const admins = (await deps.roles.listByRole(actor.workspaceId, 'admin')).filter((a) => a.userId !== actor.id);
    if (admins.length === 0) {
      throw new DomainError(
        'input.invalid',
        'You are the only admin here, so you cannot give up the admin role. Make someone else admin first.',
        'role',
      );
    }
  }
  const now = deps.clock.now();
  const assignment: RoleAssignment = {
    workspaceId: actor.workspaceId,
    userId: person.id,
    role,
    assignedBy: actor.id,
    assignedAt: now.toISOString(),
  };
  await deps.unitOfWork.run(async (tx) => {
    await tx.roles.set(assignment);
    recordIn(tx, actor, now, {
      type: 'role.changed',
      subject: { kind: 'person', id: assignment.userId },
      data: { role },
      personal: { personName: person.name },
    });
  });
  return assignment;
}

export async function listRoles(deps: Pick<CoreDeps, 'roles' | 'adminUsers'>, actor: Actor): Promise<RoleAssignment[]> {
  await requirePermission(deps, actor, 'requirement.read');
  return deps.roles.list(actor.workspaceId);
}
