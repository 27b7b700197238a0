import type { Actor } from '../core/domain/shared.js';
import type { Workspace } from '../core/domain/workspace.js';
import type { Core } from '../core/index.js';
import { UsageError } from './io.js';
import { userInfo } from 'node:os';

/** `--workspace` is optional when the store holds exactly one workspace. */
export async function chooseWorkspace(core: Core, requested: string | undefined): Promise<Workspace> {
  const workspaces = await core.listWorkspaces();
  const names = workspaces.map((workspace) => `${workspace.id} (${workspace.name})`).join(', ');
  if (requested) {
    const found = workspaces.find((workspace) => workspace.id === requested);
    if (!found) throw new UsageError(`There is no workspace "${requested}". Known workspaces: ${names || 'none'}.`);
    return found;
  }
  if (workspaces.length === 1 && workspaces[0]) return workspaces[0];
  throw new UsageError(`This store holds ${workspaces.length} workspaces: ${names}. Choose one with --workspace <id>.`);
}

/** The person at the terminal. Shell access to the deployment is admin access, so they act as admin. */
export function cliActor(workspace: Workspace): Actor {
  let user = 'operator';
  try {
    user = userInfo().username;
  } catch {
    // No user name in some containers; the generic label is enough.
  }
  return { id: `cli:${user}`, name: `${user} (command line)`, workspaceId: workspace.id, platformAdmin: true };
}
