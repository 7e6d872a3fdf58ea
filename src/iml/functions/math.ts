// Math functions (help.make.com/math-functions). Results are decimal-cleaned like Make's decimal arithmetic.
import { toNumber, toText } from '../coerce.ts';
import { decimalClean } from '../operators.ts';
import type { ImlValue } from '../types.ts';
import { invalid, optionalNumber, spreadValues } from './args.ts';
import { defineFunction, HELP, type ImlFunction } from './define.ts';

/** Numeric items of the arguments (arrays spread); non-numeric items are skipped as Make does. */
function numbers(args: readonly ImlValue[]): number[] {
  const out: number[] = [];
  for (const value of spreadValues(args)) {
    try {
      const n = toNumber(value);
      if (n !== undefined && Number.isFinite(n)) out.push(n);
    } catch {
      // Skipped: aggregate functions ignore items that are not numbers.
    }
  }
  return out;
}

function unary(name: string, description: string, example: { expr: string; result: number }, apply: (n: number) => number): ImlFunction {
  return defineFunction({
    name,
    family: 'math',
    signature: `${name}(number)`,
    description,
    example,
    docUrl: HELP.math,
    minArgs: 1,
    maxArgs: 1,
    run: ([value]) => {
      const n = toNumber(value);
      return n === undefined ? undefined : decimalClean(apply(n));
    },
  });
}

function aggregate(
  name: string,
  description: string,
  example: { expr: string; result: number },
  apply: (values: number[]) => number | undefined,
  exact = true,
): ImlFunction {
  return defineFunction({
    name,
    family: 'math',
    signature: `${name}(array or value1; [value2; ...])`,
    description,
    example,
    docUrl: HELP.math,
    minArgs: 1,
    maxArgs: Infinity,
    run: (args) => {
      const values = numbers(args);
      if (values.length === 0) return undefined;
      const result = apply(values);
      // Square roots are irrational: only sums and means of decimals get Make's decimal rounding.
      return result === undefined || !exact ? result : decimalClean(result);
    },
  });
}

const total = (values: number[]) => values.reduce((sum, n) => sum + n, 0);
const mean = (values: number[]) => total(values) / values.length;
function variance(values: number[], sample: boolean): number | undefined {
  if (sample && values.length < 2) return undefined;
  const m = mean(values);
  return total(values.map((n) => (n - m) ** 2)) / (values.length - (sample ? 1 : 0));
}

/** Rounds half away from zero, like round() in Make's docs (1.5 → 2). */
function roundHalfUp(n: number): number {
  return Math.sign(n) * Math.round(Math.abs(n));
}

/** Drops digits after `decimals` places without rounding; negative `decimals` zeroes integer digits. */
function truncate(n: number, decimals: number): number {
  const factor = 10 ** Math.trunc(decimals);
  return Math.trunc(decimalClean(n * factor)) / factor;
}

/** formatNumber: fixed decimals, Make's defaults "," for decimals and "." for thousands. */
function formatNumber(n: number, decimals: number, decimalSeparator: string, thousandsSeparator: string): string {
  const fixed = Math.abs(decimalClean(n)).toFixed(Math.max(0, Math.min(100, Math.trunc(decimals))));
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousandsSeparator);
  const sign = n < 0 && /[1-9]/.test(fixed) ? '-' : '';
  return sign + grouped + (fraction === undefined ? '' : decimalSeparator + fraction);
}

/** parseNumber: keeps digits, the decimal separator and a leading minus; everything else is grouping. */
function parseNumber(input: string, decimalSeparator: string): number | undefined {
  const separator = decimalSeparator === '' ? '.' : decimalSeparator;
  const trimmed = input.trim();
  if (trimmed === '') return undefined;
  const negative = /^[-−]/.test(trimmed) || /^\(.*\)$/.test(trimmed);
  const [whole = '', ...rest] = trimmed.split(separator);
  const digits = whole.replace(/\D/g, '');
  const fraction = rest.join('').replace(/\D/g, '');
  if (digits === '' && fraction === '') throw invalid(`parseNumber() cannot read a number from '${input}'.`);
  const value = Number(`${digits || '0'}.${fraction || '0'}`);
  return negative ? -value : value;
}

