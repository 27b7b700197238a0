import { DomainError } from '../errors.js';
import { PERMISSION_WORDING, type Permission, type Role, rolesThatCan } from '../domain/roles.js';
import type { Actor } from '../domain/shared.js';
import type { CoreDeps } from '../ports.js';

/**
 * A person's role: an explicit assignment wins; otherwise ADMIN_USERS and the platform's own
 * admins (Slack workspace admins and owners) are admins; everyone else is a member.
 */
export async function resolveRole(deps: Pick<CoreDeps, 'roles' | 'adminUsers'>, actor: Actor): Promise<Role> {
  if (deps.adminUsers.has(actor.id) || (actor.directoryId !== undefined && deps.adminUsers.has(actor.directoryId))) return 'admin';
  const assignment = await deps.roles.get(actor.workspaceId, actor.id);
  if (assignment) return assignment.role;
  return actor.platformAdmin ? 'admin' : 'member';
}

const ROLE_PLURAL: Record<Role, string> = { member: 'members', manager: 'managers', admin: 'admins', auditor: 'auditors' };

/** Throws a polite refusal naming who can do it, unless the actor's role allows `permission`. */
export async function requirePermission(deps: Pick<CoreDeps, 'roles' | 'adminUsers'>, actor: Actor, permission: Permission): Promise<Role> {
  const role = await resolveRole(deps, actor);
  if (rolesThatCan(permission).includes(role)) return role;
  const who = rolesThatCan(permission).map((name) => ROLE_PLURAL[name]);
  const list = who.length > 1 ? `${who.slice(0, -1).join(', ')} and ${who.at(-1)}` : (who[0] ?? 'admins');
  throw new DomainError(
    'permission.denied',
    `Sorry, only ${list} can ${PERMISSION_WORDING[permission]}; your role here is ${role}. An admin can change roles with "{focus}role @person <role>".`,
  );
}
