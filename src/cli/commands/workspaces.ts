/** `customer-focus workspaces`: the workspaces in the store, as a table with a header. */
import type { Workspace } from '../../core/domain/workspace.js';
import type { CliIo } from '../io.js';
import { withServices } from '../with-services.js';

const HEADER = ['WORKSPACE ID', 'PLATFORM', 'NAME', 'TIME ZONE'] as const;
const cells = (workspace: Workspace): string[] => [workspace.id, workspace.platform, workspace.name, workspace.settings.timeZone];

export async function workspacesCommand(_args: string[], io: CliIo): Promise<number> {
  return withServices(io, async ({ core }) => {
    const workspaces = await core.listWorkspaces();
    if (workspaces.length === 0) {
      io.out('No workspaces yet: a workspace appears here once Slack or Teams (or the playground) has talked to the bot.');
      return 0;
    }
    // Columns padded to their widest cell, two spaces apart, like other command-line tables.
    const rows = [[...HEADER], ...workspaces.map(cells)];
    const widths = HEADER.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
    for (const row of rows)
      io.out(
        row
          .map((cell, column) => cell.padEnd(widths[column] ?? 0))
          .join('  ')
          .trimEnd(),
      );
    return 0;
  });
}
