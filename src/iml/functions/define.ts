// What an IML function is: plain data (name, family, signature, docs, example) plus a pure function.
import type { EvalContext, ImlValue } from '../types.ts';

export const FUNCTION_FAMILIES = ['general', 'math', 'text', 'date', 'array'] as const;
export type FunctionFamily = (typeof FUNCTION_FAMILIES)[number];

/** One documented call and its result, checked by the test suite. */
export interface FunctionExample {
  readonly expr: string;
  /** The result as JSON (dates as ISO text). */
  readonly result: unknown;
  readonly context?: Readonly<Record<string, unknown>>;
}

interface FunctionDocs {
  readonly name: string;
  readonly family: FunctionFamily;
  /** As the Make help pages write it: `formatDate(date; format; [timezone])`. */
  readonly signature: string;
  readonly description: string;
  readonly example: FunctionExample;
  /** Where Make documents it; absent for functions only Make's editor palette shows. */
  readonly docUrl?: string;
  readonly minArgs: number;
  /** Infinity for variadic functions. */
  readonly maxArgs: number;
}

/** A function whose arguments are evaluated first. */
export interface EagerFunction extends FunctionDocs {
  readonly lazy?: false;
  readonly run: (args: readonly ImlValue[], ctx: EvalContext) => ImlValue;
}

/** A function that decides which arguments to evaluate (`if`, `ifempty`, `switch`). */
export interface LazyFunction extends FunctionDocs {
  readonly lazy: true;
  readonly run: (args: readonly (() => ImlValue)[], ctx: EvalContext) => ImlValue;
}

export type ImlFunction = EagerFunction | LazyFunction;

/** Declares an IML function; returns it unchanged, typed. */
export function defineFunction<const F extends ImlFunction>(spec: F): F {
  return spec;
}

export const HELP = {
  general: 'https://help.make.com/general-functions',
  math: 'https://help.make.com/math-functions',
  text: 'https://help.make.com/text-and-binary-functions',
  date: 'https://help.make.com/date-and-time-functions',
  array: 'https://help.make.com/array-functions',
} as const satisfies Record<FunctionFamily, string>;
