/**
 * `customer-focus erase-person --workspace id --user <platform id>`: a data-protection request.
 * Redacts the person's names and the text they wrote in every evidence entry and stored record;
 * hashes stay, so the log still verifies. The erasure is itself recorded as evidence.
 */
import { parseArgs } from 'node:util';
import { erasePerson } from '../../core/audit/redaction.js';
import { verifyLog } from '../../core/audit/verify-log.js';
import { verdictSentence } from '../../core/audit/verify-view.js';
import { DomainError } from '../../core/errors.js';
import { plural } from '../../core/wording.js';
import { type CliIo, UsageError } from '../io.js';
import { shredAndSay } from '../shred-note.js';
import { withServices } from '../with-services.js';
import { chooseWorkspace, cliActor } from '../workspace-option.js';

const KIND_WORDS: Record<string, string> = {
  requirement: 'requirements',
  review: 'reviews',
  check: 'decision checks',
  answer: 'answers',
  action: 'follow-up actions',
  feedback: 'feedback records',
  knowledge: 'customer-knowledge records',
  responsibility: 'responsibilities',
};

export async function erasePersonCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { workspace: { type: 'string' }, user: { type: 'string' } } });
  const user = values.user?.trim();
  if (!user)
    throw new UsageError('Say whose data to erase: customer-focus erase-person --workspace <id> --user <platform user id, e.g. U0123ABC>');
  return withServices(io, async ({ core, backend }) => {
    const workspace = await chooseWorkspace(core, values.workspace);
    let outcome;
    try {
      outcome = await erasePerson(core.deps, cliActor(workspace), user);
    } catch (error) {
      if (error instanceof DomainError) throw new UsageError(error.message);
      throw error;
    }
    const records = Object.entries(outcome.records)
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} ${KIND_WORDS[kind] ?? kind}`);
    io.out(
      `Erased ${user}'s personal fields in ${workspace.id}: ${plural(outcome.fields, 'field')} in ${plural(outcome.entries, 'evidence entry', 'evidence entries')}` +
        `; stored records changed: ${records.length > 0 ? records.join(', ') : 'none'}. Ids are kept; names and the text they wrote are gone.`,
    );
    io.out(await shredAndSay(backend));
    const report = await verifyLog(core.deps, workspace.id);
    io.out(`The log still verifies. ${verdictSentence(report, workspace.settings.timeZone)}`);
    return report.failure ? 1 : 0;
  });
}
