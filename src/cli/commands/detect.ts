/**
 * `customer-focus detect`: runs the decision detector over JSONL on standard input, one
 * `{"text": "…"}` object per line (optionally `"context": {"isThreadReply": true}`), and writes
 * one JSON line per input line, in order: `{"decision": true, "score": 0.93, "reasons": […]}`.
 *
 * This is how the detector is evaluated from outside, so the format is a contract. Every input
 * line gets exactly one output line, even a bad one (`{"decision": false, "score": 0, "error":
 * "line 3: not JSON"}`), so outputs stay aligned with inputs. Input is streamed: lines are
 * answered as they arrive, and memory does not grow with the input.
 */
import { detectDecision } from '../../core/detection/detect-decision.js';
import { type CliIo, UsageError } from '../io.js';

/** Longest line kept; the detector reads far less, and a runaway line must not fill memory. */
export const MAX_LINE_LENGTH = 1_000_000;

const USAGE = `Usage: customer-focus detect < messages.jsonl

Reads one JSON object per line, {"text": "…"} (optionally "context": {"isThreadReply": true}),
and writes one JSON line per input line, in order: {"decision": …, "score": …, "reasons": […]}.
A line that cannot be read gives {"decision": false, "score": 0, "error": "line N: …"}.`;

function failure(lineNumber: number, problem: string): string {
  return JSON.stringify({ decision: false, score: 0, error: `line ${lineNumber}: ${problem}` });
}

/** The output line for one input line (without its newline). */
export function answerLine(line: string, lineNumber: number): string {
  if (line.trim() === '') return failure(lineNumber, 'empty line');
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return failure(lineNumber, 'not JSON');
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return failure(lineNumber, 'not a JSON object');
  const fields = record as Record<string, unknown>;
  if (typeof fields.text !== 'string') return failure(lineNumber, 'no string "text" field');
  const context = fields.context as Record<string, unknown> | undefined;
  const isThreadReply = context?.isThreadReply === true || fields.isThreadReply === true;
  const { decision, score, reasons } = detectDecision(fields.text, { isThreadReply });
  return JSON.stringify({ decision, score, reasons });
}

export async function detectCommand(args: string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(USAGE);
    return 0;
  }
  if (args.length > 0) throw new UsageError(`detect takes no arguments; it reads JSONL on standard input.\n\n${USAGE}`);
  if (!io.stdin) throw new UsageError(`detect needs standard input.\n\n${USAGE}`);

  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let overlong = false;
  let lineNumber = 0;
  const emit = (line: string) => {
    lineNumber += 1;
    return overlong
      ? failure(lineNumber, `longer than ${MAX_LINE_LENGTH} characters`)
      : answerLine(line.endsWith('\r') ? line.slice(0, -1) : line, lineNumber);
  };

  for await (const chunk of io.stdin) {
    // Decode as a stream: a multi-byte character may be split across chunks.
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const answers: string[] = [];
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      answers.push(emit(pending.slice(0, newline)));
      overlong = false;
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
    if (pending.length > MAX_LINE_LENGTH) {
      // Keep reading to find the line's end, but not its text.
      overlong = true;
      pending = '';
    }
    if (answers.length > 0) io.out(answers.join('\n'));
  }
  pending += decoder.decode();
  // A last line without a final newline is still a line; a final newline adds none.
  if (pending.length > 0 || overlong) io.out(emit(pending));
  return 0;
}
