/**
 * The `customer-focus` command. Each subcommand lives in ./commands; this file only routes and
 * turns expected failures into short messages (never stack traces) and exit codes.
 */
import { ConfigError, loadDotEnv } from '../config.js';
import { detectCommand } from './commands/detect.js';
import { digestCommand } from './commands/digest.js';
import { doctorCommand } from './commands/doctor.js';
import { erasePersonCommand } from './commands/erase-person.js';
import { evidenceCommand } from './commands/evidence.js';
import { exportCommand } from './commands/export.js';
import { purgeCommand } from './commands/purge.js';
import { verifyCommand } from './commands/verify.js';
import { packageTeamsCommand } from './commands/package-teams.js';
import { knowledgeCommand } from './commands/knowledge.js';
import { requirementsCommand } from './commands/requirements.js';
import { startCommand } from './commands/start.js';
import { workspacesCommand } from './commands/workspaces.js';
import { type CliIo, UsageError } from './io.js';
import { processIo } from './process-io.js';

const HELP = `customer-focus — ISO 9001 customer focus for Slack and Microsoft Teams

Usage: customer-focus <command> [options]

  start                                   run the bot (the default)
  workspaces                              list workspace ids and names
  requirements list [filters] [--csv]     list the register (filters: open|at_risk|…, type:…, category:…, due)
  requirements add <statement> [options] record a requirement (options as in chat: customer:"…" type:… category:…)
  requirements import <file.csv> [--dry-run] [--encoding windows-1252]
                                          import a register from a spreadsheet export (UTF-8, or UTF-16 with a
                                          byte-order mark; name any other encoding with --encoding)
  knowledge list [kind] [--csv]           list customer-knowledge records (research, surveys, design briefs…)
  knowledge import <file.csv> [--dry-run] [--encoding windows-1252]
                                          import a list of documents (columns: title, kind, date, link, file, customers, horizon, owner, requirements, summary)
  evidence export --from YYYY-MM-DD --to YYYY-MM-DD [--out file.csv]
                                          export the evidence log (dates inclusive, workspace time zone)
  verify [--quick] [--seal]               check the evidence log against its seals (full by default; --seal seals new entries first)
  export --from YYYY-MM-DD --to YYYY-MM-DD [--out pack.zip]
                                          write the audit pack (or --period 2026-Q1, last-quarter, 2026-03…)
  erase-person --user <platform id>       redact one person's names and text everywhere (data-protection request); the log still verifies
  purge --workspace <id> --confirm        remove a workspace's data entirely and report what was removed
  digest --preview                        print the weekly digest of the last seven days (nothing is sent)
  doctor                                  check configuration, store and credentials
  package-teams [--out appPackage.zip]    build the Teams app package from TEAMS_APP_ID and PUBLIC_URL
  detect                                  read JSONL {"text": …} on stdin, write one {"decision","score","reasons"} line per input

Workspace commands take --workspace <id>; it is optional when the store holds one workspace.
Configuration comes from the environment or a .env file: see .env.example.`;

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  start: startCommand,
  workspaces: workspacesCommand,
  requirements: requirementsCommand,
  knowledge: knowledgeCommand,
  evidence: evidenceCommand,
  verify: verifyCommand,
  export: exportCommand,
  'erase-person': erasePersonCommand,
  purge: purgeCommand,
  digest: digestCommand,
  doctor: doctorCommand,
  'package-teams': packageTeamsCommand,
  detect: detectCommand,
};

export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name = 'start', ...args] = argv;
  if (name === 'help' || name === '--help' || name === '-h') {
    io.out(HELP);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`"${name}" is not a customer-focus command.\n\n${HELP}`);
    return 2;
  }
  try {
    if (io.loadDotEnv) loadDotEnv();
    return await command(args, io);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.err(`The configuration needs fixing before customer-focus can run:\n${error.message}`);
      return 2;
    }
    if (
      error instanceof UsageError ||
      (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))
    ) {
      io.err(error.message);
      return 2;
    }
    io.err(`customer-focus ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
