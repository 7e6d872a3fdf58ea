// Evaluate a math expression: Make's own example, the result types, seeded random and every failure as DataError.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestModuleContext, runModule } from '../../../test/support/module-context.ts';
import { evaluateExpression } from './evaluate-expression.ts';

const evaluate = (expression: unknown) => runModule(evaluateExpression, { mapper: { expression } });

test("evaluates Make's help example and everyday arithmetic", async () => {
  assert.deepEqual(await evaluate('(sqrt(3^2 + 4^2)) + (2 * (3 + 4))'), [{ result: 19 }]);
  assert.deepEqual(await evaluate('round(2.567, 2) + abs(-1) + 10 % 4'), [{ result: 5.57 }]);
  assert.deepEqual(await evaluate(523), [{ result: 523 }]);
  assert.deepEqual(await evaluate(' 7 / 2 '), [{ result: 3.5 }]);
  assert.deepEqual(await evaluate('3 > 2'), [{ result: true }]);
});

test('random uses the run random source, so seeded runs repeat', async () => {
  const ctx = createTestModuleContext({ random: () => 0.25 });
  assert.deepEqual(await runModule(evaluateExpression, { mapper: { expression: 'random() * 100' } }, ctx), [{ result: 25 }]);
  assert.deepEqual(await runModule(evaluateExpression, { mapper: { expression: 'random(10, 20)' } }, ctx), [{ result: 12.5 }]);
});

test('a syntax error, an unknown name or a non-number result is a DataError', async () => {
  await assert.rejects(evaluate('2 +'), { name: 'DataError', message: 'The expression "2 +" cannot be evaluated: Unexpected end of expression (char 4).' });
  await assert.rejects(evaluate('x + 1'), { name: 'DataError', message: 'The expression "x + 1" cannot be evaluated: Undefined symbol x.' });
  await assert.rejects(evaluate('1 / 0'), { name: 'DataError', message: 'The expression "1 / 0" does not give a finite number (it gives Infinity).' });
  await assert.rejects(evaluate('"abc"'), { name: 'DataError', message: 'The expression "\\"abc\\"" does not give a finite number (it gives string).' });
  await assert.rejects(evaluate('   '), { name: 'DataError', message: 'The expression is empty.' });
});

test('functions that reach into mathjs itself and matrices are not available', async () => {
  await assert.rejects(evaluate('import({x: 1})'), /Function import is not available in a math expression/);
  await assert.rejects(evaluate('evaluate("1+1")'), /Function evaluate is not available/);
  await assert.rejects(evaluate('createUnit("foo")'), { name: 'DataError', message: 'The expression "createUnit(\\"foo\\")" cannot be evaluated: Function createUnit is not available in a math expression.' });
  await assert.rejects(evaluate('zeros(100000000)'), { name: 'DataError' });
  await assert.rejects(evaluate('[1, 2, 3]'), { name: 'DataError' });
});
