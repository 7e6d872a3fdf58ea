// The IML error family: syntax errors and unknown functions at compile time, typed failures at run time.
import { RemakeError, type ErrorLocation } from '../shared/errors.ts';

/** Stable codes of every error the IML layer raises. */
export const ImlErrorCode = {
  syntax: 'IML_SYNTAX',
  unknownFunction: 'IML_UNKNOWN_FUNCTION',
  unknownFilterOperator: 'IML_UNKNOWN_FILTER_OPERATOR',
  invalidArgument: 'IML_INVALID_ARGUMENT',
  typeMismatch: 'IML_TYPE',
} as const;
export type ImlErrorCode = (typeof ImlErrorCode)[keyof typeof ImlErrorCode];

/** Raised when a template cannot be compiled: bad syntax or a function Make does not have. */
export class ImlCompileError extends RemakeError {
  constructor(code: ImlErrorCode, message: string, where: ErrorLocation) {
    super(code, message, where);
    this.name = 'ImlCompileError';
  }
}

/**
 * Raised while evaluating: a value that cannot be coerced or a function given unusable input.
 * Make reports these as a DataError on the module being mapped.
 */
export class ImlRuntimeError extends RemakeError {
  readonly makeType = 'DataError';

  constructor(code: ImlErrorCode, message: string, where: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(code, message, where, options);
    this.name = 'ImlRuntimeError';
  }
}

/** True for every error IML raises on purpose (as opposed to a bug). */
export function isImlError(error: unknown): error is ImlCompileError | ImlRuntimeError {
  return error instanceof ImlCompileError || error instanceof ImlRuntimeError;
}
