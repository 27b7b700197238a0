import type { CliIo } from '../io.js';
import { withServices } from '../with-services.js';

export async function workspacesCommand(_args: string[], io: CliIo): Promise<number> {
  return withServices(io, async ({ core }) => {
    for (const workspace of await core.listWorkspaces()) {
      io.out(`${workspace.id}\t${workspace.platform}\t${workspace.name}\t${workspace.settings.timeZone}`);
    }
    return 0;
  });
}
