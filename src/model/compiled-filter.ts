// A link filter or if/else condition compiled: OR of AND groups of `{a, o, b}` (SEMANTICS.md §4).
import { compileTemplate, conditionOf, ImlCompileError, ImlErrorCode, isFilterOperator, type CompiledTemplate, type EvalContext, type FilterOperator } from '../iml/index.ts';
import { RemakeError } from '../shared/errors.ts';
import { childPath } from './compiled-value.ts';
import { isRecord } from '../shared/is-record.ts';

export interface CompiledFilterCondition {
  /** JSON path of the condition object, e.g. `flow[3].filter.conditions[0][1]`. */
  readonly path: string;
  readonly operator: FilterOperator;
  readonly a: CompiledTemplate | undefined;
  readonly b: CompiledTemplate | undefined;
  test(ctx: EvalContext): boolean;
}

/** A condition that did not compile (bad operator, bad IML), with the field at fault. */
export interface FilterProblem {
  readonly path: string;
  readonly error: RemakeError;
}

export interface CompiledFilter {
  readonly name: string | undefined;
  readonly groups: readonly (readonly CompiledFilterCondition[])[];
  /** Conditions that failed to compile; a filter with problems cannot run. */
  readonly problems: readonly FilterProblem[];
  /** Passes when any AND group passes; no groups at all passes (SEMANTICS.md rule 52, GUESS). */
  test(ctx: EvalContext): boolean;
}


/** Compiles one operand; JSON scalars written without quotes (`"b": 5`) are read as their text. */
function compileOperand(operand: unknown, path: string, problems: FilterProblem[]): CompiledTemplate | undefined | null {
  if (operand === null || operand === undefined) return undefined;
  try {
    return compileTemplate(typeof operand === 'string' ? operand : JSON.stringify(operand));
  } catch (error) {
    if (!(error instanceof RemakeError)) throw error;
    problems.push({ path, error });
    return null;
  }
}

/**
 * Compiles `conditions` (already checked to be an array of arrays of objects with a text `o`).
 * Each condition compiles on its own so that every bad one is reported, not only the first.
 */
export function compileFilterConditions(name: string | undefined, conditions: readonly (readonly Record<string, unknown>[])[], path: string): CompiledFilter {
  const problems: FilterProblem[] = [];
  const groups = conditions.map((group, g) =>
    group.flatMap((condition, c): CompiledFilterCondition[] => {
      const at = `${childPath(path, g)}[${c}]`;
      const operator = String(condition.o);
      if (!isFilterOperator(operator)) {
        problems.push({ path: `${at}.o`, error: unknownOperator(operator) });
        return [];
      }
      const a = compileOperand(condition.a, `${at}.a`, problems);
      const b = compileOperand(condition.b, `${at}.b`, problems);
      if (a === null || b === null) return [];
      return [{ path: at, ...conditionOf(operator, a, b) }];
    }),
  );
  return {
    name,
    groups,
    problems,
    test: (ctx) => groups.length === 0 || groups.some((group) => group.every((condition) => condition.test(ctx))),
  };
}

function unknownOperator(operator: string): RemakeError {
  return new ImlCompileError(
    ImlErrorCode.unknownFilterOperator,
    `Unknown filter operator '${operator}'. Make's operators are exist, notexist and the text:, number:, date:, time:, semver:, array: and boolean: families (for example text:equal, number:greaterorequal).`,
    { field: 'o' },
  );
}

/** True when `value` has the shape of a conditions array. */
export function isConditionsShape(value: unknown): value is Record<string, unknown>[][] {
  return Array.isArray(value) && value.every((group) => Array.isArray(group) && group.every((condition) => isRecord(condition) && typeof condition.o === 'string'));
}
