// "Expected is contained in actual": every key the expectation names must match; arrays match item by item
// and must have the same length. Lets fixtures ignore random ids while still pinning every value they list.
import { isDeepStrictEqual } from 'node:util';

/** A list of mismatches (empty when `actual` contains `expected`), each with its JSON path. */
export function subsetMismatches(actual: unknown, expected: unknown, path = '$'): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length) return [`${path}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual)}`];
    return expected.flatMap((item, index) => subsetMismatches(actual[index], item, `${path}[${index}]`));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([key, value]) => subsetMismatches((actual as Record<string, unknown>)[key], value, `${path}.${key}`));
  }
  return isDeepStrictEqual(actual, expected) ? [] : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
}
