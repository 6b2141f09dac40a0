/**
 * The one error the engine throws: input that the types cannot rule out (an impossible date such as
 * 2023-02-29, a period ending before it starts). A DomainError of kind `validation`, carrying the
 * offending field, so the server maps it to 400 and the CLI prints it on the line concerned.
 */
import { DomainError, type FieldIssue } from '../kernel/errors.ts';
import { dateProblem } from './dates.ts';

export class StayInputError extends DomainError {
  readonly issue: FieldIssue;

  constructor(code: string, field: string, message: string) {
    super(code, 'validation', message, { issues: [{ field, code, message }] });
    this.name = 'StayInputError';
    this.issue = { field, code, message };
  }

  static date(field: string, value: unknown): StayInputError {
    return new StayInputError('STAY.INVALID_DATE', field, dateProblem(value) ?? 'Invalid date');
  }
}
