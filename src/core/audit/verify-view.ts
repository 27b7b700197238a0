/** A verification report as a neutral message (chat) and as plain lines (command line). */
import { type Block, type Message, messageToPlain } from '../messages.js';
import { sealLabel, utcMinute } from './seal.js';
import type { VerifyFailure, VerifyReport } from './verify-log.js';

const count = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;

/** "Entry 57 fails (changed): …" */
export function failureSentence(failure: VerifyFailure): string {
  const what = failure.subject === 'entry' ? `Entry ${count(failure.number)}` : `Seal #${failure.number}`;
  return `${what} fails (${failure.reason}): ${failure.detail}.`;
}

/**
 * The one-line verdict, as the audit issue prescribes it for every verify: "N entries verified,
 * sealed up to <seal> at <time>, M not yet sealed". N counts only the entries actually re-checked
 * (a quick check re-checks the unsealed ones), so a quick check adds what it checked of the seals.
 */
export function verdictSentence(report: VerifyReport): string {
  if (report.failure) return failureSentence(report.failure);
  const seal = report.latestSeal;
  const sealed = seal ? `sealed up to entry ${count(seal.toSeq)} by seal ${sealLabel(seal)} at ${utcMinute(seal.at)}` : 'not sealed yet';
  const verdict = `${plural(report.entriesVerified, 'entry', 'entries')} verified, ${sealed}, ${count(report.unsealed)} not yet sealed`;
  if (report.full || !seal) return `${verdict}.`;
  return `${verdict}; seal chain intact (${plural(report.seals, 'seal', 'seals')} over ${plural(report.sealedEntries, 'entry', 'entries')}).`;
}

/** `fullCheck`: how the person asks for a full check where they read this (chat or terminal). */
export function verifyReportMessage(report: VerifyReport, fullCheck = '{focus}verify full'): Message {
  const notes: string[] = [];
  if (report.failure) {
    const before = report.full ? report.entriesVerified : report.unsealed;
    notes.push(
      `Checked before that: ${plural(before, 'entry', 'entries')} intact. The log is not changed by checking it; tell your quality manager.`,
    );
  } else {
    if (report.unsealed > 0 || !report.latestSeal) {
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
    { kind: 'text', parts: [verdictSentence(report)] },
    ...(notes.length > 0 ? [{ kind: 'context' as const, parts: [notes.join(' ')] }] : []),
  ];
  return { fallback: verdictSentence(report), blocks };
}

/** The same report as text for the terminal. */
export const verifyReportText = (report: VerifyReport, fullCheck?: string): string =>
  messageToPlain(verifyReportMessage(report, fullCheck));
