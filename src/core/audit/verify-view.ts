/** A verification report as a neutral message (chat) and as plain lines (command line). */
import { zoneMinute } from '../domain/dates.js';
import { type Block, type Message, messageToPlain } from '../messages.js';
import { count, noun, plural } from '../wording.js';
import { sealLabel } from './seal.js';
import type { VerifyFailure, VerifyReport } from './verify-log.js';

/** "Entry 57 fails (changed): …" */
export function failureSentence(failure: VerifyFailure): string {
  const what = failure.subject === 'entry' ? `Entry ${count(failure.number)}` : `Seal #${failure.number}`;
  return `${what} fails (${failure.reason}): ${failure.detail}.`;
}

/** What was checked: a quick check re-reads the seal chain and the entries after it; a full one everything. */
function whatWasChecked(report: VerifyReport): string {
  const entries = report.entriesVerified;
  if (!report.latestSeal) {
    return entries === 1
      ? 'Checked the 1 entry against its own hash'
      : `Checked all ${plural(entries, 'entry', 'entries')} against their own hashes`;
  }
  const chain = `the seal chain (${plural(report.seals, 'seal')} over ${plural(report.sealedEntries, 'entry', 'entries')})`;
  if (report.full) return `Checked every entry (${count(entries)}) against its own hash, and ${chain} against the entries each seal covers`;
  if (report.unsealed === 0) return `Checked ${chain}`;
  return `Checked ${chain} and the ${plural(report.unsealed, 'entry', 'entries')} written after the last seal`;
}

/**
 * The one verification sentence, the same in chat, on the command line, on the dashboard and in
 * the audit pack: what was checked and how many entries, what it found, what is sealed (up to
 * which entry, by which seal, when, in the workspace's zone) and what is not sealed yet, e.g.
 * "Checked the seal chain (2 seals over 68 entries) and the 19 entries written after the last
 * seal: all intact. 68 entries are sealed, up to entry 68 by seal #2 1f0c… at 2026-12-06 15:00
 * Europe/Oslo; 19 are not sealed yet."
 */
export function verdictSentence(report: VerifyReport, timeZone: string): string {
  if (report.failure) return failureSentence(report.failure);
  const seal = report.latestSeal;
  if (!seal && report.unsealed === 0) return 'The evidence log has no entries yet: there is nothing to check or seal.';
  // The chain counts as one thing checked; "all" only when more than one thing was.
  const found = `${whatWasChecked(report)}: ${report.entriesVerified + (seal ? 1 : 0) > 1 ? 'all intact' : 'intact'}.`;
  if (!seal) return `${found} No entry is sealed yet (seals are made hourly).`;
  const sealed = `${plural(report.sealedEntries, 'entry is', 'entries are')} sealed, up to entry ${count(seal.toSeq)} by seal ${sealLabel(seal)} at ${zoneMinute(seal.at, timeZone)}`;
  const unsealed =
    report.unsealed === 0
      ? 'no entry was written after it'
      : `${count(report.unsealed)} ${noun(report.unsealed, 'is', 'are')} not sealed yet`;
  return `${found} ${sealed}; ${unsealed}.`;
}

/** `fullCheck`: how the person asks for a full check where they read this (chat or terminal). */
export function verifyReportMessage(report: VerifyReport, timeZone: string, fullCheck = '{focus}verify full'): Message {
  const notes: string[] = [];
  if (report.failure) {
    const before = report.full ? report.entriesVerified : report.unsealed;
    notes.push(
      `Checked before that: ${plural(before, 'entry', 'entries')} intact. The log is not changed by checking it; tell your quality manager.`,
    );
  } else {
    if (report.unsealed > 0) {
      notes.push(
        'Entries newer than the last seal are protected only by their own hashes until the next seal (hourly, and before each digest).',
      );
    }
    if (!report.full && report.latestSeal)
      notes.push(`Sealed entries were checked through the seal chain; "${fullCheck}" re-checks every one of them.`);
  }
  if (report.redactedFields > 0) {
    notes.push(
      `${plural(report.redactedFields, 'personal field was', 'personal fields were')} redacted (retention or erasure); their hashes remain, so they still verify.`,
    );
  }
  if (report.gaps.length > 0) {
    const shown = report.gaps.slice(0, 10).map(count).join(', ');
    notes.push(
      `Sealed with ${plural(report.gaps.length, 'gap', 'gaps')} (numbers never stored: a writer stopped between numbering and saving, or the entry was removed before sealing): ${shown}${report.gaps.length > 10 ? ', …' : ''}.`,
    );
  }
  if (report.pending.length > 0) {
    notes.push(
      `${plural(report.pending.length, 'number was', 'numbers were')} handed out but ${report.pending.length === 1 ? 'its entry is' : 'their entries are'} not stored yet (being written, or abandoned by a writer that stopped): ${report.pending.slice(0, 10).map(count).join(', ')}${report.pending.length > 10 ? ', …' : ''}.`,
    );
  }
  const blocks: Block[] = [
    { kind: 'heading', text: report.failure ? 'Evidence log: verification FAILED' : 'Evidence log verified' },
    { kind: 'text', parts: [verdictSentence(report, timeZone)] },
    ...(notes.length > 0 ? [{ kind: 'context' as const, parts: [notes.join(' ')] }] : []),
  ];
  return { fallback: verdictSentence(report, timeZone), blocks };
}

/** The same report as text for the terminal. */
export const verifyReportText = (report: VerifyReport, timeZone: string, fullCheck?: string): string =>
  messageToPlain(verifyReportMessage(report, timeZone, fullCheck));
