/**
 * `customer-focus export --workspace id --from 2026-01-01 --to 2026-03-31 --out pack.zip` (or
 * `--period 2026-Q1`): writes the audit pack. The export is recorded as evidence first.
 */
import { parseArgs } from 'node:util';
import { exportAuditPack, resolvePeriod } from '../../core/audit/export.js';
import type { Period } from '../../core/audit/period.js';
import { parseIsoDate } from '../../core/domain/dates.js';
import { DomainError } from '../../core/errors.js';
import { packFileName, zipAuditPack } from '../../adapters/audit/zip.js';
import { type CliIo, UsageError } from '../io.js';
import { withServices } from '../with-services.js';
import { chooseWorkspace, cliActor } from '../workspace-option.js';

const USAGE =
  'Use: customer-focus export [--workspace <id>] --from YYYY-MM-DD --to YYYY-MM-DD [--out pack.zip], or --period 2026-Q1 (also last-quarter, 2026-03, 2026…)';

function datesFrom(values: { from?: string; to?: string }): Period | undefined {
  if (!values.from && !values.to) return undefined;
  if (!values.from || !values.to)
    throw new UsageError(`Give both ends of the period: --from 2026-01-01 --to 2026-03-31 (both days included).\n${USAGE}`);
  try {
    const period = { from: parseIsoDate(values.from, '--from date'), to: parseIsoDate(values.to, '--to date') };
    if (period.from > period.to) throw new UsageError(`--from (${period.from}) is after --to (${period.to}). Swap them.`);
    return period;
  } catch (error) {
    if (error instanceof DomainError) throw new UsageError(error.message);
    throw error;
  }
}

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      workspace: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      period: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const dates = datesFrom(values);
  if (dates && values.period) throw new UsageError(`Give the period once: either --from/--to or --period.\n${USAGE}`);
  if (!dates && !values.period) throw new UsageError(`Say which period to export.\n${USAGE}`);
  return withServices(io, async ({ core }) => {
    const workspace = await chooseWorkspace(core, values.workspace);
    let period = dates;
    try {
      period ??= await resolvePeriod(core.deps, workspace.id, values.period ?? '');
    } catch (error) {
      if (error instanceof DomainError) throw new UsageError(error.message);
      throw error;
    }
    const pack = await exportAuditPack(core.deps, cliActor(workspace), period);
    const out = values.out ?? packFileName(pack);
    await io.writeBytes(out, zipAuditPack(pack, core.deps.clock.now()));
    io.err(
      `Wrote the audit pack for ${workspace.id}, ${period.from} to ${period.to} (${workspace.settings.timeZone}), to ${out}: ${pack.files.length} files, manifest SHA-256 ${pack.manifestSha256}.`,
    );
    io.err('To check it: unzip it and follow VERIFY.md (sha256sum -c SHA256SUMS; node verify-pack.mjs).');
    return 0;
  });
}
