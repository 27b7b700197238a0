/** `customer-focus evidence export --from YYYY-MM-DD --to YYYY-MM-DD [--out file.csv]`. */
import { parseArgs } from 'node:util';
import { spellCommands } from '../../core/commands/usage.js';
import { parseIsoDate } from '../../core/domain/dates.js';
import { DomainError } from '../../core/errors.js';
import { evidenceToCsv } from '../../core/exports.js';
import { plural } from '../../core/wording.js';
import { type CliIo, UsageError } from '../io.js';
import { withServices } from '../with-services.js';
import { chooseWorkspace, cliActor } from '../workspace-option.js';

export async function evidenceCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'export')
    throw new UsageError('Use: customer-focus evidence export --from YYYY-MM-DD --to YYYY-MM-DD [--out file.csv] [--workspace <id>]');
  const { values } = parseArgs({
    args: rest,
    options: { workspace: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.from || !values.to) throw new UsageError('Give the period: --from 2026-01-01 --to 2026-03-31 (both days included).');
  let from: string;
  let to: string;
  try {
    from = parseIsoDate(values.from, '--from date');
    to = parseIsoDate(values.to, '--to date');
  } catch (error) {
    throw new UsageError(error instanceof DomainError ? error.message : String(error));
  }
  if (from > to) throw new UsageError(`--from (${from}) is after --to (${to}). Swap them.`);
  return withServices(io, async ({ core }) => {
    const workspace = await chooseWorkspace(core, values.workspace);
    const result = await core.listEvidence(cliActor(workspace), from, to);
    if (!result.ok) throw new UsageError(spellCommands(result.error.message, 'cli'));
    const csv = evidenceToCsv(result.value);
    if (values.out) {
      await io.writeFile(values.out, csv);
      io.err(
        `Wrote ${plural(result.value.length, 'evidence entry', 'evidence entries')} (${from} to ${to}, ${workspace.settings.timeZone}) to ${values.out}`,
      );
    } else {
      // CSV ends each row with CRLF itself; a line printer's extra LF would be a stray last line.
      io.write(csv);
    }
    return 0;
  });
}
