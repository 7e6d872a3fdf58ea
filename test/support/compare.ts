// Compares an IML result (as JSON) with an expected vector value: key order ignored, null = empty.
import { isDeepStrictEqual } from 'node:util';

function normalise(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) out[key] = normalise((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

export function sameJson(actual: unknown, expected: unknown): boolean {
  return isDeepStrictEqual(normalise(actual), normalise(expected));
}
