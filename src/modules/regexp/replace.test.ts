// Replace: first or every match, group references, literal backslashes, options and bad patterns.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runModule } from '../../../test/support/module-context.ts';
import { replace } from './replace.ts';

const options = { global: false, sensitive: true, multiline: false, singleline: false };
const run = (mapper: object) => runModule(replace, { parameters: {}, mapper: { ...options, ...mapper } });

test('replaces the first match, or every match when global', async () => {
  assert.deepEqual(await run({ text: 'a-b-c', pattern: '-', value: '+' }), [{ text: 'a+b-c' }]);
  assert.deepEqual(await run({ text: 'a-b-c', pattern: '-', value: '+', global: true }), [{ text: 'a+b+c' }]);
});

test('the new value may use $1, $<name> and $&; backslashes stay literal', async () => {
  assert.deepEqual(await run({ text: 'Sure! {"a":1} Hope it helps', pattern: '^.*?(\\{)', value: '$1', singleline: true }), [{ text: '{"a":1} Hope it helps' }]);
  assert.deepEqual(await run({ text: '2024-05-06', pattern: '(?<y>\\d+)-(?<m>\\d+)-(?<d>\\d+)', value: '$<d>/$<m>/$<y> ($&)' }), [{ text: '06/05/2024 (2024-05-06)' }]);
  assert.deepEqual(await run({ text: 'f(x)', pattern: '\\(', value: '\\(', global: true }), [{ text: 'f\\(x)' }]);
});

test('an empty or missing new value deletes the matches; missing text is empty', async () => {
  assert.deepEqual(await run({ text: '000123', pattern: '^0+', value: '' }), [{ text: '123' }]);
  assert.deepEqual(await run({ text: 'a "b"', pattern: '"', global: true }), [{ text: 'a b' }]);
  assert.deepEqual(await run({ pattern: 'x', value: 'y' }), [{ text: '' }]);
});

test('case sensitivity defaults to on and follows the checkbox', async () => {
  assert.deepEqual(await runModule(replace, { mapper: { text: 'Cat cat', pattern: 'cat', value: 'dog', global: true } }), [{ text: 'Cat dog' }]);
  assert.deepEqual(await run({ text: 'Cat cat', pattern: 'cat', value: 'dog', global: true, sensitive: false }), [{ text: 'dog dog' }]);
});

test('a bad pattern is an InvalidConfigurationError', async () => {
  await assert.rejects(run({ text: 'x', pattern: '[a-', value: '' }), {
    name: 'InvalidConfigurationError',
    message: 'The pattern "[a-" is not a valid regular expression: unterminated character class.',
  });
});
