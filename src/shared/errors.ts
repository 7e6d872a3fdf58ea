// The one error base of Remake: a stable code, a plain-sentence message and where it happened.

/** Where an error happened, as precisely as the layer that raised it knows. */
export interface ErrorLocation {
  readonly scenarioId?: number | string;
  readonly moduleId?: number;
  readonly field?: string;
  /** 1-based character position inside the field text. */
  readonly position?: number;
}

/** A user-facing error: bad input, a failed mapping, an unsupported feature. */
export class RemakeError extends Error {
  readonly code: string;
  readonly where: ErrorLocation;

  constructor(code: string, message: string, where: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RemakeError';
    this.code = code;
    this.where = where;
  }
}

/** A bug in Remake itself; never caused by user input. */
export class InternalError extends Error {
  readonly code = 'INTERNAL';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InternalError';
  }
}

/** Exhaustiveness guard for switches over closed unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new InternalError(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
