// Filter conditions in words: `{{1.status}} text:equal "paid"` → `1.status equals "paid"`. Conditions are an
// OR of AND groups (BLUEPRINT.md §5, SEMANTICS.md §4); operators outside Make's set are named, not hidden.
import { isFilterOperator, type FilterOperator } from '../../iml/index.ts';
import { ownValue } from '../../shared/own-value.ts';
import { describeOperand, describeSetting, isRecord } from './text.ts';

/** Every operator without its `:ci` twin; `:ci` adds "(case-insensitive)" to the same words. */
type BaseOperator = Exclude<FilterOperator, `${string}:ci`>;

/**
 * Words per operator. `{b}` marks where the right operand goes; without it the operand follows the words.
 * `array:` comparisons compare the array's length (BLUEPRINT.md §5), so they read as item counts.
 */
const OPERATOR_WORDS = {
  exist: 'exists',
  notexist: 'does not exist',
  'text:equal': 'equals',
  'text:notequal': 'does not equal',
  'text:contain': 'contains',
  'text:notcontain': 'does not contain',
  'text:startwith': 'starts with',
  'text:notstartwith': 'does not start with',
  'text:endwith': 'ends with',
  'text:notendwith': 'does not end with',
  'text:pattern': 'matches the pattern',
  'text:notpattern': 'does not match the pattern',
  'number:equal': 'equals the number',
  'number:notequal': 'does not equal the number',
  'number:greater': 'is greater than',
  'number:less': 'is less than',
  'number:greaterorequal': 'is at least',
  'number:lessorequal': 'is at most',
  'date:equal': 'is the same date as',
  'date:notequal': 'is not the same date as',
  'date:greater': 'is after',
  'date:less': 'is before',
  'date:greaterorequal': 'is on or after',
  'date:lessorequal': 'is on or before',
  'time:equal': 'is the time of day',
  'time:notequal': 'is not the time of day',
  'time:greater': 'is a time of day after',
  'time:less': 'is a time of day before',
  'time:greaterorequal': 'is a time of day at or after',
  'time:lessorequal': 'is a time of day at or before',
  'semver:equal': 'is version',
  'semver:notequal': 'is not version',
  'semver:greater': 'is a version later than',
  'semver:less': 'is a version earlier than',
  'semver:greaterorequal': 'is version {b} or later',
  'semver:lessorequal': 'is version {b} or earlier',
  'array:contain': 'contains the item',
  'array:notcontain': 'does not contain the item',
  'array:equal': 'has exactly {b} items',
  'array:notequal': 'does not have exactly {b} items',
  'array:greater': 'has more than {b} items',
  'array:less': 'has fewer than {b} items',
  'array:greaterorequal': 'has at least {b} items',
  'array:lessorequal': 'has at most {b} items',
  'boolean:equal': 'is',
  'boolean:notequal': 'is not',
} as const satisfies Record<BaseOperator, string>;

/** Operators whose right operand, when empty, reads better as "is empty" / "is not empty". */
const EMPTY_WORDS: Readonly<Record<string, string>> = { 'text:equal': 'is empty', 'text:notequal': 'is not empty' };

/** The words for `operator` with a `{b}` slot, or undefined when it is not one of Make's operators. */
export function operatorWords(operator: string): string | undefined {
  if (!isFilterOperator(operator)) return undefined;
  const ci = operator.endsWith(':ci');
  const words: string = OPERATOR_WORDS[(ci ? operator.slice(0, -3) : operator) as BaseOperator];
  const slotted = words.includes('{b}') ? words : `${words} {b}`;
  return ci ? slotted.replace('{b}', '(case-insensitive) {b}') : slotted;
}

/**
 * Operators whose right operand is a number or a boolean, which Make's forms still store as text (`"b": "100"`):
 * shown bare (`is at least 100`), where text operators keep the quotes that say "this exact text".
 */
function isBareFamily(operator: string): boolean {
  return operator.startsWith('number:') || operator.startsWith('boolean:') || (operator.startsWith('array:') && !operator.includes('contain'));
}

function isEmptyOperand(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && (raw === '' || /^\{\{\s*emptystring\s*\}\}$/.test(raw)));
}

/** One `{a, o, b}` condition in words. */
export function describeCondition(condition: Record<string, unknown>): string {
  const operator = typeof condition.o === 'string' ? condition.o : String(condition.o);
  const a = describeOperand(condition.a);
  if (operator === 'exist' || operator === 'notexist') return `${a} ${OPERATOR_WORDS[operator]}`;
  const base = operator.replace(/:ci$/, '');
  const empty = ownValue(EMPTY_WORDS, base);
  if (empty && isEmptyOperand(condition.b)) return `${a} ${empty}`;
  const words = operatorWords(operator);
  const b = isBareFamily(base) && typeof condition.b === 'string' && !condition.b.includes('{{') ? describeSetting(condition.b, '""') : describeOperand(condition.b);
  // Hand-written blueprints use operators Make does not have (string:equal, text:isempty); say so plainly.
  if (!words) return `${a} [unknown operator ${operator}]${condition.b === undefined ? '' : ` ${b}`}`;
  return `${a} ${words.replace('{b}', b)}`;
}

/** The whole OR of AND groups in words, or undefined when there is no condition (a label-only filter). */
export function describeConditions(conditions: unknown): string | undefined {
  if (!Array.isArray(conditions)) return undefined;
  const groups = conditions
    .map((group) => (Array.isArray(group) ? group.filter(isRecord).map(describeCondition) : []))
    .filter((group) => group.length > 0);
  if (groups.length === 0) return undefined;
  // Parentheses only when needed: several OR groups of which some hold more than one AND condition.
  const wrap = groups.length > 1;
  return groups.map((group) => (wrap && group.length > 1 ? `(${group.join(' and ')})` : group.join(' and '))).join(' or ');
}

/** A module's `filter` (or a branch's conditions) read once: its label and its condition in words. */
export interface FilterWords {
  readonly name: string | undefined;
  /** Undefined when the filter has no conditions, so every bundle passes. */
  readonly condition: string | undefined;
}

/** Reads a raw filter object; undefined when there is no filter at all. */
export function readFilter(raw: unknown): FilterWords | undefined {
  if (!isRecord(raw)) return undefined;
  const name = typeof raw.name === 'string' && raw.name.trim() !== '' ? raw.name.trim() : undefined;
  return { name, condition: describeConditions(raw.conditions) };
}
