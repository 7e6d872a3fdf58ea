// Every documented IML example in ../shared/iml-vectors.json, through the code path `remake eval` uses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { evaluateRequest } from '../src/iml/eval-request.ts';
import { sameJson } from './support/compare.ts';

interface Vector {
  id: string;
  expr: string | { filter: unknown };
  context: Record<string, unknown>;
  expected: unknown;
  note?: string;
}

const vectors = JSON.parse(readFileSync(new URL('../../shared/iml-vectors.json', import.meta.url), 'utf8')) as Vector[];

test(`IML vectors: all ${vectors.length} documented examples give Make's result`, () => {
  const failures: string[] = [];
  for (const vector of vectors) {
    let actual: unknown;
    try {
      actual =
        typeof vector.expr === 'string'
          ? evaluateRequest({ template: vector.expr, context: vector.context })
          : evaluateRequest({ filter: vector.expr.filter, context: vector.context });
    } catch (error) {
      failures.push(`${vector.id}: threw ${(error as Error).message}`);
      continue;
    }
    if (!sameJson(actual, vector.expected)) {
      failures.push(`${vector.id}: ${JSON.stringify(vector.expr)} gave ${JSON.stringify(actual)}, expected ${JSON.stringify(vector.expected)}`);
    }
  }
  console.log(`IML vectors: ${vectors.length - failures.length}/${vectors.length} passed`);
  assert.deepEqual(failures, []);
});
