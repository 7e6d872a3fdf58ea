// Small argument readers shared by the function families; each raises a typed IML error.
import { isCollection, isEmpty, requireNumber, toDate, toNumber, toText } from '../coerce.ts';
import { ImlErrorCode, ImlRuntimeError } from '../errors.ts';
import type { EvalContext, ImlCollection, ImlValue } from '../types.ts';

export function invalid(message: string): ImlRuntimeError {
  return new ImlRuntimeError(ImlErrorCode.invalidArgument, message);
}

/** Argument `index` as text ('' when empty). */
export function text(args: readonly ImlValue[], index: number): string {
  return toText(args[index]);
}

/** Argument `index` as a number, or `fallback` when it is empty. */
export function optionalNumber(args: readonly ImlValue[], index: number, fallback: number): number {
  return toNumber(args[index]) ?? fallback;
}

export function number(args: readonly ImlValue[], index: number, fn: string): number {
  return requireNumber(args[index], `Argument ${index + 1} of ${fn}()`);
}

/** Argument `index` as a date in the scenario zone; undefined when empty. */
export function date(args: readonly ImlValue[], index: number, ctx: EvalContext): Date | undefined {
  return toDate(args[index], ctx.timezone);
}

export function collection(args: readonly ImlValue[], index: number, fn: string): ImlCollection | undefined {
  const value = args[index];
  if (isEmpty(value)) return undefined;
  if (!isCollection(value)) throw invalid(`Argument ${index + 1} of ${fn}() must be a collection.`);
  return value;
}

/** Arguments that are arrays are spread, so `sum(1.values)` and `sum(1; 2; 3)` both work. */
export function spreadValues(args: readonly ImlValue[]): ImlValue[] {
  return args.flatMap((arg): ImlValue[] => (Array.isArray(arg) ? arg : [arg]));
}
