/** `customer-focus digest --preview [--workspace <id>]`: the weekly digest of the last seven days, as text. */
import { parseArgs } from 'node:util';
import { spellCommands } from '../../core/commands/usage.js';
import { messageToPlain } from '../../core/messages.js';
import { type CliIo, UsageError } from '../io.js';
import { withServices } from '../with-services.js';
import { chooseWorkspace, cliActor } from '../workspace-option.js';

const USAGE =
  'Use: customer-focus digest --preview [--workspace <id>] (prints the digest of the last seven days; nothing is sent or recorded)';

export async function digestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { preview: { type: 'boolean' }, workspace: { type: 'string' } },
    allowPositionals: true,
  });
  if (!values.preview || positionals.length > 0) throw new UsageError(USAGE);
  return withServices(io, async ({ core }) => {
    const workspace = await chooseWorkspace(core, values.workspace);
    const result = await core.previewDigest(cliActor(workspace));
    if (!result.ok) throw new UsageError(spellCommands(result.error.message, 'teams'));
    io.out(spellCommands(messageToPlain(result.value), 'teams'));
    return 0;
  });
}
