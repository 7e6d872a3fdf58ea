// Values IML computes with, and the context every evaluation reads (clock, zone, data, randomness).

/** Marker produced by the `erase` keyword: the field is set to an empty value on purpose. */
export const ERASE: unique symbol = Symbol('erase');
export type Erase = typeof ERASE;

/** Binary data (Make's buffer type). Node's Buffer is a Uint8Array, so both fit. */
export type Binary = Uint8Array;

export type ImlCollection = { [key: string]: ImlValue };
export type ImlValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | Date
  | Binary
  | Erase
  | ImlValue[]
  | ImlCollection;

/** Syntax flavour: scenarios separate arguments with `;`, custom-app IML with `,`. */
export type Dialect = 'scenario' | 'app';

/** Everything an evaluation may read. Passed in, never global, so runs are reproducible. */
export interface EvalContext {
  /** Output bundle of module `id`, or undefined when it has none in scope. */
  readonly module: (id: number) => unknown;
  /** Roots reachable by name: `var` (scenario/organization/input variables) and app-IML roots such as `parameters`. */
  readonly roots: Readonly<Record<string, unknown>>;
  readonly now: Date;
  /** IANA zone of the scenario; the default zone of every date function. */
  readonly timezone: string;
  readonly random: () => number;
  readonly uuid: () => string;
  readonly executionId: string;
}
