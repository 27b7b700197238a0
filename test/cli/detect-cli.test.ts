/**
 * `customer-focus detect`: JSONL in, one JSONL line out per input line, in order, streamed.
 * Runs the command in-process with a captured stdout and a scripted stdin.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LINE_LENGTH, detectCommand } from '../../src/cli/commands/detect.js';
import { UsageError } from '../../src/cli/io.js';
import { type TestStdin, captureIo } from '../support/cli-harness.js';

interface Answer {
  decision: boolean;
  score: number;
  reasons?: string[];
  error?: string;
}

async function detect(stdin: TestStdin, args: string[] = []): Promise<{ code: number; answers: Answer[] }> {
  const { io, out } = captureIo({}, stdin);
  const code = await detectCommand(args, io);
  const lines = out
    .join('\n')
    .split('\n')
    .filter((line) => line !== '');
  return { code, answers: lines.map((line) => JSON.parse(line) as Answer) };
}

const jsonl = (...records: unknown[]) => records.map((record) => JSON.stringify(record)).join('\n');

describe('customer-focus detect', () => {
  it('answers each line, in order, with decision and score', async () => {
    const { code, answers } = await detect(
      `${jsonl({ text: "Decision: we're going with vendor B from March." }, { text: 'did we decide on the launch date?' }, { text: 'morning all!' })}\n`,
    );
    expect(code).toBe(0);
    expect(answers).toHaveLength(3);
    expect(answers.map((answer) => answer.decision)).toEqual([true, false, false]);
    for (const answer of answers) {
      expect(typeof answer.score).toBe('number');
      expect(answer.score).toBeGreaterThanOrEqual(0);
      expect(answer.score).toBeLessThanOrEqual(1);
      expect(Array.isArray(answer.reasons)).toBe(true);
    }
  });

  it('keeps outputs aligned: a bad line gives an error object instead of aborting', async () => {
    const input = [
      JSON.stringify({ text: 'We have decided to raise the Pro plan to $29 from July.' }),
      '',
      '{"text": "unterminated',
      JSON.stringify({ message: 'no text field' }),
      JSON.stringify({ text: 42 }),
      JSON.stringify(['an', 'array']),
      JSON.stringify({ text: 'Going with option B.' }),
    ].join('\n');
    const { code, answers } = await detect(input);
    expect(code).toBe(0);
    expect(answers).toHaveLength(7);
    expect(answers[0]?.decision).toBe(true);
    expect(answers[1]).toEqual({ decision: false, score: 0, error: 'line 2: empty line' });
    expect(answers[2]).toEqual({ decision: false, score: 0, error: 'line 3: not JSON' });
    expect(answers[3]).toEqual({ decision: false, score: 0, error: 'line 4: no string "text" field' });
    expect(answers[4]?.error).toBe('line 5: no string "text" field');
    expect(answers[5]?.error).toBe('line 6: not a JSON object');
    expect(answers[6]?.decision).toBe(true);
  });

  it('reads lines split across chunks, Buffers, multi-byte characters and CRLF', async () => {
    const text = JSON.stringify({ text: 'Décision: we’re going with Parcelio 🚚' });
    const bytes = Buffer.from(`${text}\r\n${JSON.stringify({ text: 'thanks!' })}`, 'utf8');
    const emoji = bytes.indexOf(Buffer.from('🚚', 'utf8'));
    // Cut inside the emoji's four bytes and inside the CRLF.
    const chunks = [bytes.subarray(0, emoji + 2), bytes.subarray(emoji + 2, text.length + 9), bytes.subarray(text.length + 9)];
    const { answers } = await detect(chunks);
    expect(answers).toHaveLength(2);
    expect(answers[0]?.decision).toBe(true);
    expect(answers[1]?.decision).toBe(false);
  });

  it('passes the thread-reply context through', async () => {
    const { answers } = await detect(
      jsonl(
        { text: 'agreed 👍', context: { isThreadReply: true } },
        { text: 'Agreed: we ship on the 14th', context: { isThreadReply: true } },
      ),
    );
    expect(answers[0]).toMatchObject({ decision: false, reasons: ['thread acknowledgement'] });
    expect(answers[1]?.decision).toBe(true);
  });

  it('streams: answers a line before the next one arrives', async () => {
    const seenBeforeSecondLine: number[] = [];
    const output: string[] = [];
    async function* input(): AsyncIterable<string> {
      yield `${JSON.stringify({ text: 'Final call: support hours are 8-6 from Monday' })}\n`;
      // The first answer must already be out while the input is still open.
      seenBeforeSecondLine.push(output.length);
      yield `${JSON.stringify({ text: 'lol' })}\n`;
    }
    const { io, out } = captureIo({}, input());
    const capture = {
      ...io,
      out: (text: string) => {
        output.push(text);
        out.push(text);
      },
    };
    expect(await detectCommand([], capture)).toBe(0);
    expect(seenBeforeSecondLine).toEqual([1]);
    expect(output).toHaveLength(2);
  });

  it('answers a runaway line with an error and carries on', async () => {
    const huge = `{"text": "${'a'.repeat(MAX_LINE_LENGTH + 10)}"}`;
    const { answers } = await detect([
      huge.slice(0, 600_000),
      huge.slice(600_000),
      `\n${JSON.stringify({ text: 'Going with option B.' })}\n`,
    ]);
    expect(answers).toHaveLength(2);
    expect(answers[0]?.error).toBe(`line 1: longer than ${MAX_LINE_LENGTH} characters`);
    expect(answers[1]?.decision).toBe(true);
  });

  it('writes nothing for empty input and refuses to run without stdin or with arguments', async () => {
    expect((await detect('')).answers).toEqual([]);
    await expect(detectCommand([], captureIo({}).io)).rejects.toThrow(UsageError);
    await expect(detectCommand(['file.jsonl'], captureIo({}, '').io)).rejects.toThrow(UsageError);
    const help = captureIo({});
    expect(await detectCommand(['--help'], help.io)).toBe(0);
    expect(help.out.join('\n')).toContain('Usage: customer-focus detect');
  });
});
