/**
 * `customer-focus purge --workspace id --confirm`: removes a workspace's data entirely (records,
 * evidence, seals, counters, claims, tokens) and reports what it removed. Without --confirm it only
 * says what would go. Stop the bot for that workspace first: nothing may write while it runs.
 */
import { parseArgs } from 'node:util';
import { type PurgeReport, purgePreview, purgeWorkspace } from '../../core/audit/purge.js';
import { plural } from '../../core/wording.js';
import { type CliIo, UsageError } from '../io.js';
import { shredAndSay } from '../shred-note.js';
import { withServices } from '../with-services.js';
import { chooseWorkspace, cliActor } from '../workspace-option.js';

const contents = (r: Omit<PurgeReport, 'keys'>): string =>
  `${plural(r.requirements, 'requirement')}, ${plural(r.decisionChecks, 'decision check')}, ${plural(r.feedback, 'feedback record')}, ` +
  `${plural(r.evidenceEntries, 'evidence entry', 'evidence entries')}, ${plural(r.seals, 'seal')}, ${plural(r.roles, 'role assignment')}`;

export async function purgeCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { workspace: { type: 'string' }, confirm: { type: 'boolean' } } });
  // Never guessed, even when the store holds one workspace: this cannot be undone.
  if (!values.workspace)
    throw new UsageError(
      'Say which workspace to purge: customer-focus purge --workspace <id> --confirm (see "customer-focus workspaces").',
    );
  return withServices(io, async ({ core, backend }) => {
    const workspace = await chooseWorkspace(core, values.workspace);
    if (!values.confirm) {
      const preview = await purgePreview(core.deps, workspace.id);
      io.err(
        `Nothing removed. Purging ${workspace.id} (${workspace.name}) would remove everything it holds: ${contents(preview)}, and its settings, tokens and seals. ` +
          'It cannot be undone; export an audit pack first if you need one. Stop the bot for this workspace, then run it again with --confirm.',
      );
      return 2;
    }
    const report = await purgeWorkspace(core.deps, cliActor(workspace));
    io.out(
      `Purged ${report.workspaceId} (${report.name}): ${contents(report)}; ${report.keys} keys removed from the store in all. Nothing of it remains.`,
    );
    io.out(await shredAndSay(backend));
    return 0;
  });
}