export const mathFunctions: readonly ImlFunction[] = [
  unary('abs', 'Absolute value.', { expr: '{{abs(-5)}}', result: 5 }, Math.abs),
  unary('ceil', 'The smallest integer greater than or equal to the number.', { expr: '{{ceil(1.2)}}', result: 2 }, Math.ceil),
  unary('floor', 'The largest integer less than or equal to the number.', { expr: '{{floor(1.9)}}', result: 1 }, Math.floor),
  unary('round', 'Rounds to the nearest integer; .5 rounds up.', { expr: '{{round(1.5)}}', result: 2 }, roundHalfUp),
  aggregate('average', 'Arithmetic mean of the values.', { expr: '{{average(2; 4; 6)}}', result: 4 }, mean),
  aggregate('max', 'The largest value.', { expr: '{{max(1; 7; 3)}}', result: 7 }, (values) => Math.max(...values)),
  aggregate('min', 'The smallest value.', { expr: '{{min(4; -2; 9)}}', result: -2 }, (values) => Math.min(...values)),
  aggregate('sum', 'Sum of the values.', { expr: '{{sum(1; 2; 3)}}', result: 6 }, total),
  aggregate('median', 'Median of the values (mean of the middle two for an even count).', { expr: '{{median(2; 3; 5; 8)}}', result: 4 }, (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  }),
  aggregate('stdevP', 'Population standard deviation (divides by N).', { expr: '{{stdevP(1; 2; 3; 4; 5)}}', result: 1.4142135623730951 }, (values) => Math.sqrt(variance(values, false) ?? 0), false),
  aggregate('stdevS', 'Sample standard deviation (divides by N - 1).', { expr: '{{stdevS(2; 4; 4; 4; 5; 5; 7; 9)}}', result: 2.138089935299395 }, (values) => {
    const v = variance(values, true);
    return v === undefined ? undefined : Math.sqrt(v);
  }, false),
  defineFunction({
    name: 'trunc',
    family: 'math',
    signature: 'trunc(number; [decimals])',
    description: 'Drops the fractional part, or keeps the given number of decimals without rounding.',
    example: { expr: '{{trunc(3.789; 2)}}', result: 3.78 },
    docUrl: HELP.math,
    minArgs: 1,
    maxArgs: 2,
    run: (args) => {
      const n = toNumber(args[0]);
      return n === undefined ? undefined : truncate(n, optionalNumber(args, 1, 0));
    },
  }),
  defineFunction({
    name: 'formatNumber',
    family: 'math',
    signature: 'formatNumber(number; decimalPoints; [decimalSeparator]; [thousandsSeparator])',
    description: 'The number as text with fixed decimals; separators default to "," for decimals and "." for thousands.',
    example: { expr: '{{formatNumber(123456789; 3; ","; ".")}}', result: '123.456.789,000' },
    docUrl: HELP.math,
    minArgs: 2,
    maxArgs: 4,
    run: (args) => {
      const n = toNumber(args[0]);
      if (n === undefined) return undefined;
      const separator = (index: number, fallback: string) => (args[index] === undefined || args[index] === null ? fallback : toText(args[index]));
      return formatNumber(n, optionalNumber(args, 1, 0), separator(2, ','), separator(3, '.'));
    },
  }),
  defineFunction({
    name: 'parseNumber',
    family: 'math',
    signature: 'parseNumber(number; decimalSeparator)',
    description: 'Reads a localised number; characters other than digits and the decimal separator are ignored.',
    example: { expr: '{{parseNumber("1 756,456"; ",")}}', result: 1756.456 },
    docUrl: HELP.math,
    minArgs: 1,
    maxArgs: 2,
    run: (args) => {
      if (typeof args[0] === 'number') return args[0];
      return parseNumber(toText(args[0]), args[1] === undefined || args[1] === null ? '.' : toText(args[1]));
    },
  }),
];

