/**
 * Who looks at a dashboard: whoever holds a signed link, with the role the link grants. There is
 * no account behind it, so permissions are checked against the grant's role, not a stored one.
 */
import { PERMISSION_WORDING, type Permission, type Role, can } from '../domain/roles.js';
import type { WorkspaceId } from '../domain/shared.js';
import { DomainError } from '../errors.js';

export interface DashboardViewer {
  readonly workspaceId: WorkspaceId;
  readonly role: Role;
}

/** Throws a polite refusal unless the link's role allows `permission`. */
export function requireViewerPermission(viewer: DashboardViewer, permission: Permission): void {
  if (can(viewer.role, permission)) return;
  throw new DomainError(
    'permission.denied',
    `This link was issued for the ${viewer.role} role, which cannot ${PERMISSION_WORDING[permission]}. Ask a manager or an auditor for this table.`,
  );
}
