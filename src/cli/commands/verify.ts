/**
 * `customer-focus verify [--workspace id] [--quick] [--seal]`: checks the evidence log against its
 * seals. Full by default (every entry, every seal recomputed); `--quick` checks the seal chain and
 * the unsealed entries only; `--seal` seals what is new first. Exit code 1 when a check fails.
 */
import { parseArgs } from 'node:util';
import { verifyForActor } from '../../core/audit/maintenance.js';
import { sealWorkspace } from '../../core/audit/seal-workspace.js';
import { sealLabel } from '../../core/audit/seal.js';
import { verifyReportText } from '../../core/audit/verify-view.js';
import { plural } from '../../core/wording.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../io.js';
import { withServices } from '../with-services.js';
import { chooseWorkspace, cliActor } from '../workspace-option.js';

export async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { workspace: { type: 'string' }, quick: { type: 'boolean' }, full: { type: 'boolean' }, seal: { type: 'boolean' } },
  });
  if (values.quick && values.full)
    throw new UsageError('Choose one: --quick (seal chain and newest entries) or --full (every entry, the default).');
  return withServices(io, async ({ core }) => {
    const workspace = await chooseWorkspace(core, values.workspace);
    if (values.seal) {
      const outcome = await sealWorkspace(core.deps, workspace.id);
      const made = outcome.sealed.at(-1);
      io.err(
        outcome.busy
          ? 'Another instance is sealing this workspace right now; verifying what is sealed so far.'
          : made
            ? `Sealed up to entry ${made.toSeq} (${plural(outcome.sealed.length, 'new seal')}, latest ${sealLabel(made)}).`
            : 'Nothing new to seal.',
      );
    }
    const started = performance.now();
    const report = await verifyForActor(core.deps, cliActor(workspace), { full: !values.quick });
    io.out(verifyReportText(report, workspace.settings.timeZone, 'customer-focus verify'));
    io.err(`(${workspace.id}, ${report.full ? 'full' : 'quick'} check, ${Math.round(performance.now() - started)} ms)`);
    return report.failure ? 1 : 0;
  });
}
