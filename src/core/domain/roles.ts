/**
 * Roles and what each may do. Checked only in the core's use cases, never in adapters.
 * admin ⊇ manager ⊇ member; auditor stands apart: reads and exports everything, changes nothing.
 */
export const ROLES = ['member', 'manager', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'requirement.read',
  'requirement.record', // add, edit, review (other than retiring)
  'requirement.retire',
  'requirement.reassign',
  'feedback.read',
  'feedback.record',
  'knowledge.read',
  'knowledge.record',
  'responsibility.set', // who determines customer requirements per category (ISO 9001 5.1.2)
  'check.read',
  'check.start',
  'check.answer',
  'action.record', // create, close follow-up actions
  'evidence.read',
  'evidence.export',
  'digest.receive',
  'digest.review', // record that management reviewed a digest (ISO 9001 9.3.2)
  'digest.send', // send the digest now, outside its schedule
  'settings.change',
  'role.change',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['requirement.read', 'feedback.read', 'knowledge.read', 'check.read', 'evidence.read'];
const MEMBER: Permission[] = [
  ...READ,
  'requirement.record',
  'feedback.record',
  'knowledge.record',
  'check.start',
  'check.answer',
  'action.record',
];
const MANAGER: Permission[] = [
  ...MEMBER,
  'requirement.retire',
  'requirement.reassign',
  'evidence.export',
  'digest.receive',
  'digest.review',
];
const ADMIN: Permission[] = [...MANAGER, 'responsibility.set', 'digest.send', 'settings.change', 'role.change'];
const AUDITOR: Permission[] = [...READ, 'evidence.export'];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  member: new Set(MEMBER),
  manager: new Set(MANAGER),
  admin: new Set(ADMIN),
  auditor: new Set(AUDITOR),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

/** The least role that holds a permission, for refusals that say who can do it. */
export function rolesThatCan(permission: Permission): Role[] {
  return ROLES.filter((role) => can(role, permission));
}

/** Human wording of a permission for refusal messages ("retire requirements"). */
export const PERMISSION_WORDING: Record<Permission, string> = {
  'requirement.read': 'see requirements',
  'requirement.record': 'record or change requirements',
  'requirement.retire': 'retire requirements',
  'requirement.reassign': 'reassign requirement owners',
  'feedback.read': 'see customer feedback',
  'feedback.record': 'record customer feedback',
  'knowledge.read': 'see customer knowledge',
  'knowledge.record': 'record customer knowledge',
  'responsibility.set': 'name who determines customer requirements',
  'check.read': 'see decision checks',
  'check.start': 'start decision checks',
  'check.answer': 'answer decision checks',
  'action.record': 'record follow-up actions',
  'evidence.read': 'see the evidence log',
  'evidence.export': 'export evidence',
  'digest.receive': 'receive the weekly digest',
  'digest.review': 'record the management review of a digest',
  'digest.send': 'send the digest outside its schedule',
  'settings.change': 'change settings',
  'role.change': 'change roles',
};
