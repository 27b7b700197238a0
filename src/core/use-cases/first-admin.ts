/**
 * Who administers a workspace before anyone has been given a role. Slack says who its workspace
 * admins are; Teams does not, so there the admins are the people in ADMIN_USERS, or, when that
 * names nobody and the workspace has no admin yet, the first person who installs the app into a
 * team. That grant happens once, is an explicit role assignment and is evidence. Installing the app
 * in a personal or group chat never grants a role: anyone can do that.
 */
import type { Actor } from '../domain/shared.js';
import type { RoleAssignment } from '../domain/workspace.js';
import type { CoreDeps } from '../ports.js';
import { recordIn } from './record-evidence.js';

const firstAdminKey = (workspaceId: string) => `ws:${workspaceId}:first-admin`;

/** Makes the installer of a team the workspace's first admin when nobody else can be; true when granted. */
export async function grantFirstAdminOnTeamInstall(
  deps: Pick<CoreDeps, 'adminUsers' | 'roles' | 'claims' | 'clock' | 'unitOfWork'>,
  installer: Actor,
): Promise<boolean> {
  if (deps.adminUsers.size > 0) return false;
  if ((await deps.roles.listByRole(installer.workspaceId, 'admin')).length > 0) return false;
  // Two installs at once: only one becomes the first admin.
  if (!(await deps.claims.claim(firstAdminKey(installer.workspaceId), installer.id, 0))) return false;
  const now = deps.clock.now();
  const assignment: RoleAssignment = {
    workspaceId: installer.workspaceId,
    userId: installer.id,
    role: 'admin',
    assignedBy: installer.id,
    assignedAt: now.toISOString(),
  };
  await deps.unitOfWork.run(async (tx) => {
    await tx.roles.set(assignment);
    recordIn(tx, installer, now, {
      type: 'role.changed',
      subject: { kind: 'person', id: installer.id },
      data: { role: 'admin', reason: 'first team install' },
      personal: { personName: installer.name },
    });
  });
  return true;
}
