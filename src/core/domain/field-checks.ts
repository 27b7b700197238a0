/**
 * Collects every field's refusal before anything is written, so a form (or a command) can say all
 * that is wrong at once instead of one mistake per attempt.
 */
import { DomainError } from '../errors.js';

/** Several refusals at once; `problems` keeps each with its field, for forms to show inline. */
export class InvalidFields extends DomainError {
  constructor(readonly problems: readonly DomainError[]) {
    super(
      problems[0]?.code ?? 'input.invalid',
      `There are ${problems.length} things to fix:\n${problems.map((problem) => `• ${problem.message}`).join('\n')}`,
      problems[0]?.field,
    );
  }
}

/** The refusals inside an error: its problems when it holds several, else the error itself. */
export const problemsOf = (error: DomainError): readonly DomainError[] => (error instanceof InvalidFields ? error.problems : [error]);

export class FieldChecks {
  private readonly problems: DomainError[] = [];

  /** Runs one field's check; a refusal is kept for later and `undefined` returned. */
  run<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.problems.push(...problemsOf(error));
      return undefined;
    }
  }

  add(problem: DomainError): void {
    this.problems.push(problem);
  }

  get failed(): boolean {
    return this.problems.length > 0;
  }

  /** Throws what was collected: the one refusal as it is, several as {@link InvalidFields}. */
  throwIfAny(): void {
    if (this.problems.length === 1) throw this.problems[0];
    if (this.problems.length > 1) throw new InvalidFields(this.problems);
  }
}
