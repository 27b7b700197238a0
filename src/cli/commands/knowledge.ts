/** `customer-focus knowledge list|import`: customer-knowledge records from the command line. */
import { parseArgs } from 'node:util';
import { knowledgeToCsv } from '../../core/audit/pack-tables.js';
import type { Fields, KnowledgeField } from '../../core/commands/grammar.js';
import { spellCommands } from '../../core/commands/usage.js';
import type { Actor } from '../../core/domain/shared.js';
import type { Core } from '../../core/index.js';
import { messageToPlain } from '../../core/messages.js';
import { runCsvImport } from '../csv-import.js';
import { type CliIo, UsageError } from '../io.js';
import { withServices } from '../with-services.js';
import { chooseWorkspace, cliActor } from '../workspace-option.js';

const plain = (text: string) => spellCommands(text, 'teams');

/** Spreadsheet column names people use, mapped to knowledge fields. Unknown columns are ignored. */
const COLUMN_ALIASES: Record<string, KnowledgeField> = {
  title: 'title',
  name: 'title',
  document: 'title',
  kind: 'kind',
  type: 'kind',
  date: 'date',
  published: 'date',
  link: 'link',
  url: 'link',
  file: 'file',
  file_name: 'file',
  filename: 'file',
  customers: 'customers',
  customer: 'customers',
  segment: 'customers',
  segments: 'customers',
  horizon: 'horizon',
  owner: 'owner',
  requirements: 'requirements',
  requirement_ids: 'requirements',
  req: 'requirements',
  summary: 'summary',
  findings: 'summary',
};

const normalise = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

/** Checks the header once (a file without title and kind columns is refused whole). */
export function knowledgeColumns(header: readonly string[]): (cells: Record<string, string>) => Fields<KnowledgeField> {
  const mapping = header.map((name) => [name, COLUMN_ALIASES[normalise(name)]] as const);
  for (const needed of ['title', 'kind'] as const) {
    if (!mapping.some(([, field]) => field === needed)) {
      throw new Error(
        `the file has no "${needed}" column. Its columns are: ${header.join(', ') || 'none'}. Columns read: title, kind, date, link, file, customers, horizon, owner, requirements, summary.`,
      );
    }
  }
  return (cells) => {
    const fields: Fields<KnowledgeField> = {};
    for (const [name, field] of mapping) {
      const value = cells[name];
      if (field && value !== undefined && value.trim() !== '') fields[field] = value;
    }
    return fields;
  };
}

export async function knowledgeCommand(args: string[], io: CliIo): Promise<number> {
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
        const result = await core.runParsedCommand(actor, {
          family: 'knowledge',
          action: 'list',
          ...(positionals[0] ? { kind: positionals[0] } : {}),
        });
        if (!result.ok) throw new UsageError(plain(result.error.message));
        if (values.csv) {
          io.out(knowledgeToCsv(await core.deps.knowledge.list(workspace.id)));
          return 0;
        }
        io.out(plain(result.value.kind === 'message' ? messageToPlain(result.value.message) : ''));
        return 0;
      }
      case 'import':
        return importCommand(io, core, actor, positionals[0], { dryRun: values['dry-run'] === true, encoding: values.encoding });
      default:
        throw new UsageError('Use: customer-focus knowledge list [kind] [--csv] | import <file.csv> [--dry-run] [--workspace <id>]');
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
  if (!file) throw new UsageError('Say which file to import: customer-focus knowledge import sources.csv');
  return runCsvImport(io, {
    file,
    encoding,
    dryRun,
    columns: knowledgeColumns,
    run: (rows, options) => core.importKnowledge(actor, rows, options),
    skippedAs: 'already recorded',
    plain,
  });
}
