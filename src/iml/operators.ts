// Binary and unary operators of IML, one handler per operator (IML.md §A.6, decisions in docs/semantics.md).
import type { BinaryOperator } from './ast.ts';
import { isEmpty, toBoolean, toNumber, toText } from './coerce.ts';
import { ERASE, type ImlValue } from './types.ts';

type BinaryHandler = (left: ImlValue, right: ImlValue) => ImlValue;

function isNumericText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value.trim()));
}

/** Numeric operands for arithmetic; empty counts as 0 so `{{1.missing * 2}}` is 0, not an error. */
function arithmetic(left: ImlValue, right: ImlValue, apply: (a: number, b: number) => number): number {
  return decimalClean(apply(toNumber(left) ?? 0, toNumber(right) ?? 0));
}

/**
 * Make computes with decimals, so `0.1 + 0.2` is 0.3 there; rounding binary floats
 * to 15 significant digits gives the same results for every decimal input.
 */
export function decimalClean(value: number): number {
  return Number.isFinite(value) && value !== 0 ? Number.parseFloat(value.toPrecision(15)) : value;
}

/** `+`: text on either side concatenates; otherwise numeric; an empty side yields the other side. */
function plus(left: ImlValue, right: ImlValue): ImlValue {
  if (isEmpty(left)) return right === ERASE ? null : right;
  if (isEmpty(right)) return left;
  if (typeof left === 'string' || typeof right === 'string') return toText(left) + toText(right);
  if (Array.isArray(left) || Array.isArray(right) || typeof left === 'object' || typeof right === 'object') {
    if (left instanceof Date || right instanceof Date) return arithmetic(left, right, (a, b) => a + b);
    return toText(left) + toText(right);
  }
  if (typeof left === 'boolean' || typeof right === 'boolean') return toText(left) + toText(right);
  return arithmetic(left, right, (a, b) => a + b);
}

/** Comparable form of a pair: numbers, instants or text, decided by what both sides are. */
function comparable(left: ImlValue, right: ImlValue): [number, number] | [string, string] {
  const numeric = (value: ImlValue) => typeof value === 'number' || value instanceof Date;
  if ((numeric(left) && (numeric(right) || isNumericText(right))) || (numeric(right) && isNumericText(left))) {
    return [toNumber(left) ?? 0, toNumber(right) ?? 0];
  }
  return [toText(left), toText(right)];
}

/** `=`: both empty are equal; numbers (or a number and numeric text) numerically; dates by instant; else as text. */
export function looseEquals(left: ImlValue, right: ImlValue): boolean {
  if (isEmpty(left) || isEmpty(right)) return isEmpty(left) && isEmpty(right);
  if (typeof left === 'boolean' || typeof right === 'boolean') return toText(left) === toText(right);
  const [a, b] = comparable(left, right);
  return a === b;
}

function order(left: ImlValue, right: ImlValue, test: (a: number | string, b: number | string) => boolean): boolean {
  const [a, b] = comparable(left, right);
  return test(a, b);
}

export const BINARY_HANDLERS = {
  '|': (left, right) => toBoolean(left) || toBoolean(right),
  '&': (left, right) => toBoolean(left) && toBoolean(right),
  '=': (left, right) => looseEquals(left, right),
  '!=': (left, right) => !looseEquals(left, right),
  '<': (left, right) => order(left, right, (a, b) => a < b),
  '<=': (left, right) => order(left, right, (a, b) => a <= b),
  '>': (left, right) => order(left, right, (a, b) => a > b),
  '>=': (left, right) => order(left, right, (a, b) => a >= b),
  '+': plus,
  '++': (left, right) => arithmetic(left, right, (a, b) => a + b),
  '-': (left, right) => arithmetic(left, right, (a, b) => a - b),
  '*': (left, right) => arithmetic(left, right, (a, b) => a * b),
  '/': (left, right) => arithmetic(left, right, (a, b) => a / b),
  '%': (left, right) => arithmetic(left, right, (a, b) => a % b),
} as const satisfies Record<BinaryOperator, BinaryHandler>;

/** `&` and `|` evaluate their right side only when needed. */
export const SHORT_CIRCUIT: Partial<Record<BinaryOperator, (left: ImlValue) => boolean | undefined>> = {
  '&': (left) => (toBoolean(left) ? undefined : false),
  '|': (left) => (toBoolean(left) ? true : undefined),
};

export function negate(value: ImlValue): number {
  return -(toNumber(value) ?? 0);
}

export function not(value: ImlValue): boolean {
  return !toBoolean(value);
}
