// Filter conditions: Make's operator set (make-forman-schema enum), OR of AND groups (IML.md §D).
import semver from 'semver';
import { isEmpty, toArray, toBoolean, toDate, toNumber, toText } from './coerce.ts';
import { ImlCompileError, ImlErrorCode, ImlRuntimeError } from './errors.ts';
import { compileTemplate, type CompileOptions, type CompiledTemplate } from './template.ts';
import type { EvalContext, ImlValue } from './types.ts';

type Test = (a: ImlValue, b: ImlValue, ctx: EvalContext) => boolean;
type Compare = (difference: number) => boolean;

const COMPARISONS = {
  equal: (d) => d === 0,
  notequal: (d) => d !== 0,
  greater: (d) => d > 0,
  less: (d) => d < 0,
  greaterorequal: (d) => d >= 0,
  lessorequal: (d) => d <= 0,
} as const satisfies Record<string, Compare>;
type ComparisonName = keyof typeof COMPARISONS;

/** Builds the six comparison operators of one family from a "difference of a and b" function. */
function comparisons<P extends string>(prefix: P, difference: (a: ImlValue, b: ImlValue, ctx: EvalContext) => number | undefined) {
  const entries = (Object.keys(COMPARISONS) as ComparisonName[]).map((name) => {
    const compare: Compare = COMPARISONS[name];
    const test: Test = (a, b, ctx) => {
      const d = difference(a, b, ctx);
      // Values that cannot be compared only satisfy "not equal".
      return d === undefined || Number.isNaN(d) ? name === 'notequal' : compare(d);
    };
    return [`${prefix}:${name}`, test] as const;
  });
  return Object.fromEntries(entries) as Record<`${P}:${ComparisonName}`, Test>;
}

function quietly<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function numberDifference(a: ImlValue, b: ImlValue): number | undefined {
  const x = quietly(() => toNumber(a));
  const y = quietly(() => toNumber(b));
  return x === undefined || y === undefined ? undefined : x - y;
}

function dateDifference(a: ImlValue, b: ImlValue, ctx: EvalContext): number | undefined {
  const x = quietly(() => toDate(a, ctx.timezone));
  const y = quietly(() => toDate(b, ctx.timezone));
  return x === undefined || y === undefined ? undefined : x.getTime() - y.getTime();
}

/** Seconds since midnight of an `hours:minutes[:seconds]` value. */
function timeOfDay(value: ImlValue): number | undefined {
  const match = /^\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*$/.exec(toText(value));
  if (!match) return undefined;
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0);
}

function timeDifference(a: ImlValue, b: ImlValue): number | undefined {
  const x = timeOfDay(a);
  const y = timeOfDay(b);
  return x === undefined || y === undefined ? undefined : x - y;
}

function semverDifference(a: ImlValue, b: ImlValue): number | undefined {
  const version = (value: ImlValue) => semver.valid(toText(value).trim()) ?? semver.coerce(toText(value))?.version;
  const x = version(a);
  const y = version(b);
  return x === undefined || y === undefined ? undefined : semver.compare(x, y);
}

function arrayLengthDifference(a: ImlValue, b: ImlValue): number | undefined {
  const length = quietly(() => toNumber(b));
  return length === undefined ? undefined : toArray(a).length - length;
}

/** The two operands as text, lower-cased for the `:ci` variants. */
function texts(a: ImlValue, b: ImlValue, ci: boolean): [string, string] {
  const x = toText(a);
  const y = toText(b);
  return ci ? [x.toLowerCase(), y.toLowerCase()] : [x, y];
}

function pattern(a: ImlValue, b: ImlValue, ci: boolean): boolean {
  let regex: RegExp;
  try {
    regex = new RegExp(toText(b), ci ? 'i' : '');
  } catch (error) {
    throw new ImlRuntimeError(ImlErrorCode.invalidArgument, `Invalid pattern '${toText(b)}': ${(error as Error).message}`);
  }
  return regex.test(toText(a));
}

function arrayContains(a: ImlValue, b: ImlValue, ci: boolean): boolean {
  const wanted = ci ? toText(b).toLowerCase() : toText(b);
  return toArray(a).some((item) => (ci ? toText(item).toLowerCase() : toText(item)) === wanted);
}

