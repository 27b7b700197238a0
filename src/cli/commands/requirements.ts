/** `customer-focus requirements list|add|import`. */
import { parseArgs } from 'node:util';
import { parseCommand } from '../../core/commands/grammar.js';
import { spellCommands } from '../../core/commands/usage.js';
import { requirementsToCsv } from '../../core/exports.js';
import { defaultsApplied } from '../../core/domain/requirement-input.js';
import type { Actor } from '../../core/domain/shared.js';
import { captureDomainErrors } from '../../core/errors.js';
import type { Core } from '../../core/index.js';
import { addRequirement } from '../../core/use-cases/requirements.js';
import { messageToPlain } from '../../core/messages.js';
import { requirementList, requirementSaved } from '../../core/views.js';
import { runCsvImport } from '../csv-import.js';
import { type CliIo, UsageError } from '../io.js';
import { withServices } from '../with-services.js';
import { chooseWorkspace, cliActor } from '../workspace-option.js';
import { importColumns } from './import-columns.js';

/** The shell already split the words: keep `customer:Acme AS` and `Two words` whole for the grammar. */
const quoteArgument = (word: string): string => {
  if (!/\s/.test(word)) return word;
  const option = /^([A-Za-z][A-Za-z_-]*[:=])(.*)$/s.exec(word);
  return option ? `${option[1]}"${option[2]}"` : `"${word}"`;
};

/** Core texts with commands spelled as typed here (`customer-focus requirements add …`). */
const plain = (text: string) => spellCommands(text, 'cli');

/** The command line cannot edit or review: say so, and how to do it in chat. */
const changeInChat = (id: string): string =>
  `List the register with "customer-focus requirements list". Change or review ${id} in chat: "/requirement edit ${id} …" in Slack, "requirement edit ${id} …" in Teams.`;

export async function requirementsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { workspace: { type: 'string' }, csv: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, encoding: { type: 'string' } },
  });
  return withServices(io, async ({ core }) => {
    const workspace = await chooseWorkspace(core, values.workspace);
    const actor = cliActor(workspace);
    switch (sub) {
      case 'list': {
        const parsed = parseCommand(`requirement list ${positionals.join(' ')}`);
        if (!parsed.ok) throw new UsageError(plain(parsed.error.message));
        const filter = parsed.value.family === 'requirement' && parsed.value.action === 'list' ? parsed.value.filter : {};
        const result = await core.listRequirements(actor, filter);
        if (!result.ok) throw new UsageError(plain(result.error.message));
        const list = requirementList(result.value, { filtered: positionals.length > 0 });
        // CSV ends each row with CRLF itself; a line printer's extra LF would be a stray last line.
        if (values.csv) io.write(requirementsToCsv(result.value));
        else io.out(plain(messageToPlain(list)));
        return 0;
      }
      case 'add': {
        const parsed = parseCommand(`requirement add ${positionals.map(quoteArgument).join(' ')}`);
        if (!parsed.ok) throw new UsageError(plain(parsed.error.message));
        if (parsed.value.family !== 'requirement' || parsed.value.action !== 'add' || !parsed.value.statement) {
          throw new UsageError(
            'Give the requirement, e.g.: customer-focus requirements add "Deliveries within 5 days" customer:"Acme AS" type:stated',
          );
        }
        const fields = { ...parsed.value.fields, statement: parsed.value.statement };
        // The use case itself, for its duplicate:ok option; a duplicate is refused with the existing id.
        const allowDuplicate = parsed.value.allowDuplicate === true;
        const result = await captureDomainErrors(() => addRequirement(core.deps, actor, fields, { allowDuplicate }));
        if (!result.ok) throw new UsageError(plain(result.error.message));
        io.out(plain(messageToPlain(requirementSaved(result.value, 'Recorded', defaultsApplied(fields), changeInChat(result.value.id)))));
        return 0;
      }
      case 'import':
        return importCommand(io, core, actor, positionals[0], { dryRun: values['dry-run'] === true, encoding: values.encoding });
      default:
        throw new UsageError('Use: customer-focus requirements list|add|import [--workspace <id>]');
    }
  });
}

async function importCommand(
  io: CliIo,
  core: Core,
  actor: Actor,
  file: string | undefined,
  { dryRun, encoding }: { dryRun: boolean; encoding: string | undefined },
): Promise<number> {
  if (!file) throw new UsageError('Say which file to import: customer-focus requirements import register.csv');
  return runCsvImport(io, {
    file,
    encoding,
    dryRun,
    columns: importColumns,
    run: (rows, options) => core.importRequirements(actor, rows, options),
    skippedAs: 'already in the register',
    plain,
  });
}
