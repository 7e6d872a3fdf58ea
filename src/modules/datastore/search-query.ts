// The filter and sort of Search records: Make's OR-of-AND conditions where `a` names a record field (or `key`)
// and `b` is the mapped value (BLUEPRINT.md §5 "Search filters inside mapper"), and a multi-key sort.
import type { ModuleContext } from '../../executor/module-api.ts';
import { MakeError } from '../../executor/make-error.ts';
import type { DataRecord } from '../../executor/ports.ts';
import { conditionOf, isEmpty, isFilterOperator, toText, type CompiledTemplate, type EvalContext, type FilterOperator, type ImlValue } from '../../iml/index.ts';

/** A record as the search sees it. */
export interface StoredRecord {
  readonly key: string;
  readonly data: DataRecord;
}

/** One condition as the executor resolved it: field name, operator, value. */
export interface SearchCondition {
  readonly a: string;
  readonly o: string;
  readonly b?: unknown;
}

export interface SearchSort {
  readonly key: string;
  readonly order: 'asc' | 'desc';
}

/** The value of field `name` in a record; `key` is the record's key (the editor offers it beside the fields). */
function fieldOf(record: StoredRecord, name: string): unknown {
  return name === 'key' ? record.key : record.data[name];
}

/**
 * An operand whose value is already known. The executor resolved the mapper, so `b` is a value, not a template,
 * and must not be parsed as IML again; `a` is read from the record.
 */
function valueOperand(value: unknown): CompiledTemplate {
  // Stored records and resolved mapper values are JSON or IML values, the domain the operators accept.
  return { source: '', shape: 'constant', references: [], roots: [], functions: [], expressions: [], evaluate: () => value as ImlValue };
}

/** The evaluation context the operators need (date operators read the scenario's time zone). */
function evalContextOf(ctx: ModuleContext): EvalContext {
  return { module: () => undefined, roots: {}, now: ctx.now, timezone: ctx.timezone, random: ctx.random, uuid: ctx.uuid, executionId: ctx.executionId };
}

function operatorOf(condition: SearchCondition): FilterOperator {
  if (isFilterOperator(condition.o)) return condition.o;
  throw new MakeError('InvalidConfigurationError', `Search records: unknown filter operator '${condition.o}' on field '${condition.a}'.`);
}

/**
 * A test for records: passes when any AND group passes; no conditions at all passes every record (as a module
 * filter with no conditions does, IML.md §D). An operator outside Make's set is an InvalidConfigurationError.
 */
export function compileRecordFilter(groups: readonly (readonly SearchCondition[])[], ctx: ModuleContext): (record: StoredRecord) => boolean {
  const evalContext = evalContextOf(ctx);
  const checked = groups
    .map((group) => group.map((condition) => ({ operator: operatorOf(condition), field: condition.a, value: condition.b })))
    .filter((group) => group.length > 0);
  if (checked.length === 0) return () => true;
  return (record) =>
    checked.some((group) =>
      group.every(({ operator, field, value }) => conditionOf(operator, valueOperand(fieldOf(record, field)), valueOperand(value)).test(evalContext)),
    );
}

/**
 * GUESS: how Make's store orders values is not documented. Empty values first, then numbers (numerically),
 * booleans (false first), then everything else as text in code point order.
 */
function compareValues(x: unknown, y: unknown): number {
  const rank = (value: unknown): number => (isEmpty(value) ? 0 : typeof value === 'number' ? 1 : typeof value === 'boolean' ? 2 : 3);
  const byRank = rank(x) - rank(y);
  if (byRank !== 0) return byRank;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'boolean' && typeof y === 'boolean') return Number(x) - Number(y);
  const a = toText(x);
  const b = toText(y);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Records sorted by each sort entry in turn; ties keep key order (the order `list` returns). */
export function sortRecords(records: readonly StoredRecord[], sort: readonly SearchSort[]): StoredRecord[] {
  if (sort.length === 0) return [...records];
  return [...records].sort((left, right) => {
    for (const { key, order } of sort) {
      const difference = compareValues(fieldOf(left, key), fieldOf(right, key));
      if (difference !== 0) return order === 'desc' ? -difference : difference;
    }
    return 0;
  });
}