/** Text operators and their `:ci` twins from one test on (already cased) text. */
function textPair<N extends string>(name: N, test: (x: string, y: string) => boolean) {
  return {
    [`text:${name}`]: (a: ImlValue, b: ImlValue) => test(...texts(a, b, false)),
    [`text:${name}:ci`]: (a: ImlValue, b: ImlValue) => test(...texts(a, b, true)),
  } as unknown as Record<`text:${N}` | `text:${N}:ci`, Test>;
}

export const FILTER_OPERATORS = {
  exist: (a) => !isEmpty(a),
  notexist: (a) => isEmpty(a),
  ...textPair('equal', (x, y) => x === y),
  ...textPair('notequal', (x, y) => x !== y),
  ...textPair('contain', (x, y) => x.includes(y)),
  ...textPair('notcontain', (x, y) => !x.includes(y)),
  ...textPair('startwith', (x, y) => x.startsWith(y)),
  ...textPair('notstartwith', (x, y) => !x.startsWith(y)),
  ...textPair('endwith', (x, y) => x.endsWith(y)),
  ...textPair('notendwith', (x, y) => !x.endsWith(y)),
  'text:pattern': (a, b) => pattern(a, b, false),
  'text:pattern:ci': (a, b) => pattern(a, b, true),
  'text:notpattern': (a, b) => !pattern(a, b, false),
  'text:notpattern:ci': (a, b) => !pattern(a, b, true),
  ...comparisons('number', numberDifference),
  ...comparisons('date', dateDifference),
  ...comparisons('time', timeDifference),
  ...comparisons('semver', semverDifference),
  'array:contain': (a, b) => arrayContains(a, b, false),
  'array:contain:ci': (a, b) => arrayContains(a, b, true),
  'array:notcontain': (a, b) => !arrayContains(a, b, false),
  'array:notcontain:ci': (a, b) => !arrayContains(a, b, true),
  ...comparisons('array', arrayLengthDifference),
  'boolean:equal': (a, b) => toBoolean(a) === toBoolean(b),
  'boolean:notequal': (a, b) => toBoolean(a) !== toBoolean(b),
} satisfies Record<string, Test>;

export type FilterOperator = keyof typeof FILTER_OPERATORS;
export const FILTER_OPERATOR_NAMES = Object.keys(FILTER_OPERATORS) as FilterOperator[];

export function isFilterOperator(name: string): name is FilterOperator {
  return Object.hasOwn(FILTER_OPERATORS, name);
}

/** One condition as a blueprint stores it; operands may be templates or plain JSON scalars. */
export interface FilterConditionInput {
  readonly a?: unknown;
  readonly o: string;
  readonly b?: unknown;
}

export interface FilterInput {
  readonly name?: string;
  readonly conditions: readonly (readonly FilterConditionInput[])[];
}

export interface CompiledCondition {
  readonly operator: FilterOperator;
  readonly a: CompiledTemplate | undefined;
  readonly b: CompiledTemplate | undefined;
  test(ctx: EvalContext): boolean;
}

function compileOperand(operand: unknown, options: CompileOptions): CompiledTemplate | undefined {
  if (operand === undefined || operand === null) return undefined;
  return compileTemplate(typeof operand === 'string' ? operand : String(operand), options);
}

/** Compiles one condition; an operator outside Make's set is an error by name. */
export function compileCondition(condition: FilterConditionInput, options: CompileOptions = {}): CompiledCondition {
  const operator = condition.o;
  if (!isFilterOperator(operator)) {
    throw new ImlCompileError(
      ImlErrorCode.unknownFilterOperator,
      `Unknown filter operator '${operator}'. Make's operators are exist, notexist and the text:, number:, date:, time:, semver:, array: and boolean: families.`,
      { field: 'o' },
    );
  }
  return conditionOf(operator, compileOperand(condition.a, options), compileOperand(condition.b, options));
}

/** A condition from operands compiled by the caller (the blueprint importer compiles each with its own path). */
export function conditionOf(operator: FilterOperator, a: CompiledTemplate | undefined, b: CompiledTemplate | undefined): CompiledCondition {
  const test = FILTER_OPERATORS[operator] as Test;
  return { operator, a, b, test: (ctx) => test(a?.evaluate(ctx), b?.evaluate(ctx), ctx) };
}

/** A whole filter: passes when any AND group passes; no conditions at all passes. */
export function compileFilter(filter: FilterInput, options: CompileOptions = {}): (ctx: EvalContext) => boolean {
  const groups = filter.conditions.map((group) => group.map((condition) => compileCondition(condition, options)));
  if (groups.length === 0) return () => true;
  return (ctx) => groups.some((group) => group.every((condition) => condition.test(ctx)));
}
