// Make's runtime error types (SEMANTICS.md §8.4): the errors modules throw, and what error handlers route on.

/** The error types Make's engine knows; the name is what `{{N.error.type}}` shows. */
export const MAKE_ERROR_TYPES = [
  'AccountValidationError',
  'BundleValidationError',
  'ConnectionError',
  'DataError',
  'DataSizeLimitExceededError',
  'DuplicateDataError',
  'ExecutionInterruptedError',
  'IncompleteDataError',
  'InconsistencyError',
  'InvalidAccessTokenError',
  'InvalidConfigurationError',
  'MaxFileSizeExceededError',
  'MaxResultsExceededError',
  'ModuleTimeoutError',
  'OperationsLimitExceededError',
  'OutOfSpaceError',
  'RateLimitError',
  'RuntimeError',
  'ScenarioTimeoutError',
  'UnexpectedError',
  'UnknownError',
] as const;
export type MakeErrorType = (typeof MAKE_ERROR_TYPES)[number];

export function isMakeErrorType(value: unknown): value is MakeErrorType {
  return typeof value === 'string' && (MAKE_ERROR_TYPES as readonly string[]).includes(value);
}

/** An error a module raises while it runs; error handlers see `type`, `message` and `detail`. */
export class MakeError extends Error {
  readonly type: MakeErrorType;
  readonly detail: unknown;

  constructor(type: MakeErrorType, message: string, options: { detail?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = type;
    this.type = type;
    this.detail = options.detail;
  }
}

/** The plain JSON form of an error, as the run report and `{{N.error}}` show it. */
export interface MakeErrorJson {
  readonly type: MakeErrorType;
  readonly message: string;
}

/** Errors stored as incomplete executions with automatic retry (SEMANTICS.md rule 83). */
export const RETRYABLE_TYPES: ReadonlySet<MakeErrorType> = new Set(['ConnectionError', 'RateLimitError', 'ModuleTimeoutError', 'OutOfSpaceError']);

/** Errors stored as incomplete executions without automatic retry (SEMANTICS.md rule 83). */
export const STORED_WITHOUT_RETRY_TYPES: ReadonlySet<MakeErrorType> = new Set([
  'DataError',
  'DuplicateDataError',
  'InvalidConfigurationError',
  'InvalidAccessTokenError',
  'UnexpectedError',
  'MaxFileSizeExceededError',
  'MaxResultsExceededError',
]);
